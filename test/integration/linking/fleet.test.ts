import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWriteAll, type WriteRequest } from '../../../functions/adapters/dynamodb/batch.js';
import { pageGuardKey, syncStateKey } from '../../../functions/adapters/dynamodb/keys.js';
import { linkItem } from '../../../functions/adapters/dynamodb/links.js';
import { defaultSync, type Link } from '../../../functions/core/linking/model.js';
import { api, awsClients, eventually, useSystem } from '../../helpers/system.js';
import { aLink, hexId, metaId } from '../adapters/dynamodb/fixtures.js';

/**
 * Fleet views over 1,000 links of one tenant, through the local gateway, the real tables and the
 * queue: filters, the summary, a walk that stays exact while links are written, and a bulk resume
 * run by the worker a page at a time. Links are written directly, as the repository writes them.
 */

const SINCE = '2026-07-01T10:00:00.000Z';

interface FleetItem {
  linkId: string;
  status: string;
  pause?: { reason: string };
  sync: { enabled: boolean };
  drift?: { class: string };
  lastSync: { outcome: string } | null;
}

interface FleetPage {
  items: FleetItem[];
  nextCursor?: string;
}

/** Every page of GET /links with this query, following nextCursor to the end. */
const walk = async (
  tenant: string,
  query: Record<string, string>,
  between?: (pageNumber: number) => Promise<void>
): Promise<FleetItem[]> => {
  const items: FleetItem[] = [];
  let cursor: string | undefined;
  let pageNumber = 0;
  do {
    const params = new URLSearchParams({ limit: '100', ...query, ...(cursor ? { cursor } : {}) });
    const response = await api(`/links?${params}`, { tenant });
    expect(response.status, await response.clone().text()).toBe(200);
    const page = (await response.json()) as FleetPage;
    items.push(...page.items);
    cursor = page.nextCursor;
    pageNumber += 1;
    await between?.(pageNumber);
  } while (cursor);
  return items;
};

const idsOf = (items: readonly { linkId: string }[]) => items.map((item) => item.linkId).sort();

describe('Fleet views over 1,000 links', () => {
  const tenant = `fleet-${randomBytes(4).toString('hex')}`;
  const grant = { grantId: hexId('grt'), tenantId: tenant, metaUserId: metaId() };
  const paused = (reason: 'local_override' | 'token_invalid'): Partial<Link> => ({
    status: 'paused',
    pause: { reason, since: SINCE },
  });
  // 400 paused by a direct edit, 100 by a rejected token, 500 active: 250 of them syncing, 100 of
  // those last found WhatsApp-edited by the reconciler and 150 in sync; 250 never checked.
  const overridden = Array.from({ length: 400 }, () => aLink(grant, paused('local_override')));
  const rejected = Array.from({ length: 100 }, () => aLink(grant, paused('token_invalid')));
  const driftOf = (name: 'whatsapp_edited' | 'in_sync') => ({
    sync: { ...defaultSync(), enabled: true },
    drift: { class: name, runId: 'rcn_20260701T100000000Z_00000000', since: SINCE },
  });
  const edited = Array.from({ length: 100 }, () => aLink(grant, driftOf('whatsapp_edited')));
  const inSync = Array.from({ length: 150 }, () => aLink(grant, driftOf('in_sync')));
  const unchecked = Array.from({ length: 250 }, () => aLink(grant));
  const links = [...overridden, ...rejected, ...edited, ...inSync, ...unchecked];
  const written: Link[] = [];
  const write = (requests: WriteRequest[]) =>
    batchWriteAll(awsClients().documents, useSystem().tables.links, requests);
  const put = (batch: readonly Link[]) =>
    write(
      batch.flatMap((link) => [
        { PutRequest: { Item: linkItem(link) } },
        {
          PutRequest: {
            Item: {
              ...pageGuardKey(link.pageId),
              kind: 'guard',
              tenantId: tenant,
              linkId: link.linkId,
            },
          },
        },
      ])
    );

  beforeAll(async () => {
    await put(links);
    written.push(...links);
    // The last sync of the first 10 in-sync links failed.
    await write(
      inSync.slice(0, 10).map((link) => ({
        PutRequest: {
          Item: {
            ...syncStateKey(tenant, link.linkId),
            tenantId: tenant,
            linkId: link.linkId,
            lastResult: {
              at: SINCE,
              outcome: 'failed',
              trigger: 'webhook',
              changedFields: [],
              notes: [],
              reason: 'Meta answered 500',
            },
          },
        },
      }))
    );
  }, 120_000);

  afterAll(async () => {
    // Active links are in the reconciler's index: leave none behind for other tests' runs.
    await write(
      written.flatMap((link) => {
        const { pk, sk } = linkItem(link);
        return [
          { DeleteRequest: { Key: { pk, sk } } },
          { DeleteRequest: { Key: syncStateKey(tenant, link.linkId) } },
          { DeleteRequest: { Key: pageGuardKey(link.pageId) } },
        ];
      })
    );
  }, 120_000);

  it('filters by status and pause reason, sync, drift class and Page', async () => {
    // Act
    const [byOverride, byPaused, bySync, byEdited, byUnchecked, syncingInSync] = await Promise.all([
      walk(tenant, { status: 'local_override' }),
      walk(tenant, { status: 'paused' }),
      walk(tenant, { syncEnabled: 'true' }),
      walk(tenant, { drift: 'whatsapp_edited' }),
      walk(tenant, { drift: 'unchecked', status: 'active' }),
      walk(tenant, { syncEnabled: 'true', drift: 'in_sync' }),
    ]);
    const target = edited[7] as Link;
    const byPage = await walk(tenant, { pageId: target.pageId });

    // Assess
    expect(idsOf(byOverride)).toEqual(idsOf(overridden));
    expect(byOverride.every((item) => item.pause?.reason === 'local_override')).toBe(true);
    expect(idsOf(byPaused)).toEqual(idsOf([...overridden, ...rejected]));
    expect(idsOf(bySync)).toEqual(idsOf([...edited, ...inSync]));
    expect(idsOf(byEdited)).toEqual(idsOf(edited));
    expect(idsOf(byUnchecked)).toEqual(idsOf(unchecked));
    expect(idsOf(syncingInSync)).toEqual(idsOf(inSync));
    expect(syncingInSync.filter((item) => item.lastSync?.outcome === 'failed')).toHaveLength(10);
    expect(syncingInSync.filter((item) => item.lastSync === null)).toHaveLength(140);
    expect(idsOf(byPage)).toEqual([target.linkId]);
  }, 120_000);

  it('refuses an unknown filter value and a cursor from another filter’s tenant', async () => {
    // Act
    const badStatus = await api('/links?status=sleeping', { tenant });
    const first = (await (await api('/links?limit=1', { tenant })).json()) as FleetPage;
    const foreign = await api(`/links?cursor=${first.nextCursor}`, { tenant: `${tenant}-other` });

    // Assess
    expect(badStatus.status).toBe(400);
    expect(foreign.status).toBe(400);
  });

  it('walks every link exactly once while links are created and changed between pages', async () => {
    // Prepare
    const before = new Set(written.map((link) => link.linkId));
    const extra = Array.from({ length: 50 }, () => aLink(grant));

    // Act
    const seen = await walk(tenant, {}, async (pageNumber) => {
      if (pageNumber !== 2) return;
      await put(extra);
      written.push(...extra);
    });

    // Assess
    const ids = seen.map((item) => item.linkId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.has(id)).sort()).toEqual([...before].sort());
  }, 120_000);

  it('counts the fleet by status, pause reason, sync and drift', async () => {
    // Act
    const response = await api('/summary', { tenant: `${tenant}` });

    // Assess
    expect(response.status).toBe(200);
    const summary = (await response.json()) as Record<string, unknown>;
    expect(summary).toMatchObject({
      status: { paused: 500 },
      pauseReasons: { local_override: 400, token_invalid: 100, whatsapp_disconnected: 0 },
      sync: { enabled: 250 },
      drift: { whatsapp_edited: 100, in_sync: 150 },
    });
    expect(summary.total).toBe(written.length);
  });

  it('resumes every link of a filter as a job whose progress can be read', async () => {
    // Act
    const started = await api('/links/bulk', {
      tenant,
      body: { action: 'resume', filter: { status: 'local_override' }, overwrite: true },
    });

    // Assess
    expect(started.status, await started.clone().text()).toBe(202);
    const operation = (await started.json()) as { operationId: string; status: string };
    expect(operation.status).toBe('running');
    expect(started.headers.get('location')).toBe(`/links/bulk/${operation.operationId}`);
    const done = await eventually(
      async () => {
        const response = await api(`/links/bulk/${operation.operationId}`, { tenant });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { status: string; progress: unknown };
        expect(body.status).toBe('completed');
        return body;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 }
    );
    expect(done.progress).toMatchObject({ matched: 400, changed: 400, skipped: 0, failed: 0 });
    expect(await walk(tenant, { status: 'local_override' })).toEqual([]);
    const resumed = await walk(tenant, {
      status: 'active',
      drift: 'unchecked',
      syncEnabled: 'false',
    });
    expect(idsOf(resumed)).toEqual(expect.arrayContaining(idsOf(overridden)));
    const other = await api(`/links/bulk/${operation.operationId}`, { tenant: `${tenant}-other` });
    expect(other.status).toBe(404);
  }, 150_000);

  it('refuses a bulk resume that does not say how to resume', async () => {
    // Act
    const response = await api('/links/bulk', { tenant, body: { action: 'resume' } });

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'overwrite_required'
    );
  });
});
