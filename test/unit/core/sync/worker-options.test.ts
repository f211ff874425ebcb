import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../functions/adapters/observability/logger.js';
import { type JobRegistry, runBatch } from '../../../../functions/adapters/sqs/batch-runner.js';
import { RateLimitError } from '../../../../functions/core/errors.js';
import type { SyncJob } from '../../../../functions/core/jobs.js';
import { newestSync } from '../../../../functions/queue/sync.js';
import { aJob } from './fakes.js';

/** The sync worker's additions to the batch runner: coalescing bursts and Meta-timed retries. */

const silent = createLogger({}, 'silent');

const record = (messageId: string, job: SyncJob): SQSRecord =>
  ({
    messageId,
    receiptHandle: `rh-${messageId}`,
    body: JSON.stringify(job),
    attributes: { ApproximateReceiveCount: '1' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:sync',
    awsRegion: 'us-east-1',
  }) as SQSRecord;

const noDeadLetters = { send: async () => undefined };

describe('Function: newestSync', () => {
  it('runs a burst of syncs of one link once, with the newest observation', async () => {
    // Prepare
    const ran: string[] = [];
    const registry: JobRegistry = {
      sync: async (job) => {
        ran.push(`${job.linkId}@${job.observedAt}`);
      },
    };
    const other = `lnk_${'2'.repeat(32)}`;
    const records = [
      record('a', aJob({ observedAt: '2026-11-02T10:00:01.000Z' })),
      record('b', aJob({ observedAt: '2026-11-02T10:00:03.000Z' })),
      record('c', aJob({ observedAt: '2026-11-02T10:00:02.000Z' })),
      record('d', aJob({ linkId: other })),
    ];

    // Act
    const response = await runBatch({ Records: records } as SQSEvent, {
      registry,
      deadLetters: noDeadLetters,
      maxReceiveCount: 5,
      log: silent,
      coalesce: { sync: newestSync },
    });

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(ran.sort()).toEqual([
      `${aJob().linkId}@2026-11-02T10:00:03.000Z`,
      `${other}@2026-11-02T10:00:00.000Z`,
    ]);
  });

  it('postpones a rate-limited retry by the wait Meta asked for, within the cap', async () => {
    // Prepare
    const delays: { messageId: string; seconds: number }[] = [];
    const registry: JobRegistry = {
      sync: async () => {
        throw new RateLimitError('slow down', 3600);
      },
    };

    // Act
    const response = await runBatch({ Records: [record('a', aJob())] } as SQSEvent, {
      registry,
      deadLetters: noDeadLetters,
      maxReceiveCount: 5,
      log: silent,
      visibility: {
        delay: async (delayed, seconds) => {
          delays.push({ messageId: delayed.messageId, seconds });
        },
      },
      maxRetryDelaySeconds: 900,
    });

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
    expect(delays).toEqual([{ messageId: 'a', seconds: 900 }]);
  });
});
