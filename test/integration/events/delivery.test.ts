import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { CreateQueueCommand, DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDeliveryJob, EventFanoutJob } from '../../../functions/core/jobs.js';
import { createReceiver, type Delivery, listen } from '../../../scripts/events-listen.js';
import { applySystemEnv, awsClients, receiveMessages } from '../../helpers/system.js';

/**
 * Delivery against the real parts: the events table in DynamoDB Local, the fan-out through a queue
 * on the SQS server, the guarded fetch POSTing to the receiver of `npm run events:listen` over
 * HTTP. The clock is the test's, so a day of retries runs in milliseconds.
 */

applySystemEnv();
const wiring = await import('../../../functions/adapters/wiring/events.js');
const { createEndpoint } = await import('../../../functions/core/events/endpoints.js');
const { deliver, fanOut, getEvent, redeliverEvent } = await import(
  '../../../functions/core/events/delivery.js'
);
const { publishEvent } = await import('../../../functions/core/events/publish.js');
const { createJobPublisher } = await import('../../../functions/adapters/sqs/publisher.js');
const { MAX_ATTEMPTS, scheduleOffsetsSeconds } = await import(
  '../../../functions/core/events/schedule.js'
);

type Job = EventDeliveryJob | EventFanoutJob;

const clock = { time: new Date(), now: () => clock.time };

/** What the worker would have put back on the queue, with its delay. */
const sent: { job: Job; delaySeconds: number }[] = [];
const recordingQueue = {
  send: async (jobs: Job[], delaySeconds = 0) => {
    for (const job of jobs) sent.push({ job, delaySeconds });
  },
};
const deps = { ...wiring.eventsDeps(), clock, queue: recordingQueue };

const received: Delivery[] = [];
const refused: string[] = [];
let secret = '';
let receiver: Server;
let receiverUrl = '';
/** Answers 503 to everything: an endpoint that is down. */
let down: Server;
let downUrl = '';
let downHits = 0;
/** Records the raw request (headers and body) and answers 200. */
let capture: Server;
let captureUrl = '';
let captured: { headers: Record<string, string>; body: string } | undefined;

beforeAll(async () => {
  receiver = createReceiver({
    secrets: () => [secret],
    onDelivery: (delivery) => received.push(delivery),
    onRefused: (reason) => refused.push(reason),
  });
  receiverUrl = `http://127.0.0.1:${await listen(receiver, 0)}/hooks`;
  down = createServer((_request, response) => {
    downHits += 1;
    response.writeHead(503).end('down');
  });
  downUrl = `http://127.0.0.1:${await listen(down, 0)}/`;
  capture = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      captured = {
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      response.writeHead(200).end();
    });
  });
  captureUrl = `http://127.0.0.1:${await listen(capture, 0)}/`;
});
afterAll(() => {
  receiver.close();
  down.close();
  capture.close();
});

const tenantId = () => `events-${randomUUID().slice(0, 8)}`;

const endpointAt = async (tenant: string, url: string, eventTypes = ['*']) => {
  const endpoint = await createEndpoint(deps, tenant, { url, eventTypes });
  secret = endpoint.secret;
  return endpoint;
};

const publish = (tenant: string) =>
  publishEvent(deps, tenant, 'link.resumed', {
    linkId: `lnk_${'0'.repeat(32)}`,
    overwrite: true,
    optedOutFields: [],
  });

/** The jobs sent since `from`, of one kind. */
const sentSince = (from: number) => sent.slice(from);

const firstDelivery = async (tenant: string) => {
  const event = await publish(tenant);
  const mark = sent.length;
  await fanOut(deps, { v: 1, kind: 'event-fanout', tenantId: tenant, eventId: event.id });
  const [job] = sentSince(mark);
  if (job?.job.kind !== 'event-delivery') throw new Error('fan-out queued no delivery');
  return { event, job: job.job };
};

describe('Fan-out through SQS', () => {
  it('puts one delivery on the queue per subscribed, enabled endpoint, once', async () => {
    // Prepare: a real queue on the SQS server.
    const { sqs } = awsClients();
    const created = await sqs.send(
      new CreateQueueCommand({ QueueName: `tandem-test-deliveries-${randomUUID()}` })
    );
    const queueUrl = created.QueueUrl ?? '';
    const publisher = createJobPublisher({ client: sqs, queueUrl });
    const sqsDeps = { ...deps, queue: { send: (jobs: Job[]) => publisher.publish(jobs) } };
    const tenant = tenantId();
    const wanted = await endpointAt(tenant, receiverUrl, ['link.resumed']);
    await endpointAt(tenant, receiverUrl, ['link.created']);
    const event = await publishEvent(sqsDeps, tenant, 'link.resumed', {
      linkId: `lnk_${'1'.repeat(32)}`,
      overwrite: false,
      optedOutFields: ['about'],
    });
    const [fanout] = await receiveMessages(queueUrl);

    try {
      // Act
      const job = JSON.parse(fanout?.Body ?? '{}') as EventFanoutJob;
      await fanOut(sqsDeps, job);
      await fanOut(sqsDeps, job);
      const deliveries = await receiveMessages(queueUrl);

      // Assess
      expect(job).toEqual({ v: 1, kind: 'event-fanout', tenantId: tenant, eventId: event.id });
      // A peek leaves messages visible (and may answer one twice): one per message id.
      const unique = new Map(deliveries.map((message) => [message.MessageId, message.Body]));
      const jobs = [...unique.values()]
        .map((body) => JSON.parse(body ?? '{}') as { kind: string })
        .filter((queued) => queued.kind === 'event-delivery');
      expect(jobs).toEqual([
        expect.objectContaining({
          kind: 'event-delivery',
          eventId: event.id,
          endpointId: wanted.endpointId,
          attempt: 1,
        }),
      ]);
    } finally {
      await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
    }
  });
});

describe('Signed deliveries', () => {
  it('delivers the envelope signed; the receiver verifies it and records it once', async () => {
    // Prepare
    const tenant = tenantId();
    await endpointAt(tenant, receiverUrl);
    const { event, job } = await firstDelivery(tenant);

    // Act
    const outcome = await deliver(deps, job);

    // Assess
    expect(outcome).toEqual({ outcome: 'delivered', status: 200 });
    expect(received.at(-1)).toMatchObject({
      id: event.id,
      type: 'link.resumed',
      attempt: 1,
      body: { id: event.id, tenantId: tenant, data: event.data },
    });
    const kept = await getEvent(deps, tenant, event.id);
    expect(kept.deliveries).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 1, lastResult: { status: 200 } }),
    ]);
  });

  it('is refused by the receiver when replayed late or tampered with', async () => {
    // Prepare: capture a real delivery's bytes.
    const tenant = tenantId();
    await endpointAt(tenant, captureUrl);
    const { job } = await firstDelivery(tenant);
    await deliver(deps, job);
    const original = captured;
    if (!original) throw new Error('nothing captured');
    const post = (body: string, signature: string | undefined) =>
      fetch(receiverUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'tandem-signature': signature ?? '' },
        body,
      });
    const signature = original.headers['tandem-signature'];

    // Act
    const replayedNow = await post(original.body, signature);
    const replayedAgain = await post(original.body, signature);
    const tampered = await post(
      original.body.replace('"overwrite":true', '"overwrite":false'),
      signature
    );
    // A delivery signed ten minutes ago (the test's clock) is a replay to a receiver today.
    const late = tenantId();
    clock.time = new Date(Date.now() - 600_000);
    await endpointAt(late, receiverUrl);
    const stale = await firstDelivery(late);
    const lateOutcome = await deliver(deps, stale.job);
    clock.time = new Date();

    // Assess
    expect(replayedNow.status).toBe(200);
    expect(replayedAgain.status).toBe(200);
    expect(
      received.filter((delivery) => delivery.id === JSON.parse(original.body).id)
    ).toHaveLength(1);
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toBe('mismatch');
    expect(lateOutcome).toMatchObject({ outcome: 'retrying' });
    expect(refused).toContain('too_old');
    const kept = await getEvent(deps, late, stale.event.id);
    expect(kept.deliveries[0]).toMatchObject({ status: 'retrying', lastResult: { status: 400 } });
  });

  it('signs with both secrets while a rotated-out secret is still honoured', async () => {
    // Prepare
    const { rotateSecret } = await import('../../../functions/core/events/endpoints.js');
    const tenant = tenantId();
    const endpoint = await endpointAt(tenant, captureUrl);
    await rotateSecret(deps, tenant, endpoint.endpointId, 3600);
    const { job } = await firstDelivery(tenant);

    // Act
    await deliver(deps, job);

    // Assess
    expect(captured?.headers['tandem-signature']).toMatch(
      /^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/
    );
  });
});

describe('Retries, disabling and redelivery', () => {
  it('retries on the backoff schedule, in hops of at most 15 minutes, with the attempt count', async () => {
    // Prepare
    const tenant = tenantId();
    await endpointAt(tenant, downUrl);
    const { event, job } = await firstDelivery(tenant);
    const hits = downHits;

    // Act: attempt 1 fails; the next is due a minute later.
    const mark = sent.length;
    const first = await deliver(deps, job);
    const [retry] = sentSince(mark);
    // Delivered early (a hop), the job only goes back on the queue.
    const hopMark = sent.length;
    if (!retry) throw new Error('no retry was queued');
    const early = await deliver(deps, retry.job as EventDeliveryJob);
    const [hop] = sentSince(hopMark);

    // Assess
    expect(first).toMatchObject({ outcome: 'retrying' });
    expect(downHits).toBe(hits + 1);
    expect(retry).toMatchObject({ job: { attempt: 2, eventId: event.id }, delaySeconds: 60 });
    const due = retry ? Date.parse((retry.job as EventDeliveryJob).notBefore) : 0;
    expect(due - clock.now().getTime()).toBe(60_000);
    expect(early).toEqual({ outcome: 'waiting', delaySeconds: 60 });
    expect(hop?.job).toEqual(retry?.job);
    expect(downHits).toBe(hits + 1);
    const kept = await getEvent(deps, tenant, event.id);
    expect(kept.deliveries[0]).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastResult: { status: 503 },
    });
  });

  it('disables an endpoint failing for more than a day and says so with endpoint.disabled', async () => {
    // Prepare: one endpoint down, another that wants endpoint.disabled.
    const tenant = tenantId();
    const failing = await endpointAt(tenant, downUrl, ['link.resumed']);
    const watcher = await endpointAt(tenant, captureUrl, ['endpoint.disabled']);
    let { job } = await firstDelivery(tenant);
    const offsets = scheduleOffsetsSeconds();
    const start = clock.now().getTime();

    // Act: run each attempt when it is due, until the endpoint is disabled.
    let outcome = await deliver(deps, job);
    let attempts = 1;
    while (outcome.outcome === 'retrying' && attempts < MAX_ATTEMPTS) {
      const next = sent.at(-1)?.job as EventDeliveryJob;
      clock.time = new Date(Date.parse(next.notBefore));
      job = next;
      outcome = await deliver(deps, job);
      attempts += 1;
    }
    const after = await deps.endpoints.get(tenant, failing.endpointId);
    const disabledEvent = (await deps.events.list(tenant, { limit: 10 })).items.find(
      (event) => event.type === 'endpoint.disabled'
    );
    const later = await firstDelivery(tenant).catch((error: Error) => error.message);

    // Assess
    expect(outcome).toEqual({ outcome: 'disabled' });
    expect((clock.now().getTime() - start) / 1000).toBeGreaterThanOrEqual(86_400);
    expect(offsets[attempts - 1]).toBe((clock.now().getTime() - start) / 1000);
    expect(after).toMatchObject({ status: 'disabled', disabled: { by: 'tandem' } });
    expect(disabledEvent?.data).toMatchObject({
      endpointId: failing.endpointId,
      consecutiveFailures: attempts,
    });
    // Its fan-out goes to the watcher only, and the disabled endpoint gets no more deliveries.
    const fanned = sent.length;
    await fanOut(deps, {
      v: 1,
      kind: 'event-fanout',
      tenantId: tenant,
      eventId: disabledEvent?.id ?? '',
    });
    expect(sentSince(fanned).map((entry) => (entry.job as EventDeliveryJob).endpointId)).toEqual([
      watcher.endpointId,
    ]);
    expect(later).toBe('fan-out queued no delivery');
    clock.time = new Date();
  });

  it('redelivers a kept event once, freshly signed, with the next attempt number', async () => {
    // Prepare: a delivery that failed, then the endpoint fixed (pointed at the receiver).
    const tenant = tenantId();
    const endpoint = await endpointAt(tenant, downUrl);
    const { event, job } = await firstDelivery(tenant);
    await deliver(deps, job);
    const { updateEndpoint } = await import('../../../functions/core/events/endpoints.js');
    await updateEndpoint(deps, tenant, endpoint.endpointId, { url: receiverUrl });

    // Act
    const mark = sent.length;
    const queued = await redeliverEvent(deps, tenant, event.id);
    const [again] = sentSince(mark);
    const outcome = await deliver(deps, again?.job as EventDeliveryJob);

    // Assess
    expect(queued).toEqual({ eventId: event.id, endpointIds: [endpoint.endpointId] });
    expect(again?.job).toMatchObject({ attempt: 2, once: true });
    expect(outcome).toEqual({ outcome: 'delivered', status: 200 });
    expect(received.at(-1)).toMatchObject({ id: event.id, attempt: 2 });
  });
});
