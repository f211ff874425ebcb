import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { solidPng } from '../../src/png.js';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import {
  APP_ID,
  admin,
  type GraphErrorBody,
  graph,
  login,
  proofOf,
  startTestSandbox,
} from './helpers.js';

let sandbox: Sandbox;
/** The customer's user token: it writes the profile. */
let token: string;
/** The app's system user token: an administrator of the app, so it may open upload sessions. */
let appToken: string;

const PROFILE = `/${DEMO.phoneNumberIdA}/whatsapp_business_profile`;

/** Step 2 of the Resumable Upload API: the token and offset travel as headers, the bytes raw. */
const sendBytes = (
  sessionId: string,
  bytes: Buffer,
  offset: number,
  authorization = `OAuth ${appToken}`
) =>
  fetch(`${sandbox.url}/v25.0/${sessionId}?appsecret_proof=${proofOf(appToken)}`, {
    method: 'POST',
    headers: {
      authorization,
      file_offset: String(offset),
      'content-type': 'application/octet-stream',
    },
    body: bytes,
  });

const openSession = (length: number, as = appToken) =>
  graph<{ id: string }>(
    sandbox,
    `/${APP_ID}/uploads?file_name=logo.png&file_length=${length}&file_type=image/png`,
    { token: as, method: 'POST' }
  );

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
  token = await login(sandbox);
  appToken = sandbox.systemUserToken;
});

describe('Sandbox: resumable upload', () => {
  it('uploads a picture and sets it as the WhatsApp profile picture', async () => {
    // Prepare
    const bytes = solidPng('upload-test', 64);
    const session = await openSession(bytes.length);
    const status = await fetch(
      `${sandbox.url}/v25.0/${session.body.id}?appsecret_proof=${proofOf(appToken)}`,
      { headers: { authorization: `OAuth ${appToken}` } }
    ).then((reply) => reply.json());

    // Act
    const upload = await sendBytes(session.body.id, bytes, 0);
    const { h } = (await upload.json()) as { h: string };
    const update = await graph(sandbox, PROFILE, {
      token,
      json: { messaging_product: 'whatsapp', profile_picture_handle: h },
    });
    const profile = await graph<{ data: { profile_picture_url: string }[] }>(sandbox, PROFILE, {
      token,
    });
    const served = Buffer.from(
      await (await fetch(profile.body.data[0]?.profile_picture_url ?? '')).arrayBuffer()
    );

    // Assess
    expect(session.body.id).toMatch(/^upload:/);
    expect(status).toEqual({ id: session.body.id, file_offset: 0 });
    expect(h).toMatch(/^4:/);
    expect(update.body).toEqual({ success: true });
    expect(served.equals(bytes)).toBe(true);
  });

  it('rejects bytes sent at the wrong file_offset', async () => {
    // Prepare
    const bytes = solidPng('offset-test', 16);
    const session = await openSession(bytes.length);

    // Act
    const reply = await sendBytes(session.body.id, bytes, 5);
    const body = (await reply.json()) as GraphErrorBody;

    // Assess
    expect(reply.status).toBe(400);
    expect(body.error.code).toBe(100);
  });

  it("refuses a session from a user without a role on the app, such as the customer's token", async () => {
    // Act
    const reply = await openSession(10, token);

    // Assess
    const body = reply.body as unknown as GraphErrorBody;
    expect(reply.status).toBe(400);
    expect(body.error.code).toBe(200);
    expect(body.error.message).toContain('administrator or developer role');
  });

  it('refuses bytes sent without the OAuth header scheme', async () => {
    // Prepare
    const bytes = solidPng('scheme-test', 16);
    const session = await openSession(bytes.length);

    // Act
    const bearer = await sendBytes(session.body.id, bytes, 0, `Bearer ${appToken}`);
    const inQuery = await fetch(
      `${sandbox.url}/v25.0/${session.body.id}?access_token=${appToken}&appsecret_proof=${proofOf(appToken)}`,
      { method: 'POST', headers: { file_offset: '0' }, body: bytes }
    );

    // Assess
    expect(bearer.status).toBe(400);
    expect(((await bearer.json()) as GraphErrorBody).error.code).toBe(104);
    expect(inQuery.status).toBe(400);
  });

  it('refuses a file type the API does not take', async () => {
    // Act
    const reply = await graph<GraphErrorBody>(
      sandbox,
      `/${APP_ID}/uploads?file_name=a.gif&file_length=10&file_type=image/gif`,
      { token: appToken, method: 'POST' }
    );

    // Assess
    expect(reply.body.error.code).toBe(100);
  });
});

describe('Sandbox: resumable upload across a restart that keeps the state', () => {
  it("takes the new run's system user token, whatever token the kept state holds", async () => {
    // Prepare: a sandbox that keeps its state, closed and started again with a new token.
    const dir = mkdtempSync(join(tmpdir(), 'tandem-sandbox-'));
    const statePath = join(dir, 'sandbox.state');
    const first = await startTestSandbox({ statePath });
    const firstToken = first.systemUserToken;
    await first.close();
    const second = await startTestSandbox({ statePath });

    // Act
    const reply = await graph<{ id?: string }>(
      second,
      `/${APP_ID}/uploads?file_name=logo.png&file_length=10&file_type=image/png`,
      { token: second.systemUserToken, method: 'POST' }
    );

    // Assess
    await second.close();
    rmSync(dir, { recursive: true, force: true });
    expect(second.systemUserToken).not.toBe(firstToken);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toMatch(/^upload:/);
  });
});
