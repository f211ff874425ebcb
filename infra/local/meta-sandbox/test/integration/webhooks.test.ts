import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import {
  APP_SECRET,
  admin,
  type GraphErrorBody,
  graph,
  login,
  startTestSandbox,
} from './helpers.js';
import { type Received, type Receiver, startReceiver } from './receiver.js';

let sandbox: Sandbox;
let receiver: Receiver;

const VERIFY_TOKEN = 'tandem-verify-token';

/** What Tandem's receiver must do: HMAC-SHA256 over the raw bytes, compared in constant time. */
const signatureValid = (request: Received): boolean => {
  const header = String(request.headers['x-hub-signature-256'] ?? '');
  const expected = `sha256=${createHmac('sha256', APP_SECRET).update(request.raw).digest('hex')}`;
  return (
    header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected))
  );
};

interface PageEnvelope {
  object: string;
  entry: {
    id: string;
    time: number;
    changes: { field: string; value: Record<string, unknown> }[];
  }[];
}

interface Delivery {
  field: string;
  attempts: number;
  status: number;
  delivered: boolean;
}

beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await startTestSandbox({
    webhook: { callbackUrl: `${receiver.url}/webhooks/meta`, verifyToken: VERIFY_TOKEN },
    metaCallbacks: {
      deauthorizeUrl: `${receiver.url}/meta/deauthorize`,
      dataDeletionUrl: `${receiver.url}/meta/data-deletion`,
    },
  });
});

afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
  await admin(sandbox, 'POST', '/settings', { webhookBackoffMs: 1 });
  receiver.reset();
});

/** The fields the tests' app subscribes the demo Page to, with the Page's own token. */
const SUBSCRIBED = ['description', 'website', 'phone', 'name', 'hours'];

const subscribeDemoPage = async (fields: string[] = SUBSCRIBED): Promise<void> => {
  const userToken = await login(sandbox);
  const pages = await graph<{ data: { id: string; access_token: string }[] }>(
    sandbox,
    '/me/accounts?fields=id,access_token',
    { token: userToken }
  );
  const pageToken = pages.body.data.find((page) => page.id === DEMO.pageId)?.access_token ?? '';
  const reply = await graph(sandbox, `/${DEMO.pageId}/subscribed_apps`, {
    token: pageToken,
    form: { subscribed_fields: fields.join(',') },
  });
  expect(reply.status).toBe(200);
};

describe('Sandbox: Page webhooks', () => {
  it('sends nothing for a Page the app has not subscribed, nor for a field it did not subscribe to', async () => {
    // Act
    const unsubscribed = await admin<{ webhooks: string[] }>(
      sandbox,
      'PATCH',
      `/pages/${DEMO.pageId}?wait=true`,
      { description: 'Nobody is told' }
    );
    await subscribeDemoPage(['website']);
    const otherField = await admin<{ webhooks: string[] }>(
      sandbox,
      'PATCH',
      `/pages/${DEMO.pageId}?wait=true`,
      { description: 'Still nobody' }
    );
    const forced = await admin<{ deliveries: unknown[]; notSent: string }>(
      sandbox,
      'POST',
      '/webhooks/deliver',
      { pageId: DEMO.pageId, field: 'description' }
    );

    // Assess
    expect(unsubscribed.body.webhooks).toEqual([]);
    expect(otherField.body.webhooks).toEqual([]);
    expect(forced.body.deliveries).toEqual([]);
    expect(forced.body.notSent).toContain('has not subscribed');
    expect(receiver.received).toEqual([]);
  });

  it('delivers a Page edit signed with X-Hub-Signature-256', async () => {
    // Prepare
    await subscribeDemoPage();

    // Act
    const edit = await admin<{ webhooks: string[] }>(sandbox, 'PATCH', `/pages/${DEMO.pageId}`, {
      description: 'New — ünïcode',
    });
    const [request] = await receiver.waitFor(1);

    // Assess
    expect(edit.body.webhooks).toEqual(['description']);
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe('/webhooks/meta');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request && signatureValid(request)).toBe(true);
    expect(request?.raw.toString('utf8')).toContain('\\u00fc');
    const envelope = JSON.parse(request?.raw.toString('utf8') ?? '{}') as PageEnvelope;
    expect(envelope).toMatchObject({
      object: 'page',
      entry: [{ id: DEMO.pageId, changes: [{ field: 'description' }] }],
    });
    expect(envelope.entry[0]?.changes[0]?.value).toMatchObject({ description: 'New — ünïcode' });
    expect(envelope.entry[0]?.time).toEqual(expect.any(Number));
  });

  it('sends no webhook for an about edit, as Meta has no such field', async () => {
    // Prepare
    await subscribeDemoPage();
    // Act
    const edit = await admin<{ webhooks: string[] }>(
      sandbox,
      'PATCH',
      `/pages/${DEMO.pageId}?wait=true`,
      { about: 'Quiet change' }
    );
    const deliveries = await admin<{ deliveries: unknown[] }>(
      sandbox,
      'GET',
      '/webhooks/deliveries'
    );

    // Assess
    expect(edit.body.webhooks).toEqual([]);
    expect(deliveries.body.deliveries).toEqual([]);
    expect(receiver.received).toEqual([]);
  });

  it('retries a callback that fails, and records the attempts', async () => {
    // Prepare
    await subscribeDemoPage();

    receiver.script = [500, 503];

    // Act
    const reply = await admin<{ deliveries: Delivery[] }>(sandbox, 'POST', '/webhooks/deliver', {
      pageId: DEMO.pageId,
      field: 'website',
    });

    // Assess
    expect(reply.body.deliveries).toEqual([
      expect.objectContaining({ field: 'website', attempts: 3, status: 200, delivered: true }),
    ]);
    expect(receiver.received).toHaveLength(3);
  });

  it('gives up after the configured retries', async () => {
    // Prepare
    await subscribeDemoPage();

    await admin(sandbox, 'POST', '/settings', { webhookRetries: 1 });
    receiver.script = [500, 500, 500];

    // Act
    const reply = await admin<{ deliveries: Delivery[] }>(sandbox, 'POST', '/webhooks/deliver', {
      pageId: DEMO.pageId,
      field: 'phone',
    });

    // Assess
    expect(reply.body.deliveries[0]).toMatchObject({ attempts: 2, status: 500, delivered: false });
  });

  it('forges a signature and sends duplicates on request', async () => {
    // Prepare
    await subscribeDemoPage();
    // Act
    await admin(sandbox, 'POST', '/webhooks/deliver', {
      pageId: DEMO.pageId,
      field: 'name',
      forgeSignature: true,
    });
    await admin(sandbox, 'POST', '/webhooks/deliver', {
      pageId: DEMO.pageId,
      field: 'hours',
      duplicate: true,
    });

    // Assess
    const [forged, first, second] = receiver.received;
    expect(forged && signatureValid(forged)).toBe(false);
    expect(first && signatureValid(first)).toBe(true);
    expect(second?.raw.equals(first?.raw ?? Buffer.alloc(0))).toBe(true);
  });

  it('performs the verification handshake and reports the echoed challenge', async () => {
    // Act
    const reply = await admin<{ ok: boolean; challenge: string }>(
      sandbox,
      'POST',
      '/webhooks/verify',
      {}
    );
    const request = receiver.received[0];

    // Assess
    expect(reply.body.ok).toBe(true);
    expect(request?.url.searchParams.get('hub.mode')).toBe('subscribe');
    expect(request?.url.searchParams.get('hub.verify_token')).toBe(VERIFY_TOKEN);
    expect(request?.url.searchParams.get('hub.challenge')).toBe(reply.body.challenge);
  });
});

describe('Sandbox: Meta callbacks', () => {
  const decodeSignedRequest = (request: Received) => {
    const signed = new URLSearchParams(request.raw.toString('utf8')).get('signed_request') ?? '';
    const [signature = '', payload = ''] = signed.split('.');
    const expected = createHmac('sha256', APP_SECRET).update(payload).digest();
    return {
      valid: timingSafeEqual(Buffer.from(signature, 'base64url'), expected),
      payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >,
    };
  };

  it('posts a signed_request to the deauthorize URL and revokes the user’s tokens', async () => {
    // Prepare
    const token = await login(sandbox);
    receiver.replyBody = '{"received":true}';

    // Act
    const reply = await admin<{ status: number; body: unknown }>(
      sandbox,
      'POST',
      `/users/${DEMO.userId}/deauthorize`,
      {}
    );
    const after = await graph<GraphErrorBody>(sandbox, '/me', { token });

    // Assess
    const request = receiver.received[0];
    expect(request?.url.pathname).toBe('/meta/deauthorize');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const decoded = request ? decodeSignedRequest(request) : undefined;
    expect(decoded?.valid).toBe(true);
    expect(decoded?.payload).toMatchObject({
      user_id: DEMO.userId,
      algorithm: 'HMAC-SHA256',
      issued_at: expect.any(Number),
    });
    expect(reply.body).toMatchObject({ status: 200, body: { received: true } });
    expect(after.body.error).toMatchObject({ code: 190, error_subcode: 458 });
  });

  it('posts a signed_request to the data deletion URL and returns Tandem’s answer', async () => {
    // Prepare
    receiver.replyBody =
      '{"url":"https://tandem.example/deletion?id=abc","confirmation_code":"abc123"}';

    // Act
    const reply = await admin<{ status: number; body: unknown }>(
      sandbox,
      'POST',
      `/users/${DEMO.userId}/data-deletion`,
      {}
    );

    // Assess
    const request = receiver.received[0];
    expect(request?.url.pathname).toBe('/meta/data-deletion');
    expect(request && decodeSignedRequest(request).valid).toBe(true);
    expect(reply.body).toEqual({
      url: `${receiver.url}/meta/data-deletion`,
      status: 200,
      body: { url: 'https://tandem.example/deletion?id=abc', confirmation_code: 'abc123' },
    });
  });
});
