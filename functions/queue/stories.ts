import type { JobHandler } from '../adapters/sqs/batch-runner.js';
import type { WorkerRoot } from '../adapters/wiring/worker.js';
import { runStoryJob } from '../core/stories/publish.js';

/**
 * The worker's `story` job handler: one core call, then a log line with the outcome. Retryable
 * failures are thrown for the batch runner to retry (after Meta's delay) or dead-letter.
 */
const createStoryJobHandler =
  (deps: WorkerRoot['story']): JobHandler<'story'> =>
  async (job, ctx) => {
    const outcome = await runStoryJob(deps, job);
    ctx.log.info('story job done', {
      linkId: job.linkId,
      operationId: job.operationId,
      ...outcome,
    });
  };

export { createStoryJobHandler };
