import {
  type BatchResultErrorEntry,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { chunksOf, mapConcurrently } from '../../core/batching.js';
import { UpstreamError } from '../../core/errors.js';
import { type Job, serializeJob } from '../../core/jobs.js';
import { type RetryTuning, retry } from '../../core/retry.js';

/** SQS accepts at most ten entries per SendMessageBatch. */
const BATCH_LIMIT = 10;
/** SQS's per-message delay is 0-900 seconds. */
const MAX_DELAY_SECONDS = 900;
/** Batches sent at once: a 1,000-job fan-out is 100 requests, too slow one after the other. */
const BATCHES_IN_FLIGHT = 10;

/**
 * `maxAttempts`: tries per chunk, the first included (4 unless set); only entries SQS reported as
 * failed are sent again, under the shared retry policy (functions/core/retry.ts).
 */
interface PublisherOptions extends RetryTuning {
  client: SQSClient;
  queueUrl: string;
}

interface JobPublisher {
  /** `delaySeconds` postpones every job's first delivery (capped at SQS's 900). */
  publish(jobs: readonly Job[], delaySeconds?: number): Promise<void>;
}

const PUBLISH_ATTEMPTS = 4;

/** Some entries of a chunk failed on SQS's side; only these are retried here (the SDK retries the rest). */
class EntriesFailedError extends UpstreamError {}

/**
 * Entry ids only need to be unique within one request, so the position in the chunk is enough; the
 * queue is a standard queue (no message group, no deduplication id), and jobs are idempotent, so a
 * retried entry that SQS had in fact accepted costs a duplicate run, never a wrong result.
 */
const toEntry = (job: Job, index: number, delaySeconds: number): SendMessageBatchRequestEntry => ({
  Id: `job-${index}`,
  MessageBody: serializeJob(job),
  MessageAttributes: { kind: { DataType: 'String', StringValue: job.kind } },
  ...(delaySeconds > 0
    ? { DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.ceil(delaySeconds)) }
    : {}),
});

const describe = (failed: BatchResultErrorEntry[]): string =>
  failed.map((entry) => `${entry.Id}: ${entry.Code} ${entry.Message ?? ''}`.trim()).join('; ');

/**
 * Publishes jobs to the sync queue in batches of ten (several at once), re-sending only the entries
 * SQS reports as failed (SendMessageBatch succeeds as a whole even when some entries fail). When a
 * batch fails for good the others still in flight finish first, then the failure is thrown: the
 * caller then knows nothing is still being sent on its behalf.
 *
 * @example
 * const publisher = createJobPublisher({ client: sqs(), queueUrl: config.SYNC_QUEUE_URL });
 * await publisher.publish([{ v: 1, kind: 'reconcile-shard', runId, shard: 0 }]);
 */
const createJobPublisher = ({
  client,
  queueUrl,
  maxAttempts = PUBLISH_ATTEMPTS,
  sleep,
  random,
}: PublisherOptions): JobPublisher => {
  const sendChunk = async (entries: SendMessageBatchRequestEntry[]): Promise<void> => {
    let pending = entries;
    await retry(
      async (attempt) => {
        const result = await client.send(
          new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending })
        );
        const failed = result.Failed ?? [];
        if (failed.length === 0) return;
        // A sender fault (too large, malformed) fails the same way every time: do not retry it.
        const senderFaults = failed.filter((entry) => entry.SenderFault);
        if (senderFaults.length > 0) {
          throw new UpstreamError(`SQS refused jobs: ${describe(senderFaults)}`, false);
        }
        const failedIds = new Set(failed.map((entry) => entry.Id));
        pending = pending.filter((entry) => failedIds.has(entry.Id));
        throw new EntriesFailedError(
          `SQS failed to accept ${failed.length} job(s) after ${attempt} attempts: ${describe(failed)}`,
          true
        );
      },
      { maxAttempts, retryable: (error) => error instanceof EntriesFailedError, sleep, random }
    );
  };

  return {
    publish: async (jobs, delaySeconds = 0) => {
      await mapConcurrently(chunksOf(jobs, BATCH_LIMIT), BATCHES_IN_FLIGHT, (chunk) =>
        sendChunk(chunk.map((job, index) => toEntry(job, index, delaySeconds)))
      );
    },
  };
};

export type { JobPublisher, PublisherOptions };
export { createJobPublisher };
