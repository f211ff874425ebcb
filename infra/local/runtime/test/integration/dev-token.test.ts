import { describe, expect, it } from 'vitest';
import { api } from '../../../../../test/helpers/system.js';
import { DEV_TOKEN_PATH } from '../../../../shared/console.js';

/** The console's local sign-in: a local-only route of the gateway mints dev tokens. */

const mint = (body: string, contentType = 'application/json') =>
  api(DEV_TOKEN_PATH, { method: 'POST', body, headers: { 'content-type': contentType } });

describe('Gateway: POST /_local/dev-token', () => {
  it('mints a token the JWT authorizer accepts, for the tenant asked for', async () => {
    // Act
    const response = await mint(JSON.stringify({ tenantId: 'console-dev', tenantName: 'Acme' }));
    const minted = (await response.json()) as { token: string; tenantId: string };
    const links = await api('/links', { authorization: `Bearer ${minted.token}` });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(minted.tenantId).toBe('console-dev');
    expect(links.status).toBe(200);
    const claims = JSON.parse(
      Buffer.from(minted.token.split('.')[1] ?? '', 'base64url').toString()
    );
    expect(claims).toMatchObject({ tenant_id: 'console-dev', tenant_name: 'Acme' });
  });

  it('refuses a tenant id the API would refuse, and a body that is not JSON', async () => {
    // Act
    const badTenant = await mint(JSON.stringify({ tenantId: 'no spaces allowed' }));
    const notJson = await mint('tenantId=demo', 'text/plain');

    // Assess
    expect(badTenant.status).toBe(400);
    expect(((await badTenant.json()) as { message: string }).message).toMatch(/tenantId/);
    expect(notJson.status).toBe(400);
  });

  it('is not a route of the route table: the OpenAPI description does not know it', async () => {
    // Prepare
    const { routes } = await import('../../../../shared/routes.js');

    // Assess
    expect(routes.some((route) => route.path.startsWith('/_local'))).toBe(false);
  });
});
