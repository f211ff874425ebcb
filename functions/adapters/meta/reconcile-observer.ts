import type { ReconcileObserver, UsageReading } from '../../core/reconcile/ports.js';
import type { LinkObserver } from '../../core/sync/ports.js';
import type { GraphUsage } from '../graph/index.js';

/**
 * The reconciler's view of the LinkObserver: the same batched Page and WhatsApp reads, plus how close
 * they came to Meta's limits, so the shard job can slow its continuations down before Meta refuses.
 */

interface UsageGauge {
  /** Hand to the Graph client's `onUsage`: every response's usage headers are recorded. */
  record(usage: GraphUsage): void;
  /** The usage the most recent Graph response reported (usage is a rolling window: latest wins). */
  latest(): UsageReading;
}

const createUsageGauge = (): UsageGauge => {
  let reading: UsageReading = { maxUsagePercent: 0 };
  return {
    record: (usage) => {
      reading = {
        maxUsagePercent: usage.maxUsagePercent,
        ...(usage.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: usage.retryAfterSeconds }
          : {}),
      };
    },
    latest: () => reading,
  };
};

/**
 * @example
 * const gauge = createUsageGauge();
 * const observer = createReconcileObserver(linkObserver(graphClient({ onUsage: gauge.record })), gauge);
 */
const createReconcileObserver = (
  observer: LinkObserver,
  gauge: Pick<UsageGauge, 'latest'>
): ReconcileObserver => ({
  observe: async (links, options) => ({
    observations: await observer.observeMany(links, options),
    usage: gauge.latest(),
  }),
});

export type { UsageGauge };
export { createReconcileObserver, createUsageGauge };
