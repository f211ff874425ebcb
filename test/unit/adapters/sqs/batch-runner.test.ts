import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../functions/adapters/observability/logger.js';
import {
  type DeadLetterSink,
  type Failure,
  type JobRegistry,
  runBatch,
  scrub,
} from '../../../../functions/adapters/sqs/batch-runner.js';
import {
  ConflictError,
  MetaOutageError,
  TransientStoreError,
  UpstreamError,
} from '../../../../functions/core/errors.js';

const silent = createLogger({}, 'silent');

const record = (messageId: string, body: unknown, receiveCount = 1): SQSRecord =>
  ({
    messageId,
    receiptHandle: `rh-${messageId}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: { ApproximateReceiveCount: String(receiveCount) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:sync',
    awsRegion: 'us-east-1',
  }) as SQSRecord;

const shardJob = (shard: number) => ({ v: 1, kind: 'reconcile-shard', runId: 'r', shard });

const sink = () => {
  const letters: { messageId: string; failure: Failure & { receiveCount: number } }[] = [];
  const deadLetters: DeadLetterSink = {
    send: async (dead, failure) => {
      letters.push({ messageId: dead.messageId, failure });
    },
  };
  return { letters, deadLetters };
};

const run = (records: SQSRecord[], registry: JobRegistry, deadLetters: DeadLetterSink) =>
  runBatch({ Records: records } as SQSEvent, {
    registry,
    deadLetters,
    maxReceiveCount: 5,
    log: silent,
  });

describe('Function: runBatch', () => {
  it('reports nothing when every job succeeds', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const seen: number[] = [];
    const registry: JobRegistry = {
      'reconcile-shard': async (job) => {
        seen.push(job.shard);
      },
    };

    // Act
    const response = await run(
      [record('a', shardJob(0)), record('b', shardJob(1))],
      registry,
      deadLetters
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(seen.sort()).toEqual([0, 1]);
    expect(letters).toEqual([]);
  });

  it('reports only the record that failed retryably', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const registry: JobRegistry = {
      'reconcile-shard': async (job) => {
        if (job.shard === 1) throw new UpstreamError('Graph is down', true);
      },
    };

    // Act
    const response = await run(
      [record('a', shardJob(0)), record('b', shardJob(1))],
      registry,
      deadLetters
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }] });
    expect(letters).toEqual([]);
  });

  it('logs a retried failure with its error code under errorCode', async () => {
    // Prepare
    const { deadLetters } = sink();
    const lines: string[] = [];
    const registry: JobRegistry = {
      'reconcile-shard': async () => {
        throw new UpstreamError('Graph is down', true);
      },
    };

    // Act
    await runBatch({ Records: [record('a', shardJob(0))] } as SQSEvent, {
      registry,
      deadLetters,
      maxReceiveCount: 5,
      log: createLogger({}, 'debug', (line) => lines.push(line)),
    });

    // Assess
    const retried = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.message === 'job failed; it will be retried');
    expect(retried).toMatchObject({ errorCode: 'upstream_unavailable', messageId: 'a' });
    expect(retried).not.toHaveProperty('code');
  });

  it('treats an unclassified error as retryable', async () => {
    // Prepare
    const { deadLetters } = sink();
    const registry: JobRegistry = {
      'reconcile-shard': async () => {
        throw new Error('socket hang up');
      },
    };

    // Act
    const response = await run([record('a', shardJob(0))], registry, deadLetters);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }]);
  });

  it('dead-letters an invalid envelope at once, with its reason', async () => {
    // Prepare
    const { letters, deadLetters } = sink();

    // Act
    const response = await run([record('a', 'not json')], {}, deadLetters);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(letters).toEqual([
      {
        messageId: 'a',
        failure: {
          reason: 'the message body is not JSON',
          code: 'invalid_envelope',
          receiveCount: 1,
        },
      },
    ]);
  });

  it('dead-letters a job whose kind has no handler', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const syncJob = {
      v: 1,
      kind: 'sync',
      tenantId: 't',
      linkId: 'l',
      trigger: 'manual',
      observedAt: '2026-07-01T00:00:00Z',
    };

    // Act
    const response = await run([record('a', syncJob)], {}, deadLetters);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(letters[0]?.failure).toEqual({
      reason: 'no handler for job kind sync',
      code: 'no_handler',
      receiveCount: 1,
    });
  });

  it('dead-letters a non-retryable TandemError with its code', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const registry: JobRegistry = {
      'reconcile-shard': async () => {
        throw new ConflictError('The link changed meanwhile.', undefined, 'version_mismatch');
      },
    };

    // Act
    const response = await run([record('a', shardJob(0))], registry, deadLetters);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(letters[0]?.failure).toMatchObject({ code: 'version_mismatch' });
  });

  it('retries a job the database was too busy for, leaving its timing to the queue', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const postponed: number[] = [];
    const registry: JobRegistry = {
      'reconcile-shard': async () => {
        throw new TransientStoreError('throttled');
      },
    };

    // Act
    const response = await runBatch({ Records: [record('a', shardJob(0))] } as SQSEvent, {
      registry,
      deadLetters,
      maxReceiveCount: 5,
      log: silent,
      visibility: { delay: async (_record, seconds) => void postponed.push(seconds) },
    });

    // Assess: no wait of its own, so the visibility timeout (minutes) spaces the receives out.
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }]);
    expect(letters).toEqual([]);
    expect(postponed).toEqual([]);
  });

  it('dead-letters a retryable failure on its last allowed attempt', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const registry: JobRegistry = {
      'reconcile-shard': async () => {
        throw new UpstreamError('Graph is down', true);
      },
    };

    // Act
    const response = await run([record('a', shardJob(0), 5)], registry, deadLetters);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(letters[0]?.failure).toEqual({
      reason: 'Graph is down (gave up after 5 attempts)',
      code: 'upstream_unavailable',
      receiveCount: 5,
    });
  });

  it('reports a job given up on after its last attempt, and no job that could never pass', async () => {
    // Prepare
    const { deadLetters } = sink();
    const givenUp: { kind: string; code: string; receiveCount: number }[] = [];
    const registry: JobRegistry = {
      'reconcile-shard': async (job) => {
        if (job.shard === 0) throw new UpstreamError('Graph is down', true);
        throw new ConflictError('never passes', undefined, 'link_paused');
      },
    };

    // Act
    await runBatch(
      { Records: [record('a', shardJob(0), 5), record('b', shardJob(1), 1)] } as SQSEvent,
      {
        registry,
        deadLetters,
        maxReceiveCount: 5,
        log: silent,
        onGaveUp: async (job, failure) => {
          givenUp.push({ kind: job.kind, code: failure.code, receiveCount: failure.receiveCount });
        },
      }
    );

    // Assess
    expect(givenUp).toEqual([
      { kind: 'reconcile-shard', code: 'upstream_unavailable', receiveCount: 5 },
    ]);
  });

  it('leaves a record on the queue when it cannot be dead-lettered', async () => {
    // Prepare
    const deadLetters: DeadLetterSink = {
      send: async () => {
        throw new Error('DLQ unavailable');
      },
    };

    // Act
    const response = await run([record('a', 'not json')], {}, deadLetters);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }]);
  });

  it('runs jobs of one shard one after the other', async () => {
    // Prepare
    const { deadLetters } = sink();
    const events: string[] = [];
    const registry: JobRegistry = {
      'reconcile-shard': async (job, ctx) => {
        events.push(`start ${ctx.messageId}`);
        await new Promise((resolve) => setImmediate(resolve));
        events.push(`end ${ctx.messageId}`);
        expect(job.shard).toBe(0);
      },
    };

    // Act
    await run([record('a', shardJob(0)), record('b', shardJob(0))], registry, deadLetters);

    // Assess
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});

describe('Function: scrub', () => {
  it('removes token-like values from failure reasons', () => {
    // Act
    const scrubbed = scrub(
      'GET /me?access_token=EAAB123&fields=id failed; Authorization: Bearer abc.def.ghi'
    );

    // Assess
    expect(scrubbed).toBe(
      'GET /me?access_token=[redacted]&fields=id failed; Authorization: Bearer [redacted]'
    );
  });
});

describe('Function: runBatch, during a Meta outage', () => {
  const syncJob = {
    v: 1,
    kind: 'sync',
    tenantId: 't1',
    linkId: 'lnk_1',
    trigger: 'webhook',
    observedAt: '2026-12-02T01:00:00.000Z',
  };

  it('puts a job held by an open breaker back to wait, even on its last attempt, and acknowledges it', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const waits: { messageId: string; seconds: number }[] = [];
    const registry: JobRegistry = {
      sync: async () => {
        throw new MetaOutageError('whatsapp', 'WhatsApp Cloud API', 45);
      },
    };

    // Act
    const response = await runBatch({ Records: [record('a', syncJob, 5)] } as SQSEvent, {
      registry,
      deadLetters,
      maxReceiveCount: 5,
      log: silent,
      maxRetryDelaySeconds: 30,
      requeue: {
        later: async (held, seconds) => {
          waits.push({ messageId: held.messageId, seconds });
        },
      },
    });

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(waits).toEqual([{ messageId: 'a', seconds: 30 }]);
    expect(letters).toEqual([]);
  });

  it('leaves the job on the queue when it cannot be put back', async () => {
    // Prepare
    const { letters, deadLetters } = sink();
    const registry: JobRegistry = {
      sync: async () => {
        throw new MetaOutageError('whatsapp', 'WhatsApp Cloud API', 45);
      },
    };

    // Act
    const response = await runBatch({ Records: [record('a', syncJob, 2)] } as SQSEvent, {
      registry,
      deadLetters,
      maxReceiveCount: 5,
      log: silent,
      requeue: {
        later: async () => {
          throw new Error('SQS unavailable');
        },
      },
    });

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }]);
    expect(letters).toEqual([]);
  });
});
