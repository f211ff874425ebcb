import { pageLinkIndex, syncJobQueue, webhookDedupe } from './shared.js';

/**
 * The composition root of Meta's Page webhooks (POST /webhooks/meta); the WABA receiver's is
 * wabaIntakeDeps in shared.ts, which the worker's WhatsApp jobs sit beside.
 */

/** Receiving a Page webhook: the dedupe table, the Page-to-link index and the sync queue. */
const pageWebhookDeps = () => ({
  dedupe: webhookDedupe(),
  pages: pageLinkIndex(),
  queue: syncJobQueue(),
});

export { pageWebhookDeps };
