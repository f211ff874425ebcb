import type { WhatsAppEventJob } from '../jobs.js';
import type { WebhookDedupe } from '../sync/ports.js';
import { verifyHubSignature } from '../sync/webhook.js';
import { readWabaDelivery, type SkippedChange, type WabaChange } from './events.js';

/**
 * The WhatsApp Business Account webhook receiver's use case, the twin of the Page receiver's: verify
 * the signature over the raw bytes, drop changes already accepted, enqueue one job per change for
 * the worker (which finds the WABA's links and applies it), record them, answer. Nothing here
 * reads links: a delivery costs one dedupe read, one send and one write, whatever it says.
 */

interface WabaIntakeDeps {
  dedupe: WebhookDedupe;
  queue: { publish(jobs: readonly WhatsAppEventJob[]): Promise<void> };
  clock: { now(): Date };
}

interface WabaIntakeResult {
  /** Changes Tandem acts on. */
  changes: number;
  duplicates: number;
  jobs: number;
  /** Changes acknowledged without acting on them (an unknown field, another app's event), for the log. */
  skipped: SkippedChange[];
  /** Why a signed body was acknowledged without being read (not JSON, another object). */
  ignored?: string;
}

/**
 * Handles one delivery of Meta's WABA webhooks.
 *
 * 1. Verify X-Hub-Signature-256 with the app secret(s), before parsing anything.
 * 2. Read the changes Tandem acts on (account_update, account_alerts, phone_number_name_update,
 *    phone_number_quality_update); anything else, an unknown field included, is skipped with its
 *    reason and still answered 200: Meta retries every other answer.
 * 3. Drop changes an earlier delivery recorded, enqueue one `whatsapp-event` job per new one, then
 *    record them. A failure before recording answers 5xx and Meta's retry is processed in full (the
 *    worker's application of an event is idempotent).
 *
 * @throws AuthenticationError for a missing or forged signature; the store's and queue's errors.
 */
const receiveWabaWebhook = async (
  deps: WabaIntakeDeps,
  input: {
    rawBody: Buffer;
    signature: string | undefined;
    secrets: readonly string[];
    appId: string;
    deliveryId: string;
  }
): Promise<WabaIntakeResult> => {
  verifyHubSignature(input.rawBody, input.signature, input.secrets);
  const delivery = readWabaDelivery(input.rawBody, deps.clock.now(), input.appId);
  if (!delivery.ok) {
    return { changes: 0, duplicates: 0, jobs: 0, skipped: [], ignored: delivery.reason };
  }
  const { changes, skipped } = delivery;
  if (changes.length === 0) return { changes: 0, duplicates: 0, jobs: 0, skipped };
  const recorded = await deps.dedupe.recorded(changes.map((change) => change.dedupeKey));
  const fresh = new Map<string, WabaChange>();
  for (const change of changes) {
    if (!recorded.has(change.dedupeKey)) fresh.set(change.dedupeKey, change);
  }
  const jobs: WhatsAppEventJob[] = [...fresh.values()].map((change) => ({
    v: 1,
    kind: 'whatsapp-event',
    event: change.event,
    correlationId: input.deliveryId,
  }));
  if (jobs.length > 0) await deps.queue.publish(jobs);
  if (fresh.size > 0) await deps.dedupe.record([...fresh.keys()]);
  return {
    changes: changes.length,
    duplicates: changes.length - fresh.size,
    jobs: jobs.length,
    skipped,
  };
};

export type { WabaIntakeDeps, WabaIntakeResult };
export { receiveWabaWebhook };
