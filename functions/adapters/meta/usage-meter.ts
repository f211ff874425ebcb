import type { UsageMeter } from '../../core/sync/ports.js';
import type { GraphUsage } from '../graph/index.js';

/**
 * What Meta's usage headers said lately, in this execution environment: the Graph client reports
 * every response's usage here (its `onUsage` hook) and sync asks before calling Meta again. A reading
 * counts for `windowMs`, after which Meta's own windows have moved on.
 */
interface RecordingUsageMeter extends UsageMeter {
  record(usage: GraphUsage): void;
}

const createUsageMeter = (windowMs = 60_000, now: () => number = Date.now): RecordingUsageMeter => {
  let percent = 0;
  let at = 0;
  return {
    record: (usage) => {
      const fresh = now() - at > windowMs;
      // Within the window the highest reading stands; a newer, lower one replaces it only later.
      if (fresh || usage.maxUsagePercent >= percent) {
        percent = usage.maxUsagePercent;
        at = now();
      }
    },
    maxPercent: () => (now() - at > windowMs ? 0 : percent),
  };
};

export type { RecordingUsageMeter };
export { createUsageMeter };
