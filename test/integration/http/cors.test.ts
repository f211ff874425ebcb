import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gateway, startGateway } from '../../../infra/local/runtime/src/gateway.js';
import { createDevIdentity } from '../../../infra/local/runtime/src/identity.js';
import { createInvoker } from '../../../infra/local/runtime/src/lambda.js';
import { routes } from '../../../infra/shared/routes.js';
import { api, applySystemEnv, devToken, useSystem } from '../../helpers/system.js';
import { aTenant } from '../linking/journey.js';

/**
 * CORS for the tenants' registered origins: off in the shared system (the default), and on in a
 * second local gateway this file starts over the same tables with CORS_ENABLED=true, built from the
 * same route table and running the same functions, as a deployment with `corsEnabled` would.
 */

const APP = 'https://app.agency.example';
const OTHER_APP = 'https://other.agency.example';
const STRANGER = 'https://evil.example';

const register = (tenant: string, origins: string[]) =>
  api('/settings/origins', { tenant, method: 'PUT', body: { origins } });

const preflight = (base: string, origin: string, path = '/settings/origins', method = 'PUT') =>
  fetch(`${base}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type',
    },
  });

const call = async (base: string, tenant: string, origin: string) =>
  fetch(`${base}/settings/origins`, {
    headers: { origin, authorization: `Bearer ${await devToken({ tenantId: tenant })}` },
  });

const tenant = aTenant('cors');
const otherTenant = aTenant('cors-other');

beforeAll(async () => {
  expect((await register(tenant, [APP])).status).toBe(200);
  expect((await register(otherTenant, [OTHER_APP])).status).toBe(200);
});

describe('CORS off (the default)', () => {
  it('answers a preflight with no CORS headers, and adds none to tenant answers', async () => {
    // Act
    const pre = await preflight(useSystem().urls.api, APP);
    const answer = await call(useSystem().urls.api, tenant, APP);

    // Assess
    expect(pre.status).toBe(204);
    expect([...pre.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
      []
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS on', () => {
  let gateway: Gateway;
  let base: string;

  beforeAll(async () => {
    applySystemEnv();
    process.env.CORS_ENABLED = 'true';
    const { region, tokenSigner } = useSystem();
    const identity = await createDevIdentity({
      privateJwk: tokenSigner.privateJwk,
      issuer: tokenSigner.issuer,
      audience: tokenSigner.audience,
    });
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      routes,
      authorizer: identity.authorizer,
      accountId: '000000000000',
      log: () => undefined,
    });
    gateway.serve(createInvoker({ region, accountId: '000000000000' }).invoke);
    base = gateway.url;
  });

  afterAll(async () => {
    await gateway?.close();
    delete process.env.CORS_ENABLED;
  });

  it("allows the caller tenant's registered origin, with Vary: Origin and no credentials", async () => {
    // Act
    const pre = await preflight(base, APP);
    const answer = await call(base, tenant, APP);

    // Assess
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(APP);
    expect(pre.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    expect(answer.headers.get('vary')).toContain('Origin');
    expect(answer.headers.get('access-control-expose-headers')).toContain('etag');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('never reflects an unregistered origin', async () => {
    // Act
    const pre = await preflight(base, STRANGER);
    const answer = await call(base, tenant, STRANGER);

    // Assess
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toContain('Origin');
  });

  it("does not allow another tenant's origin on this tenant's answers", async () => {
    // Act: the other tenant's app passes the preflight (it is registered), not the answer.
    const pre = await preflight(base, OTHER_APP);
    const answer = await call(base, tenant, OTHER_APP);

    // Assess
    expect(pre.headers.get('access-control-allow-origin')).toBe(OTHER_APP);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds the allowance to error answers of the tenant, and allows nothing off the tenant routes', async () => {
    // Act
    const notFound = await fetch(`${base}/links/lnk_${'0'.repeat(32)}`, {
      headers: { origin: APP, authorization: `Bearer ${await devToken({ tenantId: tenant })}` },
    });
    const publicPage = await preflight(base, APP, '/oauth/begin', 'POST');
    const local = await preflight(base, APP, '/_local/reconcile', 'POST');
    const oddHeader = await fetch(`${base}/settings/origins`, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-not-ours',
      },
    });

    // Assess
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('access-control-allow-origin')).toBe(APP);
    for (const refused of [publicPage, local, oddHeader]) {
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('stops allowing an origin the tenant removed, at its preflight', async () => {
    // Prepare
    const leaving = aTenant('cors-leaving');
    const ORIGIN = 'https://leaving.agency.example';
    await register(leaving, [ORIGIN]);
    expect((await preflight(base, ORIGIN)).headers.get('access-control-allow-origin')).toBe(ORIGIN);

    // Act
    await register(leaving, []);

    // Assess
    expect((await preflight(base, ORIGIN)).headers.get('access-control-allow-origin')).toBeNull();
  });
});
