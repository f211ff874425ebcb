/**
 * What both SQS batch runners of the libraries bench run: the same job handlers, the same sample
 * batch and the same dead-letter sinks, so only the runner differs between the two bundles.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { DeadLetterSink, JobContext } from '../../functions/adapters/sqs/batch-runner.js';
import { createSqsDeadLetters } from '../../functions/adapters/sqs/dead-letters.js';
import { UpstreamError } from '../../functions/core/errors.js';
import type { SyncJob } from '../../functions/core/jobs.js';

/** A sync job that succeeds, except for link `l-down`, whose Meta call fails retryably. */
const runSync = async (job: SyncJob, _ctx: JobContext): Promise<void> => {
  if (job.linkId === 'l-down') throw new UpstreamError('Meta answered 503', true);
};

/** The worker's dead letters in AWS: the DLQ named by SYNC_DLQ_URL. */
const sqsDeadLetters = (): DeadLetterSink =>
  createSqsDeadLetters(new SQSClient({}), process.env.SYNC_DLQ_URL ?? '');

/** Dead letters kept in memory, so a run can show which records each runner dead-lettered. */
const memoryDeadLetters = () => {
  const letters: { messageId: string; code: string }[] = [];
  const sink: DeadLetterSink = {
    send: async (record, failure) => {
      letters.push({ messageId: record.messageId, code: failure.code });
    },
  };
  return { sink, letters };
};

const record = (messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: `receipt-${messageId}`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1764547200000',
    SenderId: 'bench',
    ApproximateFirstReceiveTimestamp: '1764547200000',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:sync',
  awsRegion: 'eu-west-1',
});

const syncBody = (linkId: string): string =>
  JSON.stringify({
    v: 1,
    kind: 'sync',
    tenantId: 't-1',
    linkId,
    trigger: 'webhook',
    observedAt: '2026-12-01T00:00:00Z',
  });

/** Two jobs that run, one that fails retryably and one that is not a job at all. */
const sampleBatch: SQSEvent = {
  Records: [
    record('m-ok-1', syncBody('l-1')),
    record('m-down', syncBody('l-down')),
    record('m-ok-2', syncBody('l-2')),
    record('m-invalid', '{"kind":"sync"}'),
  ],
};

export { memoryDeadLetters, runSync, sampleBatch, sqsDeadLetters };
