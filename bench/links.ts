/**
 * Set-up shared by the benchmarks that drive the whole local system: the sandbox's admin API, and N
 * Pages and WhatsApp numbers in the sandbox linked with sync on (one grant, links written directly).
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTokenVault } from '../functions/adapters/crypto/token-vault.js';
import { createGrantRepository } from '../functions/adapters/dynamodb/grants.js';
import { createLinkRepository } from '../functions/adapters/dynamodb/links.js';
import { GRAPH_API_VERSION } from '../functions/adapters/graph/version.js';
import {
  defaultSync,
  grantIdFor,
  type Link,
  PAGE_WEBHOOK_FIELDS,
  REQUESTED_SCOPES,
  UNSUPPORTED_FIELDS,
} from '../functions/core/linking/model.js';
import { DEMO } from '../infra/local/meta-sandbox/src/seed.js';
import type { LocalSystem } from '../infra/local/runtime/src/system.js';

/** What the sandbox's admin API and its sign-in need: a running local system, or a sandbox alone. */
interface SandboxSide {
  urls: { sandbox: string; api: string };
  env: Partial<Record<'META_APP_ID' | 'META_APP_SECRET', string>>;
}

const adminOf = (system: SandboxSide) => {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${system.urls.sandbox}/_admin${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
};

/** Signs the user in through the sandbox's OAuth dialog and answers a user token. */
const signIn = async (system: SandboxSide, userId: string): Promise<string> => {
  const admin = adminOf(system);
  const sandbox = (path: string) => `${system.urls.sandbox}/${GRAPH_API_VERSION}${path}`;
  const redirectUri = `${system.urls.api}/oauth/callback`;
  await admin('POST', '/settings', { dialogUserId: userId });
  const dialog = new URL(sandbox('/dialog/oauth'));
  dialog.search = new URLSearchParams({
    client_id: system.env.META_APP_ID ?? '',
    redirect_uri: redirectUri,
    state: randomBytes(8).toString('hex'),
    response_type: 'code',
    // The sandbox app's Facebook Login for Business configuration: it grants every permission
    // Tandem asks for (a Business app refuses a dialog with `scope`).
    config_id: DEMO.loginConfigId,
  }).toString();
  const html = await (await fetch(dialog, { redirect: 'manual' })).text();
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = new URLSearchParams({ session, action: 'continue' });
  const answer = await fetch(sandbox('/dialog/oauth/confirm'), {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const code = new URL(answer.headers.get('location') ?? 'http://invalid/').searchParams.get(
    'code'
  );
  const exchange = new URL(sandbox('/oauth/access_token'));
  exchange.search = new URLSearchParams({
    client_id: system.env.META_APP_ID ?? '',
    client_secret: system.env.META_APP_SECRET ?? '',
    redirect_uri: redirectUri,
    code: code ?? '',
  }).toString();
  const token = (await (await fetch(exchange)).json()) as { access_token?: string };
  if (!token.access_token) throw new Error('the sandbox sign-in gave no token');
  return token.access_token;
};

interface BenchLink {
  index: number;
  pageId: string;
  phoneNumberId: string;
}

/** N Pages and numbers in the sandbox, one grant and N links with sync on, written directly. */
const linkPages = async (system: LocalSystem, count: number): Promise<BenchLink[]> => {
  const admin = adminOf(system);
  const user = await admin<{ userId: string }>('POST', '/users', { pages: 0, phoneNumbers: 0 });
  const seeded = await admin<{
    links: { pageId: string; wabaId: string; phoneNumberId: string }[];
  }>('POST', '/seed/bulk', {
    count,
    userId: user.userId,
    // Linked Pages as Tandem's linking leaves them: subscribed to the webhook fields sync reads.
    subscribedFields: PAGE_WEBHOOK_FIELDS,
  });
  const token = await signIn(system, user.userId);
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: system.region,
      endpoint: system.urls.dynamodb,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } }
  );
  const tenant = `bench-${randomBytes(4).toString('hex')}`;
  const grantId = grantIdFor(tenant, user.userId);
  const vault = createTokenVault({ TOKEN_KEY_LOCAL: system.env.TOKEN_KEY_LOCAL ?? '' });
  const now = new Date().toISOString();
  await createGrantRepository(documents, system.tables.links).save({
    grantId,
    tenantId: tenant,
    metaUserId: user.userId,
    scopes: [...REQUESTED_SCOPES],
    wabaIds: seeded.links.map((link) => link.wabaId),
    token: await vault.seal(token, { tenantId: tenant, grantId, purpose: 'meta_user_token' }),
    updatedAt: now,
  });
  const links = createLinkRepository(documents, system.tables.links);
  const out: BenchLink[] = [];
  for (const [index, seededLink] of seeded.links.entries()) {
    const link: Link = {
      linkId: `lnk_${randomBytes(16).toString('hex')}`,
      tenantId: tenant,
      grantId,
      metaUserId: user.userId,
      pageId: seededLink.pageId,
      pageName: `Bench ${index}`,
      wabaId: seededLink.wabaId,
      phoneNumberId: seededLink.phoneNumberId,
      displayPhoneNumber: `+1 555 ${String(index).padStart(7, '0')}`,
      status: 'active',
      sync: { ...defaultSync(), enabled: true },
      unsupported: UNSUPPORTED_FIELDS,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await links.create(link);
    out.push({ index, pageId: link.pageId, phoneNumberId: link.phoneNumberId });
  }
  documents.destroy();
  return out;
};

export type { BenchLink, SandboxSide };
export { adminOf, linkPages, signIn };
