import { classifyMetaLink, metaLinkChanged, metaLinkFix } from '../linking/meta-link.js';
import { type InstagramAccount, type Link, SYNC_FIELDS, type SyncField } from '../linking/model.js';
import { healthChanged, healthReason, toNumberHealth } from '../linking/number-health.js';
import type { MetaLink, NumberHealth, WhatsAppSide } from '../linking/whatsapp-side.js';
import type { Observation } from '../sync/ports.js';
import { classifyDrift, type Drift, type HealAction, healPolicy } from './drift.js';
import type { BaselineSource, ReconcileObserver, SourcedLink, UsageReading } from './ports.js';

/**
 * Checks one page of links: observe both sides (and Meta's Page <-> number link, and the number's
 * health when its daily check is due), classify against the last write, decide the action. Effects
 * (syncs, reports, counts, storing what changed on the WhatsApp side) are the caller's.
 */

/** The link's WhatsApp side after this run, and what of it must be stored. */
interface WhatsAppFacts {
  metaLink?: MetaLink;
  health?: NumberHealth;
  /** The daily checks (health) were read for it in this run. */
  dailyChecked: boolean;
  /** What changed since the link's stored side; undefined when nothing did (nothing is written). */
  changed?: Pick<WhatsAppSide, 'metaLink' | 'health'>;
  /** Meta's reasons and the fixes, for people. */
  notes: string[];
}

type LinkOutcome =
  | {
      kind: 'checked';
      link: Link;
      drift: Drift;
      action: HealAction;
      paused: boolean;
      whatsapp: WhatsAppFacts;
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

/** The WhatsApp side from what this run read, falling back to what the link holds. */
const whatsappFactsOf = (link: Link, observation: Observation, now: Date): WhatsAppFacts => {
  const stored = link.whatsapp;
  const read = observation.kind === 'observed' ? observation : undefined;
  const metaLink = read?.metaLink
    ? classifyMetaLink(read.metaLink, link.displayPhoneNumber, now, stored?.metaLink)
    : stored?.metaLink;
  const health = read?.health ? toNumberHealth(read.health, now, stored?.health) : stored?.health;
  const changed: Pick<WhatsAppSide, 'metaLink' | 'health'> = {
    ...(metaLink && metaLinkChanged(stored?.metaLink, metaLink) ? { metaLink } : {}),
    ...(health && healthChanged(stored?.health, health) ? { health } : {}),
  };
  const fix = metaLink && metaLinkFix(metaLink.state, link, metaLink.pageNumber);
  const reason = health && healthReason(health);
  return {
    ...(metaLink ? { metaLink } : {}),
    ...(health ? { health } : {}),
    dailyChecked: read?.health !== undefined,
    ...(Object.keys(changed).length > 0 ? { changed } : {}),
    notes: [...(fix ? [fix] : []), ...(reason ? [reason] : [])],
  };
};

const checkLinks = async (
  deps: { observer: ReconcileObserver; baselines: BaselineSource },
  items: readonly SourcedLink[],
  options: { dailyChecks: (link: Link) => boolean; now: Date }
): Promise<{ outcomes: LinkOutcome[]; usage: UsageReading }> => {
  const links = items.flatMap((item) => (item.ok ? [item.link] : []));
  const errors: LinkOutcome[] = items.flatMap((item) =>
    item.ok ? [] : [{ kind: 'error' as const, key: item.key, reason: item.reason }]
  );
  if (links.length === 0) return { outcomes: errors, usage: { maxUsagePercent: 0 } };
  const [baselines, observed] = await Promise.all([
    deps.baselines.read(links),
    deps.observer.observe(links, { dailyChecks: options.dailyChecks, pictures: false }),
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
    const whatsapp = whatsappFactsOf(link, observation, options.now);
    const drift = classifyDrift(
      observation,
      syncedFields(link),
      baseline?.lastWritten,
      baseline?.unconfirmed,
      {
        ...(whatsapp.metaLink ? { metaLink: whatsapp.metaLink.state } : {}),
        ...(whatsapp.health ? { health: whatsapp.health.canSendMessage } : {}),
      }
    );
    const paused = isPaused(link);
    return {
      kind: 'checked',
      link,
      drift,
      action: healPolicy(drift, link.sync.enabled, paused),
      paused,
      whatsapp,
      ...(observation.kind === 'observed' && observation.instagram
        ? { instagram: observation.instagram }
        : {}),
    };
  });
  return { outcomes: [...checked, ...errors], usage: observed.usage };
};

export type { LinkOutcome, WhatsAppFacts };
export { checkLinks, whatsappFactsOf };
