import { beforeAll, describe, expect, it } from 'vitest';
import * as z from '../../../functions/core/zod.js';
import { routes } from '../../../infra/shared/routes.js';
import { api, eventually } from '../../helpers/system.js';
import { adBody, type Linked, linkedTenant } from '../ads/linked.js';

/**
 * The success answers the OpenAPI description declares (and the console's generated client is typed
 * by) are what the routes really answer: each route is called for real and its body parsed with the
 * declared schema.
 */

const declared = async (routeKey: string, response: Response): Promise<unknown> => {
  const responses: Record<number, { schema?: z.ZodMiniType }> =
    routes.find((route) => `${route.method} ${route.path}` === routeKey)?.responses ?? {};
  const text = await response.text();
  const schema = responses[response.status]?.schema;
  expect(
    schema,
    `${routeKey} answered ${response.status}, which it does not declare: ${text}`
  ).toBeDefined();
  const parsed = (schema as z.ZodMiniType).safeParse(JSON.parse(text));
  expect(parsed.success, `${routeKey}: ${parsed.error ? z.prettifyError(parsed.error) : ''}`).toBe(
    true
  );
  return parsed.data;
};

describe('Response schemas, against real answers', () => {
  let linked: Linked;
  let path: string;

  beforeAll(async () => {
    linked = await linkedTenant();
    path = `/links/${linked.linkId}`;
  });

  it('describe the linking and sync routes', async () => {
    const { tenant } = linked;
    await declared('GET /links', await api('/links', { tenant }));
    await declared('GET /links/{linkId}', await api(path, { tenant }));
    await declared(
      'PATCH /links/{linkId}',
      await api(path, { tenant, method: 'PATCH', body: { sync: { enabled: true } } })
    );
    await declared('GET /links/{linkId}/sync', await api(`${path}/sync`, { tenant }));
    await declared(
      'POST /links/{linkId}/sync',
      await api(`${path}/sync`, { tenant, method: 'POST' })
    );
    await declared('GET /links/{linkId}/profiles', await api(`${path}/profiles`, { tenant }));
    await declared(
      'POST /links/oauth/start',
      await api('/links/oauth/start', { tenant, method: 'POST' })
    );
  });

  it('describe the reconcile routes', async () => {
    const { tenant } = linked;
    const started = (await declared(
      'POST /reconcile/runs',
      await api('/reconcile/runs', { tenant, body: { linkId: linked.linkId } })
    )) as { runId: string };
    await eventually(async () => {
      const run = (await declared(
        'GET /reconcile/runs/{runId}',
        await api(`/reconcile/runs/${started.runId}`, { tenant })
      )) as { status: string };
      expect(run.status).toBe('completed');
    });
    await declared('GET /reconcile/runs/latest', await api('/reconcile/runs/latest', { tenant }));
    await declared('GET /links/{linkId}/drift', await api(`${path}/drift`, { tenant }));
  });

  it('describe the ads routes', async () => {
    const { tenant } = linked;
    const key = `responses-${linked.linkId}`;
    const headers = { 'idempotency-key': key };
    const created = (await declared(
      'POST /links/{linkId}/ads',
      await api(`${path}/ads`, { tenant, body: adBody(linked), headers })
    )) as { operationId: string };
    await declared(
      'POST /links/{linkId}/ads',
      await api(`${path}/ads`, { tenant, body: adBody(linked), headers })
    );
    await declared(
      'GET /links/{linkId}/ads/{operationId}',
      await api(`${path}/ads/${created.operationId}`, { tenant })
    );
    const today = new Date().toISOString().slice(0, 10);
    await declared(
      'GET /links/{linkId}/ads/{operationId}/insights',
      await api(`${path}/ads/${created.operationId}/insights?since=${today}&until=${today}`, {
        tenant,
      })
    );
    await declared('DELETE /links/{linkId}', await api(path, { tenant, method: 'DELETE' }));
  });
});
