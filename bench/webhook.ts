/**
 * How long the webhook receiver takes to acknowledge Meta's largest delivery: Meta batches up to
 * 1,000 Page updates in one POST, and the receiver must answer well inside its Lambda timeout (10 s)
 * with every Page's job on the queue. N Pages are linked with sync on; each round sends one signed
 * delivery with one entry per Page (fresh times, so nothing is a duplicate), then the last delivery
 * is sent again (every entry a duplicate). The worker is off, so the queue holds what was enqueued
 * and nothing else competes for the machine.
 */
import { createHmac } from 'node:crypto';
import { GetQueueAttributesCommand, PurgeQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startLocalSystem } from '../infra/local/runtime/src/system.js';
import { functions } from '../infra/shared/functions.js';
import { linkPages } from './links.js';
import { saveResults } from './results.js';

const PAGES = Number(process.env.BENCH_WEBHOOK_PAGES ?? 1_000);
const ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? 5);

interface DeliveryTiming {
  status: number;
  ms: number;
  jobs: number;
  duplicates: number;
}

interface WebhookBenchResult {
  entriesPerDelivery: number;
  deliveries: number;
  timeoutSeconds: number;
  ackP50Ms: number;
  ackMaxMs: number;
  statuses: number[];
  jobsPerDelivery: number[];
  redeliveryMs: number;
  redeliveryDuplicates: number;
  jobsOnQueue: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** Runs the benchmark against a fresh local system and answers its figures. */
const measureWebhook = async (): Promise<WebhookBenchResult> => {
  const system = await startLocalSystem({ quiet: true, scheduleEverySeconds: 0, worker: false });
  const sqs = new SQSClient({
    region: system.region,
    endpoint: system.urls.sqs,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const links = await linkPages(system, PAGES);
    await sqs.send(new PurgeQueueCommand({ QueueUrl: system.queues.syncUrl }));
    const secret = system.env.META_APP_SECRET ?? '';
    const deliver = async (body: string): Promise<DeliveryTiming> => {
      const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const started = performance.now();
      const response = await fetch(`${system.urls.api}/webhooks/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      });
      const answer = (await response.json().catch(() => ({}))) as Partial<DeliveryTiming>;
      return {
        status: response.status,
        ms: Math.round(performance.now() - started),
        jobs: answer.jobs ?? 0,
        duplicates: answer.duplicates ?? 0,
      };
    };
    const deliveryOf = (round: number) =>
      JSON.stringify({
        object: 'page',
        entry: links.map((link) => ({
          id: link.pageId,
          time: Math.floor(Date.now() / 1000) + round,
          changes: [{ field: 'description', value: { round } }],
        })),
      });

    const timings: DeliveryTiming[] = [];
    let last = '';
    for (let round = 1; round <= ROUNDS; round += 1) {
      last = deliveryOf(round);
      timings.push(await deliver(last));
    }
    const redelivery = await deliver(last);
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: system.queues.syncUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      })
    );
    const results: WebhookBenchResult = {
      entriesPerDelivery: links.length,
      deliveries: ROUNDS,
      timeoutSeconds: functions.webhookReceive.timeoutSeconds,
      ackP50Ms: median(timings.map((timing) => timing.ms)),
      ackMaxMs: Math.max(...timings.map((timing) => timing.ms)),
      statuses: timings.map((timing) => timing.status),
      jobsPerDelivery: timings.map((timing) => timing.jobs),
      redeliveryMs: redelivery.ms,
      redeliveryDuplicates: redelivery.duplicates,
      jobsOnQueue:
        Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0) +
        Number(attributes.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0),
    };
    saveResults('webhook', results);
    return results;
  } finally {
    sqs.destroy();
    await system.stop();
  }
};

export type { WebhookBenchResult };
export { measureWebhook };
