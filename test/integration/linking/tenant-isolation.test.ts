import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../../infra/shared/functions.js';
import { routes } from '../../../infra/shared/routes.js';
import { api, devToken, eventually } from '../../helpers/system.js';
import {
  aTenant,
  consent,
  type LinkJson,
  linkThroughApi,
  newSandboxUser,
  openCallback,
  restoreDemoUser,
  type SandboxUser,
  startLinking,
} from './journey.js';

/**
 * Another tenant's grant or link answers 404 on every tenant route of linking, exactly as an unknown
 * id does, and is left untouched. The last test checks that every such route has a case here.
 */

const owner = aTenant('owner');
const intruder = aTenant('intruder');
let ownerLink: LinkJson;
let ownerGrantId: string;
let ownerUser: SandboxUser;

beforeAll(async () => {
  const linked = await linkThroughApi(owner);
  ownerLink = linked.link;
  ownerGrantId = linked.grantId;
  ownerUser = linked.user;
  // The intruder has data of its own, so empty lists would not pass by accident.
  await linkThroughApi(intruder);
});

afterAll(restoreDemoUser);

const errorCode = async (response: Response): Promise<string> =>
  ((await response.json()) as { error: { code: string } }).error.code;

const ownerStillHasTheLink = async () => {
  const response = await api(`/links/${ownerLink.linkId}`, { tenant: owner });
  expect(response.status).toBe(200);
  expect(((await response.json()) as LinkJson).version).toBe(1);
};

/** One case per tenant route, keyed by API Gateway route key. */
const cases: Record<string, () => Promise<void>> = {
  'POST /links/oauth/start': async () => {
    // A state issued to the intruder produces a grant for the intruder only.
    await newSandboxUser();
    const { authorizeUrl } = await startLinking(intruder);
    expect((await openCallback(await consent(authorizeUrl))).status).toBe(200);
    const ownerGrants = (await (await api('/grants', { tenant: owner })).json()) as {
      items: { grantId: string }[];
    };
    expect(ownerGrants.items.map((grant) => grant.grantId)).toEqual([ownerGrantId]);
  },
  'GET /grants': async () => {
    const response = await api('/grants', { tenant: intruder });
    const body = (await response.json()) as { items: { grantId: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.map((grant) => grant.grantId)).not.toContain(ownerGrantId);
  },
  'GET /grants/{grantId}/assets': async () => {
    const response = await api(`/grants/${ownerGrantId}/assets`, { tenant: intruder });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('grant_not_found');
  },
  'DELETE /grants/{grantId}': async () => {
    const response = await api(`/grants/${ownerGrantId}`, { tenant: intruder, method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('grant_not_found');
    const assets = await api(`/grants/${ownerGrantId}/assets`, { tenant: owner });
    expect(assets.status).toBe(200);
  },
  'POST /links': async () => {
    const response = await api('/links', {
      tenant: intruder,
      body: {
        grantId: ownerGrantId,
        pageId: ownerUser.pageIds[1],
        phoneNumberId: ownerUser.phoneNumberIds[1],
      },
    });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('grant_not_found');
  },
  'GET /links': async () => {
    const response = await api('/links', { tenant: intruder });
    const body = (await response.json()) as { items: LinkJson[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.map((link) => link.linkId)).not.toContain(ownerLink.linkId);
  },
  'GET /links/{linkId}': async () => {
    const response = await api(`/links/${ownerLink.linkId}`, { tenant: intruder });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('link_not_found');
  },
  'PATCH /links/{linkId}': async () => {
    const response = await api(`/links/${ownerLink.linkId}`, {
      tenant: intruder,
      method: 'PATCH',
      body: { version: 1, sync: { enabled: true } },
    });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('link_not_found');
    await ownerStillHasTheLink();
  },
  'DELETE /links/{linkId}': async () => {
    const response = await api(`/links/${ownerLink.linkId}`, {
      tenant: intruder,
      method: 'DELETE',
    });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('link_not_found');
    await ownerStillHasTheLink();
  },
  'GET /links/{linkId}/whatsapp': async () => {
    // Reading the WhatsApp side may store what changed: nothing of the owner's may be read or written.
    const response = await api(`/links/${ownerLink.linkId}/whatsapp`, { tenant: intruder });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('link_not_found');
    await ownerStillHasTheLink();
  },
  'PUT /links/{linkId}/meta-link': async () => {
    // No code is sent to the owner's number, and no verification starts on its link.
    const response = await api(`/links/${ownerLink.linkId}/meta-link`, {
      tenant: intruder,
      method: 'PUT',
      body: {},
    });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('link_not_found');
    await ownerStillHasTheLink();
  },
  'GET /summary': async () => {
    const counts = async (tenant: string) =>
      ((await (await api('/summary', { tenant })).json()) as { total: number }).total;
    const ownerLinks = (await (await api('/links', { tenant: owner })).json()) as {
      items: unknown[];
    };
    expect(await counts(owner)).toBe(ownerLinks.items.length);
    const intruderLinks = (await (await api('/links', { tenant: intruder })).json()) as {
      items: unknown[];
    };
    expect(await counts(intruder)).toBe(intruderLinks.items.length);
  },
  'POST /links/bulk': async () => {
    // A filter naming the owner's Page still selects among the intruder's own links only.
    const started = await api('/links/bulk', {
      tenant: intruder,
      body: { action: 'enable_sync', filter: { pageId: ownerLink.pageId } },
    });
    expect(started.status).toBe(202);
    const { operationId } = (await started.json()) as { operationId: string };
    const done = await eventually(
      async () => {
        const body = (await (
          await api(`/links/bulk/${operationId}`, { tenant: intruder })
        ).json()) as {
          status: string;
          progress: { matched: number };
        };
        expect(body.status).toBe('completed');
        return body;
      },
      { timeoutMs: 60_000, intervalMs: 500 }
    );
    expect(done.progress.matched).toBe(0);
    await ownerStillHasTheLink();
  },
  'GET /links/bulk/{operationId}': async () => {
    const started = await api('/links/bulk', {
      tenant: owner,
      body: { action: 'disable_sync', filter: { status: 'token_invalid' } },
    });
    expect(started.status).toBe(202);
    const { operationId } = (await started.json()) as { operationId: string };
    const response = await api(`/links/bulk/${operationId}`, { tenant: intruder });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('bulk_operation_not_found');
  },
  'GET /settings/origins': async () => {
    const put = await api('/settings/origins', {
      tenant: owner,
      method: 'PUT',
      body: { origins: ['https://owner.example'] },
    });
    expect(put.status).toBe(200);
    const response = await api('/settings/origins', { tenant: intruder });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).not.toContain('owner.example');
  },
  'PUT /settings/origins': async () => {
    await api('/settings/origins', {
      tenant: owner,
      method: 'PUT',
      body: { origins: ['https://owner.example'] },
    });
    const put = await api('/settings/origins', {
      tenant: intruder,
      method: 'PUT',
      body: { origins: ['https://intruder.example'] },
    });
    expect(put.status).toBe(200);
    const ownerOrigins = (await (await api('/settings/origins', { tenant: owner })).json()) as {
      origins: string[];
    };
    expect(ownerOrigins.origins).toEqual(['https://owner.example']);
  },
};

describe('Tenant isolation of the linking routes', () => {
  it.each(Object.keys(cases))('%s does not reach another tenant’s data', async (routeKey) => {
    // Prepare
    const check = cases[routeKey];

    // Act + Assess
    await check?.();
  });

  it('refuses another tenant’s page cursor on the list routes', async () => {
    // Prepare
    await linkThroughApi(owner);
    const { nextCursor } = (await (await api('/links?limit=1', { tenant: owner })).json()) as {
      nextCursor?: string;
    };

    // Act
    const response = await api(`/links?limit=1&cursor=${nextCursor}`, { tenant: intruder });

    // Assess
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('invalid_cursor');
  });

  it.each([
    ['null', null],
    ['0', 0],
    ['true', true],
    ['a list', ['demo']],
  ])('refuses a token whose tenant_id is %s, not a string, with 403', async (_, value) => {
    // Prepare: the gateway stringifies claims as API Gateway does ("0", "true", "[demo]").
    const token = await devToken({ tenantId: 'ignored', claims: { tenant_id: value } });

    // Act
    const response = await api('/links', { authorization: `Bearer ${token}` });

    // Assess
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('tenant_claim_missing');
  });

  it('has a case for every tenant route of linking', () => {
    // Prepare
    const linkingFunctions = new Set(
      Object.entries(functions)
        .filter(([, spec]) => /^functions\/http\/(links|oauth|meta)\//.test(spec.entry))
        .map(([name]) => name)
    );

    // Act
    const tenantRoutes = routes
      .filter((route) => route.access === 'tenant' && linkingFunctions.has(route.fn))
      .map((route) => `${route.method} ${route.path}`);

    // Assess
    expect(tenantRoutes.sort()).toEqual(Object.keys(cases).sort());
  });
});
