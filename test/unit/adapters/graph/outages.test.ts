import { describe, expect, it } from 'vitest';
import { asCaller } from '../../../../functions/adapters/graph/caller.js';
import { createGraphClient } from '../../../../functions/adapters/graph/index.js';
import { surfaceOfPath } from '../../../../functions/adapters/graph/surfaces.js';
import { MetaOutageError } from '../../../../functions/core/errors.js';
import type { Surface } from '../../../../functions/core/outages/breaker.js';
import type { OutageGuard } from '../../../../functions/core/outages/guard.js';
import * as z from '../../../../functions/core/zod.js';
import { fakeSleep } from '../../../helpers/fake-sleep.js';
import { fakeFetch, graphError, json, silentLog } from './fake-fetch.js';

/** A guard that records what the client told it, and refuses the surfaces in `open`. */
const recordingGuard = (open: Surface[] = [], probe: Surface[] = []) => {
  const seen: string[] = [];
  const guard: OutageGuard = {
    admit: async (surfaces) => {
      seen.push(`admit ${surfaces.join(',')}`);
      const closed = surfaces.find((surface) => open.includes(surface));
      if (closed) throw new MetaOutageError(closed, closed, 30);
      return surfaces.filter((surface) => probe.includes(surface));
    },
    failed: async (surface, caller) => {
      seen.push(`failed ${surface} ${caller}`);
    },
    answered: async (surface, probing) => {
      seen.push(`answered ${surface}${probing ? ' probe' : ''}`);
    },
    status: async () => [],
  };
  return { guard, seen };
};

const clientWith = (fetch: ReturnType<typeof fakeFetch>['fetch'], guard: OutageGuard) =>
  createGraphClient({
    baseUrl: 'https://graph.example.test',
    appId: '1234',
    appSecret: 'secret',
    fetch,
    sleep: fakeSleep().sleep,
    random: () => 0.5,
    log: silentLog,
    outages: guard,
  });

describe('Function: surfaceOfPath', () => {
  it.each([
    ['oauth/access_token', 'login'],
    ['me', 'login'],
    ['me/permissions', 'login'],
    ['123/permissions', 'login'],
    ['me/accounts', 'pages'],
    ['1234567?fields=about,emails', 'pages'],
    ['1234567/subscribed_apps', 'pages'],
    ['555/whatsapp_business_profile?fields=about', 'whatsapp'],
    ['777/phone_numbers', 'whatsapp'],
    ['9/owned_whatsapp_business_accounts', 'whatsapp'],
    ['1000/uploads', 'whatsapp'],
    ['upload:MTphdHRhY2g', 'whatsapp'],
    ['act_42/campaigns', 'marketing'],
    ['act_42', 'marketing'],
    ['me/adaccounts', 'marketing'],
    ['6001/insights', 'marketing'],
  ])('puts %s on %s', (path, surface) => {
    expect(surfaceOfPath(path)).toBe(surface);
  });
});

describe('Graph client: the breakers', () => {
  it('counts a 5xx that outlasts the retries against the caller, attributed to its tenant', async () => {
    const { guard, seen } = recordingGuard();
    const { fetch } = fakeFetch(graphError(500, { code: 2, is_transient: false }));

    await expect(
      asCaller('tenant-a', () => clientWith(fetch, guard).getBusinessProfile('t', '555'))
    ).rejects.toThrow();

    expect(seen).toEqual(['admit whatsapp', 'failed whatsapp tenant-a']);
  });

  it("never counts the caller's own errors: a bad token, a refused parameter, a rate limit", async () => {
    const { guard, seen } = recordingGuard();
    for (const reply of [
      graphError(400, { code: 190 }),
      graphError(400, { code: 100 }),
      graphError(400, { code: 4 }),
    ]) {
      await expect(clientWith(fakeFetch(reply).fetch, guard).me('t')).rejects.toThrow();
    }
    expect(seen.filter((line) => line.startsWith('failed'))).toEqual([]);
  });

  it('refuses a call on an open surface without sending it', async () => {
    const { guard } = recordingGuard(['whatsapp']);
    const { fetch, requests } = fakeFetch(json(200, {}));

    await expect(clientWith(fetch, guard).getBusinessProfile('t', '555')).rejects.toBeInstanceOf(
      MetaOutageError
    );
    expect(requests).toHaveLength(0);
  });

  it('reports a probe that Meta answered, even with an error of the caller', async () => {
    const { guard, seen } = recordingGuard([], ['login']);
    const { fetch } = fakeFetch(graphError(400, { code: 100 }));

    await expect(clientWith(fetch, guard).me('t')).rejects.toThrow();

    expect(seen).toEqual(['admit login', 'answered login probe']);
  });

  it('counts a batch item that failed transiently against its own surface only', async () => {
    const { guard, seen } = recordingGuard();
    const { fetch } = fakeFetch(
      json(200, [
        { code: 200, body: JSON.stringify({ id: '1' }) },
        { code: 503, body: JSON.stringify({ error: { message: 'down', code: 2 } }) },
      ])
    );

    await asCaller('tenant-b', () =>
      clientWith(fetch, guard).batch('t', [
        { method: 'GET', relativeUrl: '1?fields=about' },
        { method: 'GET', relativeUrl: '555/whatsapp_business_profile' },
      ])
    );

    expect(seen).toEqual(['admit pages,whatsapp', 'answered pages', 'failed whatsapp tenant-b']);
  });

  it('classifies the generic operations as the Marketing API', async () => {
    const { guard, seen } = recordingGuard();
    await clientWith(fakeFetch(json(200, {})).fetch, guard).get('t', '6001', {}, z.unknown());
    expect(seen[0]).toBe('admit marketing');
  });
});
