import { batchHandler } from '../adapters/sqs/batch-runner.js';
import { workerRoot } from '../adapters/wiring/worker.js';
import { workerBatchOptions } from './registry.js';

/**
 * Consumes the sync queue: runs each job and reports partial batch failures to SQS. What it needs is
 * built in one place, functions/adapters/wiring/worker.ts.
 */
export const handler = batchHandler(workerBatchOptions(workerRoot()));
