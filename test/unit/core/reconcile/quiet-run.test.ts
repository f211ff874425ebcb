import { describe, expect, it } from 'vitest';
import {
  classifyMetaLink,
  type PageWhatsAppRead,
} from '../../../../functions/core/linking/meta-link.js';
import { defaultSync, type Link } from '../../../../functions/core/linking/model.js';
import {
  type HealthRead,
  toNumberHealth,
} from '../../../../functions/core/linking/number-health.js';
import type { RunScope } from '../../../../functions/core/reconcile/model.js';
import { reconcileShard, startReconcileRun } from '../../../../functions/core/reconcile/run.js';
import type { Observation } from '../../../../functions/core/sync/ports.js';
import { type Harness, harness, observed, testLink, written } from './fakes.js';

/**
 * A run over links in which nothing changed since the run before: it may write its own bookkeeping
 * (checkpoints, counts), never anything per link, and sends nothing per link.
 */

const earlier = new Date('2026-07-01T09:00:00.000Z');
const now = new Date('2026-07-01T10:00:00.000Z');

const linkRead: PageWhatsAppRead = {
  answered: true,
  whatsappNumber: '1555',
  hasWhatsAppNumber: true,
  hasWhatsAppBusinessNumber: true,
};
const available: HealthRead = { canSendMessage: 'AVAILABLE', entities: [] };
const limited: HealthRead = {
  canSendMessage: 'LIMITED',
  entities: [
    {
      entityType: 'PHONE_NUMBER',
      entityId: '5000',
      canSendMessage: 'LIMITED',
      errors: [],
      additionalInfo: ['Messaging limit reached'],
    },
  ],
};

/** A link as the run before left it: sync on, in sync, Meta's link and the health stored. */
const steadyLink = (overrides: Partial<Link> = {}): Link => {
  const link = testLink(overrides);
  return {
    ...link,
    sync: { ...defaultSync(), enabled: true },
    drift: { class: 'in_sync', runId: 'run-0', since: earlier.toISOString() },
    whatsapp: {
      metaLink: classifyMetaLink(linkRead, link.displayPhoneNumber, earlier),
      health: toNumberHealth(available, earlier),
    },
    ...overrides,
  };
};

/** What this run reads of a steady link: the same Page, profile, Meta link and health. */
const readAgain = (health: HealthRead = available): Observation => {
  const read = observed('Same', 'Same');
  if (read.kind !== 'observed') throw new Error('observed() answers an observation');
  return { ...read, metaLink: linkRead, health };
};

const runOnce = async (h: Harness, scope: RunScope) => {
  await startReconcileRun(
    {
      store: h.deps.store,
      publisher: h.deps.publisher,
      newRunId: () => 'run-1',
      settings: h.deps.settings,
      metrics: h.deps.metrics,
      events: h.deps.events,
    },
    { scope, trigger: scope.kind === 'all' ? 'schedule' : 'on_demand' },
    now
  );
  while (h.shardJobs.length > 0) {
    const next = h.shardJobs.shift();
    if (next) await reconcileShard(h.deps, next.job, { receiveCount: 1 }, now);
  }
};

const quietHarness = (links: Link[], observations: Map<string, Observation>) =>
  harness(links, observations, new Map(links.map((link) => [link.linkId, written('Same')])), {
    shardCount: 1,
    pageSize: 100,
  });

/** Every per-link effect a run can have, to compare with none. */
const perLinkEffects = (h: Harness, links: readonly Link[]) => ({
  linksRewritten: links.filter(
    (link) => h.linkStore.stored.get(`${link.tenantId}/${link.linkId}`)?.version !== link.version
  ),
  driftClassWrites: [...h.linkDrift.keys()],
  instagramWrites: [...h.instagramWrites.keys()],
  historyRecords: [...h.records.keys()],
  syncJobs: h.syncJobs,
  restoredSubscriptions: h.restored,
  driftEvents: h.events.ofType('drift.detected'),
});

const none = {
  linksRewritten: [],
  driftClassWrites: [],
  instagramWrites: [],
  historyRecords: [],
  syncJobs: [],
  restoredSubscriptions: [],
  driftEvents: [],
};

describe('Function: reconcileShard, when nothing changed', () => {
  it('writes and sends nothing per link in a scheduled run, only its page bookkeeping', async () => {
    // Prepare
    const links = [steadyLink(), steadyLink({ tenantId: 'tenant-b' }), steadyLink()];
    const h = quietHarness(links, new Map(links.map((link) => [link.linkId, readAgain()])));

    // Act
    await runOnce(h, { kind: 'all' });

    // Assess
    expect(perLinkEffects(h, links)).toEqual(none);
    // Pictures are not compared here: not one is downloaded.
    expect(h.observeOptions.map((options) => options.pictures)).toEqual([false]);
    expect(h.runs.runs.get('run-1')).toMatchObject({
      status: 'completed',
      linksChecked: 3,
      drift: { in_sync: 3 },
    });
    expect([...h.tenantPages.values()].map((page) => [page.tenantId, page.drifted])).toEqual([
      ['tenant-a', []],
      ['tenant-b', []],
    ]);
  });

  it('writes nothing for a daily check that read the same health, and only the link whose health changed', async () => {
    // Prepare: an on-demand run reads every link's health.
    const links = [steadyLink(), steadyLink(), steadyLink()];
    const [same, other, changed] = links as [Link, Link, Link];
    const h = quietHarness(
      links,
      new Map([
        [same.linkId, readAgain()],
        [other.linkId, readAgain()],
        [changed.linkId, readAgain(limited)],
      ])
    );

    // Act
    await runOnce(h, { kind: 'tenant', tenantId: 'tenant-a' });

    // Assess
    expect(h.dailyChecked.get(same.linkId)).toBe(true);
    expect(perLinkEffects(h, links)).toEqual({ ...none, linksRewritten: [changed] });
    expect(h.linkStore.stored.get(`tenant-a/${changed.linkId}`)?.whatsapp?.health).toMatchObject({
      canSendMessage: 'LIMITED',
      since: now.toISOString(),
    });
    expect(h.runs.runs.get('run-1')).toMatchObject({ dailyChecks: 3 });
  });

  it('stores nothing for an Instagram account read the same as the one stored', async () => {
    // Prepare
    const account = { id: '800', username: 'bakery' };
    const links = [
      steadyLink({ instagramAccountId: account.id, instagramUsername: account.username }),
    ];
    const h = quietHarness(
      links,
      new Map(links.map((link) => [link.linkId, { ...readAgain(), instagram: { account } }]))
    );

    // Act
    await runOnce(h, { kind: 'all' });

    // Assess
    expect(perLinkEffects(h, links)).toEqual(none);
  });
});
