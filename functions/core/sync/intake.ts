import type { SyncJob } from '../jobs.js';
import type { PageLinkIndex, SyncJobQueue, WebhookDedupe } from './ports.js';
import { readPageDelivery, verifyHubSignature } from './webhook.js';

/**
 * The webhook receiver's use case: do the least, fast. Verify the signature over the raw bytes, drop
 * duplicates, find the Page's links with sync on, enqueue one sync job each, and answer.
 */

interface IntakeDeps {
  dedupe: WebhookDedupe;
  pages: PageLinkIndex;
  queue: SyncJobQueue;
}

interface IntakeResult {
  /** Page changes in the delivery that matter for sync. */
  changes: number;
  /** Changes already accepted from an earlier delivery (Meta retries, replays). */
  duplicates: number;
  /** Sync jobs enqueued. */
  jobs: number;
  /**
   * Why a signed body was acknowledged without being processed (not JSON, not a Page webhook,
   * nested too deep). Meta retries every answer but 200 for 36 hours with the same bytes, so a 4xx
   * would only bring the same body back; the caller logs this instead.
   */
  ignored?: string;
}

/**
 * Handles one delivery of Meta's Page webhook.
 *
 * 1. Verify X-Hub-Signature-256 over the raw body with the app secret(s), before parsing anything.
 * 2. Extract the Page changes that matter for sync (the rest is acknowledged and ignored). A signed
 *    body that cannot be a Page webhook is acknowledged with the reason in `ignored`: it is Meta's,
 *    and any other answer only makes Meta send the same bytes again.
 * 3. Per change: claim its de-duplication key (a duplicate stops here), then enqueue a sync job for
 *    each link of the Page, in any tenant, whose sync is on and which is not paused. If enqueuing
 *    fails, the claim is given back so Meta's retry is not taken for a duplicate.
 *
 * @throws AuthenticationError for a missing or forged signature; the store's and queue's errors
 * (retryable: the answer is 5xx and Meta delivers again).
 */
const receivePageWebhook = async (
  deps: IntakeDeps,
  input: {
    rawBody: Buffer;
    signature: string | undefined;
    secrets: readonly string[];
    deliveryId: string;
  }
): Promise<IntakeResult> => {
  verifyHubSignature(input.rawBody, input.signature, input.secrets);
  const delivery = readPageDelivery(input.rawBody);
  if (!delivery.ok) return { changes: 0, duplicates: 0, jobs: 0, ignored: delivery.reason };
  const { changes } = delivery;
  let duplicates = 0;
  let jobs = 0;
  for (const change of changes) {
    if (!(await deps.dedupe.claim(change.dedupeKey))) {
      duplicates += 1;
      continue;
    }
    try {
      const links = (await deps.pages.linksOfPage(change.pageId)).filter(
        (link) => link.sync.enabled && link.status === 'active'
      );
      const batch: SyncJob[] = links.map((link) => ({
        v: 1,
        kind: 'sync',
        tenantId: link.tenantId,
        linkId: link.linkId,
        trigger: 'webhook',
        observedAt: change.observedAt,
        correlationId: input.deliveryId,
      }));
      if (batch.length > 0) await deps.queue.publish(batch);
      jobs += batch.length;
    } catch (error) {
      await deps.dedupe.release(change.dedupeKey).catch(() => undefined);
      throw error;
    }
  }
  return { changes: changes.length, duplicates, jobs };
};

export type { IntakeDeps, IntakeResult };
export { receivePageWebhook };
