import middy from '@middy/core';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { MetaOutageError, retryAfterOf, TandemError } from '../../core/errors.js';
import { type Job, type JobKind, type JobOf, orderingKey, parseJob } from '../../core/jobs.js';
import { asCaller } from '../graph/caller.js';
import type { Logger } from '../observability/logger.js';
import { redactText } from '../observability/redact.js';

/** What a job handler knows about the delivery it is running in. */
interface JobContext {
  messageId: string;
  /** 1 on the first delivery. */
  receiveCount: number;
  log: Logger;
}

type JobHandler<K extends JobKind> = (job: JobOf<K>, ctx: JobContext) => Promise<void>;

/** One handler per job kind; a kind without a handler dead-letters its jobs, it never drops them. */
type JobRegistry = { [K in JobKind]?: JobHandler<K> };

interface Failure {
  /** Human-readable, token-free: why the job did not run. */
  reason: string;
  /** Stable machine code: a TandemError code, `invalid_envelope`, `no_handler`, ... */
  code: string;
}

/** Where the worker puts a letter it gives up on, with its reason. */
interface DeadLetterSink {
  send(record: SQSRecord, failure: Failure & { receiveCount: number }): Promise<void>;
}

/** Postpones a message's next delivery (SQS ChangeMessageVisibility on its receipt handle). */
interface VisibilitySink {
  delay(record: SQSRecord, seconds: number): Promise<void>;
}

/**
 * Puts a copy of a message back on its queue, to be delivered after `seconds` (SQS DelaySeconds, at
 * most 15 minutes), so the original can be acknowledged: the copy starts with a receive count of 0.
 */
interface RequeueSink {
  later(record: SQSRecord, seconds: number): Promise<void>;
}

/** Picks, among jobs of one kind and ordering key in one batch, the one to run for all of them. */
type Coalescers = { [K in JobKind]?: (jobs: readonly JobOf<K>[]) => JobOf<K> };

interface BatchRunnerOptions {
  registry: JobRegistry;
  deadLetters: DeadLetterSink;
  /** The queue's redrive maxReceiveCount: the attempt that reaches it is the last one. */
  maxReceiveCount: number;
  log: Logger;
  /**
   * When a retryable error says when to come back (`details.retryAfterSeconds`, e.g. Meta's rate
   * limit), the message is hidden that long instead of the queue's visibility timeout.
   */
  visibility?: VisibilitySink;
  /** Longest such delay; SQS allows 12 hours. */
  maxRetryDelaySeconds?: number;
  /**
   * Told of a job dead-lettered after failing its last allowed attempt (a failure that could have
   * passed but never did), once the dead letter is written: e.g. a sync's `sync.failed` event. A
   * failure here is logged; the letter is in the DLQ either way.
   */
  onGaveUp?: (job: Job, failure: Failure & { receiveCount: number }) => Promise<void>;
  /**
   * Where a job goes that a Meta outage held (MetaOutageError): it waits as a fresh copy rather than
   * as a failed receive, so an outage of any length uses none of its attempts and never
   * dead-letters it. Without one, such a job is retried like any other.
   */
  requeue?: RequeueSink;
  /**
   * Kinds whose jobs may stand in for each other: of several same-key jobs in a batch only the one
   * the coalescer picks runs, and the others are acknowledged with it (e.g. a burst of syncs of one
   * link becomes one sync).
   */
  coalesce?: Coalescers;
}

type Outcome = 'done' | 'retry';

const receiveCountOf = (record: SQSRecord): number => {
  const count = Number(record.attributes.ApproximateReceiveCount);
  return Number.isFinite(count) && count > 0 ? count : 1;
};

/** Failure reasons end up in a queue anyone with DLQ access can read: strip anything token-like. */
const scrub = (text: string): string => redactText(text).slice(0, 1024);

const failureOf = (
  error: unknown
): Failure & { retryable: boolean; retryAfterSeconds?: number | undefined } => {
  if (error instanceof TandemError) {
    return {
      reason: scrub(error.message),
      code: error.code,
      retryable: error.retryable,
      retryAfterSeconds: retryAfterOf(error),
    };
  }
  // An error Tandem did not classify (a network blip, an SDK error) may well pass next time.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { reason: scrub(message), code: 'unexpected_error', retryable: true };
};

/**
 * Runs an SQS batch of jobs and reports partial failures, as Lambda's event source mapping expects.
 *
 * - A record that fails retryably is reported in `batchItemFailures`, so SQS hands it out again after
 *   the visibility timeout.
 * - A record that cannot succeed (invalid envelope, no handler for its kind, a non-retryable
 *   TandemError) or that failed on its last allowed attempt is moved to the DLQ by the worker itself,
 *   with its reason, and acknowledged. If even that fails it is reported as failed: never dropped.
 * - Records with the same ordering key (one link, one shard) run one after the other; others run side
 *   by side.
 */
const runBatch = async (
  event: SQSEvent,
  options: BatchRunnerOptions
): Promise<SQSBatchResponse> => {
  const { registry, deadLetters, maxReceiveCount, log } = options;

  const deadLetter = async (
    record: SQSRecord,
    failure: Failure,
    receiveCount: number,
    kind: string | undefined
  ): Promise<Outcome> => {
    try {
      await deadLetters.send(record, { ...failure, receiveCount });
      log.error('job dead-lettered', {
        messageId: record.messageId,
        kind,
        receiveCount,
        errorCode: failure.code,
        reason: failure.reason,
      });
      return 'done';
    } catch (error) {
      log.error('job could not be dead-lettered; leaving it on the queue', {
        messageId: record.messageId,
        errorCode: failure.code,
        reason: failure.reason,
        error,
      });
      return 'retry';
    }
  };

  const runRecord = async (record: SQSRecord, parsed: ReturnType<typeof parseJob>) => {
    const receiveCount = receiveCountOf(record);
    if (!parsed.ok) {
      return deadLetter(
        record,
        { reason: parsed.reason, code: 'invalid_envelope' },
        receiveCount,
        undefined
      );
    }
    const job: Job = parsed.job;
    const handler = registry[job.kind] as JobHandler<typeof job.kind> | undefined;
    if (!handler) {
      return deadLetter(
        record,
        { reason: `no handler for job kind ${job.kind}`, code: 'no_handler' },
        receiveCount,
        job.kind
      );
    }
    const jobLog = log.child({ messageId: record.messageId, kind: job.kind, receiveCount });
    try {
      // A job's Graph calls count against the breakers as its tenant's (reconcile shards, which
      // span tenants, are attributed per grant by the link observer).
      await asCaller('tenantId' in job ? job.tenantId : undefined, () =>
        handler(job as never, { messageId: record.messageId, receiveCount, log: jobLog })
      );
      return 'done';
    } catch (error) {
      const failure = failureOf(error);
      if (error instanceof MetaOutageError && options.requeue) {
        const seconds = Math.min(error.retryAfterSeconds, options.maxRetryDelaySeconds ?? 900, 900);
        try {
          await options.requeue.later(record, seconds);
          jobLog.info('job waits for Meta', { surface: error.surface, delaySeconds: seconds });
          return 'done';
        } catch (requeueError) {
          // Left on the queue instead: it comes back after the visibility timeout.
          jobLog.warn('could not put the job back to wait for Meta', { error: requeueError });
        }
      }
      if (!failure.retryable) {
        return deadLetter(record, failure, receiveCount, job.kind);
      }
      if (receiveCount >= maxReceiveCount) {
        const reason = `${failure.reason} (gave up after ${receiveCount} attempts)`;
        const outcome = await deadLetter(
          record,
          { reason, code: failure.code },
          receiveCount,
          job.kind
        );
        if (outcome === 'done' && options.onGaveUp) {
          await options
            .onGaveUp(job, { reason, code: failure.code, receiveCount })
            .catch((hookError: unknown) =>
              jobLog.warn('could not report the job given up', { error: hookError })
            );
        }
        return outcome;
      }
      jobLog.warn('job failed; it will be retried', {
        errorCode: failure.code,
        reason: failure.reason,
        retryAfterSeconds: failure.retryAfterSeconds,
      });
      if (failure.retryAfterSeconds !== undefined && options.visibility) {
        const seconds = Math.min(failure.retryAfterSeconds, options.maxRetryDelaySeconds ?? 43_200);
        await options.visibility.delay(record, seconds).catch((error: unknown) => {
          // The queue's own visibility timeout still brings it back: only the timing is lost.
          jobLog.warn('could not postpone the retry', { error });
        });
      }
      return 'retry';
    }
  };

  const groups = new Map<string, { record: SQSRecord; parsed: ReturnType<typeof parseJob> }[]>();
  for (const record of event.Records) {
    const parsed = parseJob(record.body);
    const key = parsed.ok ? orderingKey(parsed.job) : `invalid#${record.messageId}`;
    groups.set(key, [...(groups.get(key) ?? []), { record, parsed }]);
  }

  /**
   * The group's entries to run: all of them, or, for a coalescible kind, the one its coalescer picks
   * (the rest ride on its outcome: it covers them, so they are acknowledged either way).
   */
  const toRun = (group: { record: SQSRecord; parsed: ReturnType<typeof parseJob> }[]) => {
    const jobs = group.flatMap((entry) => (entry.parsed.ok ? [entry.parsed.job] : []));
    const kind = jobs[0]?.kind;
    const pick = kind ? (options.coalesce?.[kind] as ((all: Job[]) => Job) | undefined) : undefined;
    if (!pick || jobs.length < 2 || jobs.length !== group.length) return group;
    const chosen = pick(jobs);
    const kept = group.filter((entry) => entry.parsed.ok && entry.parsed.job === chosen);
    if (kept.length !== 1) return group;
    log.info('jobs coalesced', {
      kind,
      runs: kept[0]?.record.messageId,
      absorbed: group
        .filter((entry) => !kept.includes(entry))
        .map((entry) => entry.record.messageId),
    });
    return kept;
  };

  const failures: SQSBatchItemFailure[] = [];
  await Promise.all(
    [...groups.values()].map(async (group) => {
      for (const { record, parsed } of toRun(group)) {
        if ((await runRecord(record, parsed)) === 'retry') {
          failures.push({ itemIdentifier: record.messageId });
        }
      }
    })
  );
  return { batchItemFailures: failures };
};

export type {
  BatchRunnerOptions,
  Coalescers,
  DeadLetterSink,
  Failure,
  JobContext,
  JobHandler,
  JobRegistry,
  RequeueSink,
  VisibilitySink,
};

/** The Lambda handler of a queue's consumer: each batch the event source mapping hands it, run. */
const batchHandler = (options: BatchRunnerOptions) =>
  middy<SQSEvent, SQSBatchResponse>().handler((event) => runBatch(event, options));

export { batchHandler, runBatch, scrub };
