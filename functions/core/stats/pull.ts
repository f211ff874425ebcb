import { NotFoundError } from '../errors.js';
import type { StatsPullJob, StatsShardJob } from '../jobs.js';
import { joinDays, pullWindow } from './model.js';
import type { StatsFanOutDeps, StatsPullDeps } from './ports.js';

/**
 * The daily statistics pull. The schedule publishes one `stats-shard` job per shard; a shard job
 * reads one page of the shard's active links, publishes one `stats-pull` job per link and a
 * continuation for the next page (as the reconciler fans out). A pull job reads at most one chunk
 * of days from Meta and publishes a continuation for the rest, so a new link's year of history is
 * a few bounded jobs rather than one long one.
 */

const ADS_SCOPES = ['ads_read', 'ads_management'];

type PullResult =
  | { status: 'pulled'; since: string; until: string; days: number; continues: boolean }
  | { status: 'skipped'; reason: 'link_gone' | 'grant_gone' | 'token_invalid' };

/** Digits only: analytics filter on the number as Meta normalises it (e.g. 16315551000). */
const normalisedNumber = (display: string): string => display.replace(/\D/g, '');

const pullLinkStats = async (deps: StatsPullDeps, job: StatsPullJob): Promise<PullResult> => {
  const link = await deps.links.get(job.tenantId, job.linkId);
  if (!link) return { status: 'skipped', reason: 'link_gone' };
  // Meta would answer 190 again; the link asks its user to sign in again already.
  if (link.pause?.reason === 'token_invalid') return { status: 'skipped', reason: 'token_invalid' };
  const grant = await deps.grants.get(job.tenantId, link.grantId);
  if (!grant) return { status: 'skipped', reason: 'grant_gone' };
  const token = await deps.vault.open(grant.token, {
    tenantId: grant.tenantId,
    grantId: grant.grantId,
    purpose: 'meta_user_token',
  });

  const now = deps.clock.now();
  const pulledThrough = await deps.store.pulledThrough(job.tenantId, job.linkId);
  const window = pullWindow(now, pulledThrough, job);
  const start = Date.parse(`${window.since}T00:00:00Z`) / 1000;
  // `end` is the instant after the window's last day; today's day is partial and read again later.
  const end = Math.min(
    Date.parse(`${window.until}T00:00:00Z`) / 1000 + 86_400,
    now.getTime() / 1000
  );
  const analytics = await deps.stats.getMessagingAnalytics(
    token,
    link.wabaId,
    normalisedNumber(link.displayPhoneNumber),
    { start, end: Math.floor(end) }
  );

  const canReadAds = ADS_SCOPES.some((scope) => grant.scopes.includes(scope));
  const ads = canReadAds
    ? (await deps.operations.listForLink(job.tenantId, job.linkId)).filter(
        (operation) => operation.status === 'completed' && operation.progress.adId !== undefined
      )
    : [];
  const rows = [];
  for (const operation of ads) {
    try {
      rows.push(
        ...(await deps.stats.getAdDailyInsights(token, operation.progress.adId ?? '', window))
      );
    } catch (error) {
      // An ad deleted on Meta's side has no insights; the link's other ads still count.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  const days = joinDays(
    window,
    analytics,
    ads.length > 0 ? { rows, currency: ads[0]?.currency ?? null } : null
  );
  await deps.store.saveDays(job.tenantId, job.linkId, days, window.until);
  if (window.next) {
    const { until: _until, ...rest } = job;
    await deps.publisher.publish([{ ...rest, ...window.next }]);
  }
  return {
    status: 'pulled',
    since: window.since,
    until: window.until,
    days: days.length,
    continues: window.next !== undefined,
  };
};

/** The jobs the schedule publishes: one per shard. */
const statsShardJobs = (shardCount: number): StatsShardJob[] =>
  Array.from({ length: shardCount }, (_, shard) => ({ v: 1, kind: 'stats-shard', shard }));

/** One page of a shard: a pull job per link, and the next page's job. */
const fanOutStatsShard = async (
  deps: StatsFanOutDeps,
  job: StatsShardJob
): Promise<{ links: number; continues: boolean }> => {
  const page = await deps.links.page(
    { kind: 'shard', shard: job.shard },
    job.cursor,
    deps.pageSize
  );
  const pulls: StatsPullJob[] = page.items.flatMap((item) =>
    item.ok
      ? [{ v: 1, kind: 'stats-pull', tenantId: item.link.tenantId, linkId: item.link.linkId }]
      : []
  );
  const next: StatsShardJob[] = page.cursor ? [{ ...job, cursor: page.cursor }] : [];
  await deps.publisher.publish([...pulls, ...next]);
  return { links: pulls.length, continues: next.length > 0 };
};

export type { PullResult };
export { fanOutStatsShard, normalisedNumber, pullLinkStats, statsShardJobs };
