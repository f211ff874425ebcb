import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../functions/adapters/observability/logger.js';
import { type JobRegistry, runBatch } from '../../../../functions/adapters/sqs/batch-runner.js';
import { createSqsDeadLetters } from '../../../../functions/adapters/sqs/dead-letters.js';
import { UpstreamError } from '../../../../functions/core/errors.js';
import { type Poller, startPoller } from '../../../../infra/local/runtime/src/poller.js';
import {
  createTestQueue,
  drain,
  failureOf,
  queueDepth,
  type TestQueue,
} from '../../../helpers/queues.js';
import { awsClients, eventually, useSystem } from '../../../helpers/system.js';

const VISIBILITY_TIMEOUT_SECONDS = 2;

const MAX_RECEIVE_COUNT = 3;
const shardJob = (shard: number) =>
  JSON.stringify({ v: 1, kind: 'reconcile-shard', runId: 'r', shard });

/**
 * The batch runner behind the local event source mapping, against a real queue and DLQ, with a test
 * registry standing in for the job handlers.
 */
describe('Function: runBatch (real queue)', () => {
  let queue: TestQueue | undefined;
  let poller: Poller | undefined;

  afterEach(async () => {
    await poller?.stop();
    await queue?.delete();
    poller = undefined;
    queue = undefined;
  });

  const run = async (registry: JobRegistry, bodies: string[]) => {
    queue = await createTestQueue({
      visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
      // SQS's own redrive stays the safety net; the worker dead-letters first, on its last attempt.
      maxReceiveCount: MAX_RECEIVE_COUNT,
    });
    const testQueue = queue;
    await awsClients().sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: testQueue.url,
        Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
      })
    );
    const options = {
      registry,
      deadLetters: createSqsDeadLetters(awsClients().sqs, testQueue.dlqUrl),
      maxReceiveCount: MAX_RECEIVE_COUNT,
      log: createLogger({}, 'silent'),
    };
    poller = startPoller({
      client: awsClients().sqs,
      queueUrl: testQueue.url,
      queueArn: testQueue.arn,
      region: useSystem().region,
      batchSize: 10,
      maxBatchingWindowSeconds: 1,
      visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_SECONDS,
      invoke: (event) => runBatch(event, options),
      log: () => undefined,
    });
    return testQueue;
  };

  it('retries a job that fails retryably, then dead-letters it with its reason', async () => {
    // Prepare
    let attempts = 0;
    const registry: JobRegistry = {
      'reconcile-shard': async () => {
        attempts += 1;
        throw new UpstreamError('Graph answered 503', true);
      },
    };

    // Act
    const testQueue = await run(registry, [shardJob(0)]);

    // Assess
    const [letter] = await eventually(async () => {
      const letters = await drain(testQueue.dlqUrl);
      if (letters.length === 0) throw new Error('not dead-lettered yet');
      return letters;
    });
    expect(attempts).toBe(MAX_RECEIVE_COUNT);
    expect(letter?.Body).toBe(shardJob(0));
    expect(failureOf(letter ?? {})).toMatchObject({
      failureReason: `Graph answered 503 (gave up after ${MAX_RECEIVE_COUNT} attempts)`,
      failureCode: 'upstream_unavailable',
      receiveCount: String(MAX_RECEIVE_COUNT),
      sourceQueue: testQueue.arn,
    });
    expect(await queueDepth(testQueue.url)).toBe(0);
  });

  it('deletes the jobs that succeeded and redelivers only the one that failed', async () => {
    // Prepare
    const runs: Record<number, number> = {};
    const registry: JobRegistry = {
      'reconcile-shard': async (job) => {
        runs[job.shard] = (runs[job.shard] ?? 0) + 1;
        if (job.shard === 1 && runs[1] === 1) throw new UpstreamError('throttled', true);
      },
    };

    // Act
    const testQueue = await run(registry, [shardJob(0), shardJob(1), shardJob(2)]);

    // Assess
    await eventually(() => runs[1] === 2);
    await eventually(async () => (await queueDepth(testQueue.url)) === 0);
    expect(runs).toEqual({ 0: 1, 1: 2, 2: 1 });
    expect(await drain(testQueue.dlqUrl)).toEqual([]);
  });

  it('dead-letters an invalid envelope at once, without retrying it', async () => {
    // Prepare
    let handled = 0;
    const registry: JobRegistry = {
      'reconcile-shard': async () => {
        handled += 1;
      },
    };

    // Act
    const testQueue = await run(registry, [
      '{"v":1,"kind":"reconcile-shard","runId":"r"}',
      shardJob(4),
    ]);

    // Assess
    const [letter] = await eventually(async () => {
      const letters = await drain(testQueue.dlqUrl);
      if (letters.length === 0) throw new Error('not dead-lettered yet');
      return letters;
    });
    expect(failureOf(letter ?? {})).toMatchObject({
      failureCode: 'invalid_envelope',
      receiveCount: '1',
    });
    expect(failureOf(letter ?? {}).failureReason).toMatch(/^not a valid job envelope: shard/);
    await eventually(async () => (await queueDepth(testQueue.url)) === 0);
    expect(handled).toBe(1);
  });
});
