import { ValidationError } from '../errors.js';
import type { SyncJob } from '../jobs.js';
import type { PageLinkIndex, SyncJobQueue, WebhookDedupe } from './ports.js';
import { pageChangesOf, verifyHubSignature } from './webhook.js';

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
}

const parseJson = (rawBody: Buffer): unknown => {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ValidationError('The webhook body is not valid JSON.', undefined, 'malformed_json');
  }
};

/**
 * Handles one delivery of Meta's Page webhook.
 *
 * 1. Verify X-Hub-Signature-256 over the raw body with the app secret(s), before parsing anything.
 * 2. Extract the Page changes that matter for sync (the rest is acknowledged and ignored).
 * 3. Per change: claim its de-duplication key (a duplicate stops here), then enqueue a sync job for
 *    each link of the Page, in any tenant, whose sync is on and which is not paused. If enqueuing
 *    fails, the claim is given back so Meta's retry is not taken for a duplicate.
 *
 * @throws AuthenticationError for a missing or forged signature; ValidationError for a body that is
 * not a Page webhook.
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
  const changes = pageChangesOf(parseJson(input.rawBody));
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
