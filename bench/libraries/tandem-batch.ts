/** Tandem's SQS batch runner over the bench's sample jobs (the libraries bench). */
import type { SQSEvent } from 'aws-lambda';
import { logger } from '../../functions/adapters/observability/logger.js';
import { type DeadLetterSink, runBatch } from '../../functions/adapters/sqs/batch-runner.js';
import { memoryDeadLetters, runSync, sqsDeadLetters } from './jobs.js';

const runJobs = (event: SQSEvent, deadLetters: DeadLetterSink) =>
  runBatch(event, { registry: { sync: runSync }, deadLetters, maxReceiveCount: 5, log: logger });

const deadLetters = sqsDeadLetters();

export const handler = (event: SQSEvent) => runJobs(event, deadLetters);

export const bench = async (event: SQSEvent) => {
  const memory = memoryDeadLetters();
  return { response: await runJobs(event, memory.sink), deadLetters: memory.letters };
};
