import type { JobHandler } from '../adapters/sqs/batch-runner.js';
import { storyJobDeps } from '../adapters/wiring/stories.js';
import { runStoryJob } from '../core/stories/publish.js';

/**
 * The worker's `story` job handler: one core call, then a log line with the outcome. Retryable
 * failures are thrown for the batch runner to retry (after Meta's delay) or dead-letter.
 */
const createStoryJobHandler = (): JobHandler<'story'> => {
  let deps: ReturnType<typeof storyJobDeps> | undefined;
  return async (job, ctx) => {
    deps ??= storyJobDeps();
    const outcome = await runStoryJob(deps, job);
    ctx.log.info('story job done', {
      linkId: job.linkId,
      operationId: job.operationId,
      ...outcome,
    });
  };
};

export { createStoryJobHandler };
