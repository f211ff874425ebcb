import type { SyncJob } from '../jobs.js';
import type { Link } from '../linking/model.js';
import type { PageLinkIndex, SyncJobQueue, WebhookDedupe } from './ports.js';
import { type PageChange, readPageDelivery, verifyHubSignature } from './webhook.js';

/**
 * The webhook receiver's use case: do the least, fast, whatever the size of the delivery. Verify the
 * signature over the raw bytes, drop duplicates, find the Pages' links with sync on, enqueue one sync
 * job each, record what was enqueued, and answer. Every step is batched: one claim, one query and one
 * send per entry, in sequence, took 7-10 s for Meta's 1,000-entry batches, past the 10 s timeout.
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
 * Handles one delivery of Meta's Page webhook (up to 1,000 entries).
 *
 * 1. Verify X-Hub-Signature-256 over the raw body with the app secret(s), before parsing anything.
 * 2. Extract the Page changes that matter for sync (the rest is acknowledged and ignored). A signed
 *    body that cannot be a Page webhook is acknowledged with the reason in `ignored`: it is Meta's,
 *    and any other answer only makes Meta send the same bytes again.
 * 3. Drop the changes an earlier delivery recorded (batched reads), find the links of the remaining
 *    Pages (batched reads), and enqueue one sync job per link, in any tenant, whose sync is on and
 *    which is not paused (batched sends, a few at once).
 * 4. Only then record the changes as done. If anything before fails, nothing is recorded and the
 *    answer is 5xx, so Meta's retry is processed in full (jobs already enqueued run again, which is
 *    harmless: sync jobs are idempotent).
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
  if (changes.length === 0) return { changes: 0, duplicates: 0, jobs: 0 };

  const recorded = await deps.dedupe.recorded(changes.map((change) => change.dedupeKey));
  const fresh = new Map<string, PageChange>();
  for (const change of changes) {
    if (!recorded.has(change.dedupeKey) && !fresh.has(change.dedupeKey)) {
      fresh.set(change.dedupeKey, change);
    }
  }
  const linksOf =
    fresh.size > 0
      ? await deps.pages.linksOfPages([...fresh.values()].map((change) => change.pageId))
      : new Map<string, Link[]>();
  const jobs: SyncJob[] = [...fresh.values()].flatMap((change) =>
    (linksOf.get(change.pageId) ?? [])
      .filter((link) => link.sync.enabled && link.status === 'active')
      .map((link) => ({
        v: 1 as const,
        kind: 'sync' as const,
        tenantId: link.tenantId,
        linkId: link.linkId,
        trigger: 'webhook' as const,
        observedAt: change.observedAt,
        correlationId: input.deliveryId,
      }))
  );
  if (jobs.length > 0) await deps.queue.publish(jobs);
  await deps.dedupe.record([...fresh.keys()]);
  return { changes: changes.length, duplicates: changes.length - fresh.size, jobs: jobs.length };
};

export type { IntakeDeps, IntakeResult };
export { receivePageWebhook };
