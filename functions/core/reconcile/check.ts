import { type InstagramAccount, type Link, SYNC_FIELDS, type SyncField } from '../linking/model.js';
import { classifyDrift, type Drift, type HealAction, healPolicy } from './drift.js';
import type { BaselineSource, ReconcileObserver, SourcedLink, UsageReading } from './ports.js';

/**
 * Checks one page of links: observe both sides, classify against the last write, decide the action.
 * Effects (syncs, reports, counts) are the caller's.
 */

type LinkOutcome =
  | {
      kind: 'checked';
      link: Link;
      drift: Drift;
      action: HealAction;
      paused: boolean;
      /** The Page's Instagram account as read this time, when it was read. */
      instagram?: { account?: InstagramAccount };
    }
  | { kind: 'error'; key: string; tenantId?: string; linkId?: string; reason: string };

const syncedFields = (link: Link): SyncField[] =>
  SYNC_FIELDS.filter((field) => link.sync.fields[field]);

/**
 * Paused links (a direct WhatsApp edit, a dead token) are observed and classified like any other:
 * their class tells the user what is going on. The policy never heals them.
 */
const isPaused = (link: Link): boolean => link.status === 'paused' || link.pause !== undefined;

const checkLinks = async (
  deps: { observer: ReconcileObserver; baselines: BaselineSource },
  items: readonly SourcedLink[]
): Promise<{ outcomes: LinkOutcome[]; usage: UsageReading }> => {
  const links = items.flatMap((item) => (item.ok ? [item.link] : []));
  const errors: LinkOutcome[] = items.flatMap((item) =>
    item.ok ? [] : [{ kind: 'error' as const, key: item.key, reason: item.reason }]
  );
  if (links.length === 0) return { outcomes: errors, usage: { maxUsagePercent: 0 } };
  const [baselines, observed] = await Promise.all([
    deps.baselines.read(links),
    deps.observer.observe(links),
  ]);
  const checked = links.map((link): LinkOutcome => {
    const observation = observed.observations.get(link.linkId);
    if (!observation) {
      return {
        kind: 'error',
        key: link.linkId,
        tenantId: link.tenantId,
        linkId: link.linkId,
        reason: 'Meta did not answer for this link',
      };
    }
    const baseline = baselines.get(link.linkId);
    const drift = classifyDrift(
      observation,
      syncedFields(link),
      baseline?.lastWritten,
      baseline?.unconfirmed
    );
    const paused = isPaused(link);
    return {
      kind: 'checked',
      link,
      drift,
      action: healPolicy(drift, link.sync.enabled, paused),
      paused,
      ...(observation.kind === 'observed' && observation.instagram
        ? { instagram: observation.instagram }
        : {}),
    };
  });
  return { outcomes: [...checked, ...errors], usage: observed.usage };
};

export type { LinkOutcome };
export { checkLinks };
