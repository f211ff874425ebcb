import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../functions/core/errors.js';
import type { LinksBulkJob, SyncJob } from '../../../../functions/core/jobs.js';
import { defaultSync, type Link } from '../../../../functions/core/linking/model.js';
import {
  type BulkDeps,
  type BulkOperation,
  getBulkAction,
  runBulkPage,
  startBulkAction,
} from '../../../../functions/core/sync/bulk.js';
import {
  countInto,
  emptySummary,
  type LinkFilter,
  matchesFilter,
} from '../../../../functions/core/sync/fleet.js';
import { recordingPublisher } from '../../../helpers/events.js';

const NOW = new Date('2026-07-01T10:00:00.000Z');

let sequence = 0;
const aLink = (overrides: Partial<Link> = {}): Link => {
  sequence += 1;
  return {
    linkId: `lnk_${String(sequence).padStart(32, '0')}`,
    tenantId: 'tenant-a',
    grantId: 'grt_1',
    metaUserId: '7001',
    pageId: String(100 + sequence),
    pageName: 'Blue Bakery',
    wabaId: '2001',
    phoneNumberId: String(300 + sequence),
    displayPhoneNumber: '+1 555 0100',
    status: 'active',
    sync: defaultSync(),
    unsupported: [],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    version: 1,
    ...overrides,
  };
};
const overridden = (overrides: Partial<Link> = {}) =>
  aLink({
    status: 'paused',
    pause: { reason: 'local_override', since: NOW.toISOString() },
    ...overrides,
  });
const tokenInvalid = () =>
  aLink({ status: 'paused', pause: { reason: 'token_invalid', since: NOW.toISOString() } });
const disconnected = () =>
  aLink({
    status: 'paused',
    pause: { reason: 'whatsapp_disconnected', since: NOW.toISOString() },
    drift: { class: 'meta_link_missing', runId: 'r', since: NOW.toISOString() },
  });

describe('Function: matchesFilter', () => {
  it('matches by status or pause reason (a lost WhatsApp number too), sync, drift class and Page', () => {
    // Prepare
    const edited = aLink({
      sync: { ...defaultSync(), enabled: true },
      drift: { class: 'whatsapp_edited', runId: 'r', since: NOW.toISOString() },
    });
    const paused = overridden();
    const offCloudApi = disconnected();
    const cases: [Link, LinkFilter, boolean][] = [
      [edited, {}, true],
      [edited, { status: 'active', syncEnabled: true, drift: 'whatsapp_edited' }, true],
      [edited, { status: 'paused' }, false],
      [edited, { drift: 'unchecked' }, false],
      [paused, { drift: 'unchecked' }, true],
      [paused, { status: 'paused' }, true],
      [paused, { status: 'local_override' }, true],
      [paused, { status: 'token_invalid' }, false],
      [paused, { syncEnabled: true }, false],
      [edited, { pageId: edited.pageId }, true],
      [edited, { pageId: paused.pageId }, false],
      [offCloudApi, { status: 'whatsapp_disconnected' }, true],
      [paused, { status: 'whatsapp_disconnected' }, false],
      [offCloudApi, { drift: 'meta_link_missing' }, true],
    ];

    // Act
    const answers = cases.map(([link, filter]) => matchesFilter(link, filter));

    // Assess
    expect(answers).toEqual(cases.map(([, , expected]) => expected));
  });
});

describe('Function: countInto', () => {
  it('counts each link once per dimension', () => {
    // Act
    const summary = countInto(emptySummary(), [
      overridden(),
      tokenInvalid(),
      disconnected(),
      aLink({ sync: { ...defaultSync(), enabled: true } }),
      aLink({ drift: { class: 'in_sync', runId: 'r', since: NOW.toISOString() } }),
    ]);

    // Assess
    expect(summary).toMatchObject({
      total: 5,
      status: { active: 2, paused: 3 },
      pauseReasons: { local_override: 1, token_invalid: 1, whatsapp_disconnected: 1 },
      sync: { enabled: 1, disabled: 4 },
      drift: { unchecked: 3, in_sync: 1, whatsapp_edited: 0, meta_link_missing: 1 },
    });
  });
});

/** Bulk actions over in-memory links, a store with the adapter's commit rule, and a queue. */
const bulkHarness = (links: Link[], pageLimit = 2) => {
  const store = new Map(links.map((link) => [link.linkId, structuredClone(link)]));
  const operations = new Map<string, BulkOperation>();
  const bulkJobs: LinksBulkJob[] = [];
  const syncJobs: SyncJob[] = [];
  let ids = 0;
  const events = recordingPublisher();
  const deps: BulkDeps = {
    events,
    links: {
      get: async (_tenantId, linkId) => structuredClone(store.get(linkId)),
      update: async (link, expectedVersion) => {
        if (store.get(link.linkId)?.version !== expectedVersion) {
          throw new ConflictError('changed', undefined, 'version_mismatch');
        }
        store.set(link.linkId, structuredClone(link));
      },
    },
    state: {
      get: async () => undefined,
      adoptBaseline: async () => undefined,
    } as unknown as BulkDeps['state'],
    queue: { publish: async (jobs) => void syncJobs.push(...jobs) },
    bulkQueue: { publish: async (jobs) => void bulkJobs.push(...jobs) },
    clock: { now: () => NOW },
    newJobId: () => `job_${++ids}`,
    newOperationId: () => `bulk_${++ids}`,
    // A page of `pageLimit` links from after the cursor (the last link answered), in id order.
    fleet: {
      listWhere: async (_tenantId, filter, { cursor }) => {
        const matching = [...store.values()]
          .filter((link) => (cursor ? link.linkId > cursor : true))
          .filter((link) => matchesFilter(link, filter))
          .sort((a, b) => a.linkId.localeCompare(b.linkId));
        const items = matching.slice(0, pageLimit);
        const last = items.at(-1);
        return matching.length > pageLimit && last ? { items, nextCursor: last.linkId } : { items };
      },
    },
    operations: {
      create: async (operation) =>
        void operations.set(operation.operationId, structuredClone(operation)),
      get: async (_tenantId, operationId) => structuredClone(operations.get(operationId)),
      commitPage: async (_tenantId, operationId, commit) => {
        const operation = operations.get(operationId);
        if (!operation || operation.nextSeq !== commit.seq || operation.status !== 'running') {
          return false;
        }
        for (const key of Object.keys(commit.progress) as (keyof typeof commit.progress)[]) {
          operation.progress[key] += commit.progress[key];
        }
        operation.failures.push(...commit.failures);
        operation.nextSeq = commit.seq + 1;
        if (commit.cursor === undefined) {
          operation.status = 'completed';
          delete operation.cursor;
        } else operation.cursor = commit.cursor;
        return true;
      },
    },
  };
  const drain = async () => {
    while (bulkJobs.length > 0) {
      const job = bulkJobs.shift() as LinksBulkJob;
      await runBulkPage(deps, job, { receiveCount: 1 });
    }
  };
  return { deps, store, bulkJobs, syncJobs, events, drain };
};

describe('Function: startBulkAction and runBulkPage', () => {
  it('resumes every link of the filter a page at a time and counts what it did', async () => {
    // Prepare
    const links = [overridden(), overridden(), tokenInvalid(), overridden(), aLink()];
    const h = bulkHarness(links);

    // Act
    const started = await startBulkAction(h.deps, 'tenant-a', {
      action: 'resume',
      filter: { status: 'paused' },
      overwrite: true,
    });
    await h.drain();

    // Assess
    const done = await getBulkAction(h.deps, 'tenant-a', started.operationId);
    expect(done).toMatchObject({
      status: 'completed',
      progress: { pages: 2, matched: 4, changed: 3, skipped: 0, failed: 1 },
      failures: [{ linkId: links[2]?.linkId, code: 'relink_required' }],
    });
    expect([...h.store.values()].filter((link) => link.status === 'paused')).toHaveLength(1);
    expect(h.syncJobs).toHaveLength(3);
    expect(h.events.ofType('link.resumed').map((event) => event.linkId)).toEqual(
      [links[0], links[1], links[3]].map((link) => link?.linkId)
    );
  });

  it('turns sync on with a first sync per active link, skipping links already on', async () => {
    // Prepare
    const on = aLink({ sync: { ...defaultSync(), enabled: true } });
    const h = bulkHarness([aLink(), on, overridden()]);

    // Act
    const started = await startBulkAction(h.deps, 'tenant-a', {
      action: 'enable_sync',
      filter: {},
    });
    await h.drain();

    // Assess
    expect((await getBulkAction(h.deps, 'tenant-a', started.operationId)).progress).toMatchObject({
      matched: 3,
      changed: 2,
      skipped: 1,
    });
    // The paused link is on now too, but only the active one was synced at once.
    expect(h.syncJobs.map((job) => job.trigger)).toEqual(['enabled']);
  });

  it('does not count a page twice when its job is delivered again', async () => {
    // Prepare
    const h = bulkHarness([aLink(), aLink(), aLink()]);
    const started = await startBulkAction(h.deps, 'tenant-a', {
      action: 'enable_sync',
      filter: {},
    });
    const first = h.bulkJobs[0] as LinksBulkJob;
    await h.drain();

    // Act
    const again = await runBulkPage(h.deps, first, { receiveCount: 2 });

    // Assess
    expect(again.status).toBe('already_done');
    expect((await getBulkAction(h.deps, 'tenant-a', started.operationId)).progress.matched).toBe(3);
  });

  it('refuses a resume that does not say how to resume, and overwrite on another action', async () => {
    // Prepare
    const h = bulkHarness([]);

    // Act
    const noOverwrite = startBulkAction(h.deps, 'tenant-a', { action: 'resume', filter: {} });
    const stray = startBulkAction(h.deps, 'tenant-a', {
      action: 'disable_sync',
      filter: {},
      overwrite: true,
    });

    // Assess
    await expect(noOverwrite).rejects.toMatchObject({ code: 'overwrite_required' });
    await expect(stray).rejects.toMatchObject({ code: 'invalid_request' });
    expect(h.bulkJobs).toEqual([]);
  });
});
