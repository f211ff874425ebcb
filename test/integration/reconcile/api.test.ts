import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../helpers/system.js';
import type { Linked } from '../ads/linked.js';
import { linkedTenant, type RunBody, reconcileTenant } from './fixtures.js';

/** The reconcile API: tenant isolation on every route, and clear 4xx on malformed input. */
describe('Reconcile API', () => {
  let owner: Linked;
  let ownerRun: RunBody;
  const stranger = `t-stranger-${Date.now()}`;

  beforeAll(async () => {
    owner = await linkedTenant();
    ownerRun = await reconcileTenant(owner.tenant);
  });

  it("answers 404 for another tenant's on-demand run", async () => {
    // Act
    const response = await api(`/reconcile/runs/${ownerRun.runId}`, { tenant: stranger });

    // Assess
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'run_not_found' } });
  });

  it("answers 404 for another tenant's link drift", async () => {
    // Act
    const response = await api(`/links/${owner.linkId}/drift`, { tenant: stranger });

    // Assess
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'link_not_found' } });
  });

  it("answers 404 when asked to reconcile another tenant's link", async () => {
    // Act
    const response = await api('/reconcile/runs', {
      tenant: stranger,
      body: { linkId: owner.linkId },
    });

    // Assess
    expect(response.status).toBe(404);
  });

  it("never shows another tenant's run as the latest", async () => {
    // Act
    const response = await api('/reconcile/runs/latest', { tenant: stranger });

    // Assess: either no run covered the stranger yet, or a scheduled run with none of its links.
    if (response.status === 404) return;
    const latest = (await response.json()) as RunBody;
    expect(latest.runId).not.toBe(ownerRun.runId);
    expect(latest.scope).toBe('all');
    expect(latest.counts.linksChecked).toBe(0);
    expect(latest.drifted).toEqual([]);
  });

  it('shows the owner the newest run that covered its links, with its own counts', async () => {
    // Act
    const response = await api('/reconcile/runs/latest', { tenant: owner.tenant });

    // Assess: its own run, unless a scheduled run (which covers it too) started since.
    expect(response.status).toBe(200);
    const latest = (await response.json()) as RunBody;
    expect(latest.runId >= ownerRun.runId).toBe(true);
    if (latest.runId === ownerRun.runId) {
      expect(latest).toMatchObject({ scope: 'tenant', status: 'completed' });
      expect(latest.counts.linksChecked).toBe(1);
    } else {
      expect(latest.scope).toBe('all');
    }
  });

  it('pages through a link drift history with a cursor that only fits that link', async () => {
    // Act
    const first = await api(`/links/${owner.linkId}/drift?limit=1`, { tenant: owner.tenant });
    const forged = await api(`/links/${owner.linkId}/drift?cursor=eyJwayI6IngiLCJzayI6InkifQ`, {
      tenant: owner.tenant,
    });

    // Assess
    expect(first.status).toBe(200);
    expect(((await first.json()) as { items: unknown[] }).items.length).toBeLessThanOrEqual(1);
    expect(forged.status).toBe(400);
  });

  it.each([
    ['GET', '/reconcile/runs/not-a-run', undefined],
    ['GET', '/links/lnk_nope/drift', undefined],
    ['GET', '/links/lnk_00000000000000000000000000000000/drift?limit=0', undefined],
    ['GET', '/links/lnk_00000000000000000000000000000000/drift?sort=up', undefined],
    ['POST', '/reconcile/runs', { linkId: 'nope' }],
    ['POST', '/reconcile/runs', { everything: true }],
    ['POST', '/reconcile/runs', '{not json'],
  ])('answers 400 for %s %s %j', async (method, path, body) => {
    // Act
    const response = await api(path, {
      tenant: owner.tenant,
      method,
      ...(body === undefined ? {} : { body }),
      ...(typeof body === 'string' ? { headers: { 'content-type': 'application/json' } } : {}),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('answers 415 for a body that is not JSON, like every JSON route', async () => {
    // Act
    const response = await api('/reconcile/runs', {
      tenant: owner.tenant,
      method: 'POST',
      body: 'linkId=lnk_00000000000000000000000000000000',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Assess
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('answers 429 with Retry-After when a run for the tenant just finished', async () => {
    // Act
    const response = await api('/reconcile/runs', { tenant: owner.tenant, method: 'POST' });

    // Assess
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const { error } = (await response.json()) as { error: { limit: string; message: string } };
    expect(error.limit).toBe('reconcile_cooldown');
    expect(error.message).toContain('cool-down');
  });
});
