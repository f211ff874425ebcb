/** Tandem's logger: a child logger's line with a token in it, and an error (libraries bench). */
import { logger } from '../../functions/adapters/observability/logger.js';

export const handler = async (input: { linkId: string; accessToken: string }) => {
  const log = logger.child({ linkId: input.linkId });
  log.info('profile written', {
    grant: { accessToken: input.accessToken },
    errorCode: 'rate_limited',
    durationMs: 12,
  });
  log.error('sync failed', { error: new Error('Meta answered 503') });
};
