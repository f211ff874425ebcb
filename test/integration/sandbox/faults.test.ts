import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../infra/local/sandbox/seed.js';
import type { Sandbox } from '../../../infra/local/sandbox/server.js';
import { admin, graph, login, startTestSandbox } from './helpers.js';

let sandbox: Sandbox;
let token: string;

const PROFILE = `/${DEMO.phoneNumberIdA}/whatsapp_business_profile`;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
  token = await login(sandbox);
});

describe('Sandbox: the loseAnswer fault', () => {
  it('applies a write after its latency and cuts the connection instead of answering', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/faults', {
      match: { method: 'POST', path: 'whatsapp_business_profile$' },
      times: 1,
      latencyMs: 200,
      loseAnswer: true,
    });

    // Act
    const write = graph(sandbox, PROFILE, {
      token,
      json: { messaging_product: 'whatsapp', about: 'Landed without an answer' },
    });

    // Assess
    await expect(write).rejects.toThrow();
    const after = await graph<{ data: { about?: string }[] }>(sandbox, PROFILE, { token });
    expect(after.body.data[0]?.about).toBe('Landed without an answer');
    const log = await admin<{ requests: { method: string; path: string; answered?: boolean }[] }>(
      sandbox,
      'GET',
      '/requests'
    );
    expect(log.body.requests).toContainEqual(
      expect.objectContaining({ method: 'POST', path: PROFILE, answered: false })
    );
  });

  it('still drops a connection before the call runs when asked to, applying nothing', async () => {
    // Prepare
    const before = await graph<{ data: { about?: string }[] }>(sandbox, PROFILE, { token });
    await admin(sandbox, 'POST', '/faults', {
      match: { method: 'POST', path: 'whatsapp_business_profile$' },
      times: 1,
      dropConnection: true,
    });

    // Act
    const write = graph(sandbox, PROFILE, {
      token,
      json: { messaging_product: 'whatsapp', about: 'Never applied' },
    });

    // Assess
    await expect(write).rejects.toThrow();
    const after = await graph<{ data: { about?: string }[] }>(sandbox, PROFILE, { token });
    expect(after.body.data[0]?.about).toBe(before.body.data[0]?.about);
  });
});
