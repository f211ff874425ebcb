import { describe, expect, it } from 'vitest';
import {
  appsecretProof,
  createGraphClient,
  GraphRateLimitError,
  GraphResponseError,
  GraphTimeoutError,
  GraphTokenError,
  GraphTransientError,
  isUnanswered,
  USER_AGENT,
} from '../../../../functions/adapters/graph/index.js';
import { GRAPH_API_VERSION } from '../../../../functions/adapters/graph/version.js';
import { BACKOFF } from '../../../../functions/core/retry.js';
import * as z from '../../../../functions/core/zod.js';
import { fakeSleep } from '../../../helpers/fake-sleep.js';
import { fakeFetch, graphError, json, silentLog } from './fake-fetch.js';

const APP_SECRET = 'app-secret-for-tests';

const clientWith = (
  fetch: ReturnType<typeof fakeFetch>['fetch'],
  overrides: { random?: () => number; sleep?: (ms: number) => Promise<void> } = {}
) =>
  createGraphClient({
    baseUrl: 'https://graph.example.test',
    appId: '1234',
    appSecret: APP_SECRET,
    fetch,
    retry: { maxAttempts: 4 },
    sleep: overrides.sleep ?? fakeSleep().sleep,
    random: overrides.random ?? (() => 0.5),
    log: silentLog,
  });

const anything = z.unknown();

describe('Function: appsecretProof', () => {
  it('is the hex HMAC-SHA256 of the token keyed with the app secret (RFC 4231 case 2)', () => {
    // Act
    const proof = appsecretProof('Jefe', 'what do ya want for nothing?');

    // Assess
    expect(proof).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('Function: createGraphClient', () => {
  it('sends the token as a Bearer header with appsecret_proof, to the pinned version', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(json(200, { id: '1', name: 'Ada' }));
    const graph = clientWith(fetch);

    // Act
    await graph.me('user-token');

    // Assess
    const [request] = requests;
    expect(request?.url.pathname).toBe(`/${GRAPH_API_VERSION}/me`);
    expect(request?.headers.get('authorization')).toBe('Bearer user-token');
    expect(request?.headers.get('user-agent')).toBe(USER_AGENT);
    expect(request?.url.searchParams.get('appsecret_proof')).toBe(
      appsecretProof(APP_SECRET, 'user-token')
    );
    expect(request?.url.toString()).not.toContain('user-token');
  });

  it('returns the parsed usage headers with the data', async () => {
    // Prepare
    const { fetch } = fakeFetch(
      json(
        200,
        { id: '1' },
        { 'x-app-usage': '{"call_count":42,"total_cputime":5,"total_time":7}' }
      )
    );
    const graph = clientWith(fetch);

    // Act
    const result = await graph.me('user-token');

    // Assess
    expect(result.data.id).toBe('1');
    expect(result.usage.maxUsagePercent).toBe(42);
  });

  it('retries a GET on HTTP 500 with full-jitter delays, then succeeds', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(
      graphError(500, { code: 2, message: 'Service temporarily unavailable' }),
      graphError(503, { code: 1, message: 'An unknown error occurred' }),
      json(200, { id: '1' })
    );
    const { sleep, delays } = fakeSleep();
    const graph = clientWith(fetch, { sleep, random: () => 0.5 });

    // Act
    const result = await graph.me('user-token');

    // Assess
    expect(result.data.id).toBe('1');
    expect(requests).toHaveLength(3);
    // random 0.5 × min(cap 2000, base 100 × 2^(retry-1)): the shared policy's 50, 100.
    expect(delays).toEqual([50, 100]);
  });

  it('keeps every jittered delay within [0, the shared cap)', async () => {
    // Prepare
    const { fetch } = fakeFetch(graphError(500, { code: 2 }));
    const { sleep, delays } = fakeSleep();
    const graph = createGraphClient({
      baseUrl: 'https://graph.example.test',
      appId: '1234',
      appSecret: APP_SECRET,
      fetch,
      retry: { maxAttempts: 8 },
      sleep,
      random: () => 0.999,
      log: silentLog,
    });

    // Act
    const failure = graph.me('user-token');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTransientError);
    // 0.999 × min(2000, 100 × 2^(retry-1)): doubling from the base, then held under the cap.
    expect(delays).toEqual([99, 199, 399, 799, 1598, 1998, 1998]);
    expect(Math.max(...delays)).toBeLessThan(BACKOFF.capMs);
  });

  it('retries on a transient error flagged is_transient even with HTTP 400', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(
      graphError(400, { code: 100, is_transient: true }),
      json(200, { id: '1' })
    );
    const graph = clientWith(fetch);

    // Act
    await graph.me('user-token');

    // Assess
    expect(requests).toHaveLength(2);
  });

  it('bounds the number of attempts', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(graphError(500, { code: 2 }));
    const graph = clientWith(fetch);

    // Act
    const failure = graph.me('user-token');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTransientError);
    expect(requests).toHaveLength(4);
  });

  it('never retries an expired token', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(
      graphError(400, { code: 190, error_subcode: 463, is_transient: true })
    );
    const graph = clientWith(fetch);

    // Act
    const failure = graph.me('user-token');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTokenError);
    await expect(failure).rejects.toMatchObject({ reason: 'the access token expired' });
    expect(requests).toHaveLength(1);
  });

  it('does not retry a POST on a transient error', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(graphError(500, { code: 2 }), json(200, { id: '9' }));
    const graph = clientWith(fetch);

    // Act
    const failure = graph.post('token', 'act_1/campaigns', { name: 'x' }, anything);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTransientError);
    expect(requests).toHaveLength(1);
  });

  it('retries a POST the caller marks idempotent', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(graphError(500, { code: 2 }), json(200, { id: '9' }));
    const graph = clientWith(fetch);

    // Act
    await graph.post('token', 'act_1/campaigns', { name: 'x' }, anything, { idempotent: true });

    // Assess
    expect(requests).toHaveLength(2);
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('retries a DELETE on a network failure', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(
      new TypeError('fetch failed'),
      json(200, { success: true })
    );
    const graph = clientWith(fetch);

    // Act
    const result = await graph.delete('token', '123');

    // Assess
    expect(result.data).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('waits a short header-given rate-limit pause, then retries a GET', async () => {
    // Prepare
    const throttled = graphError(
      400,
      { code: 80004 },
      // 0.01 minutes = 0.6 s (waited as 1 s), within the 5 s Graph waits out in-process.
      {
        'x-business-use-case-usage':
          '{"1":[{"type":"pages","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0.01}]}',
      }
    );
    const { fetch, requests } = fakeFetch(throttled, json(200, { id: '1' }));
    const { sleep, delays } = fakeSleep();
    const graph = clientWith(fetch, { sleep });

    // Act
    await graph.me('token');

    // Assess
    expect(requests).toHaveLength(2);
    expect(delays).toEqual([1_000]);
  });

  /** A 400 rate limit whose usage headers say Meta gives access back in `minutes`. */
  const throttledFor = (minutes: number) =>
    graphError(
      400,
      { code: 80004 },
      {
        'x-business-use-case-usage': `{"1":[{"type":"pages","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":${minutes}}]}`,
      }
    );

  it("waits out Meta's own pause beyond the backoff cap, up to 5 s", async () => {
    // Prepare: 0.05 minutes = 3 s, above the shared 2 s cap on jittered waits.
    const { fetch, requests } = fakeFetch(throttledFor(0.05), json(200, { id: '1' }));
    const { sleep, delays } = fakeSleep();
    const graph = clientWith(fetch, { sleep });

    // Act
    await graph.me('token');

    // Assess
    expect(requests).toHaveLength(2);
    expect(delays).toEqual([3_000]);
  });

  it("surfaces at once a pause of Meta's just over 5 s", async () => {
    // Prepare: 0.1 minutes = 6 s.
    const { fetch, requests } = fakeFetch(throttledFor(0.1), json(200, { id: '1' }));
    const { sleep, delays } = fakeSleep();
    const graph = clientWith(fetch, { sleep });

    // Act
    const failure = graph.me('token');

    // Assess
    await expect(failure).rejects.toMatchObject({ retryAfterSeconds: 6 });
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('surfaces a long rate limit at once with retryAfterSeconds from the usage headers', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(
      graphError(
        400,
        { code: 4, error_subcode: 1504022 },
        {
          'x-business-use-case-usage':
            '{"1":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":3,"total_time":3,"estimated_time_to_regain_access":5}]}',
        }
      )
    );
    const graph = clientWith(fetch);

    // Act
    const failure = graph.me('token');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphRateLimitError);
    await expect(failure).rejects.toMatchObject({ retryAfterSeconds: 300 });
    expect(requests).toHaveLength(1);
  });

  it('surfaces a rate limit without usage headers at once, with the default pause', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(graphError(400, { code: 613 }));
    const graph = clientWith(fetch);

    // Act
    const failure = graph.me('token');

    // Assess
    await expect(failure).rejects.toMatchObject({ retryAfterSeconds: 60 });
    expect(requests).toHaveLength(1);
  });

  it('turns an aborted request into a GraphTimeoutError and retries a GET', async () => {
    // Prepare
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const { fetch, requests } = fakeFetch(timeout);
    const graph = clientWith(fetch);

    // Act
    const failure = graph.me('token');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphTimeoutError);
    expect(requests).toHaveLength(4);
  });

  it('never repeats a profile write Meta did not answer, yet retries one Meta answered with a 500', async () => {
    // Prepare: a write that times out may still be applied by Meta, after a newer one.
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const timedOut = fakeFetch(timeout, json(200, { success: true }));
    const failed = fakeFetch(graphError(500, { code: 2 }), json(200, { success: true }));

    // Act
    const unanswered = clientWith(timedOut.fetch).updateBusinessProfile('token', '3001', {
      about: 'Hi',
    });
    await clientWith(failed.fetch).updateBusinessProfile('token', '3001', { about: 'Hi' });

    // Assess
    await expect(unanswered).rejects.toBeInstanceOf(GraphTimeoutError);
    await expect(unanswered).rejects.toSatisfy(isUnanswered);
    expect(timedOut.requests).toHaveLength(1);
    expect(failed.requests).toHaveLength(2);
  });

  it('passes an AbortSignal with every request', async () => {
    // Prepare
    let signal: AbortSignal | null | undefined;
    const graph = createGraphClient({
      baseUrl: 'https://graph.example.test',
      appId: '1',
      appSecret: APP_SECRET,
      timeoutMs: 1234,
      fetch: async (_url, init) => {
        signal = init.signal;
        return json(200, { id: '1' });
      },
    });

    // Act
    await graph.me('token');

    // Assess
    expect(signal).toBeInstanceOf(AbortSignal);
  });

  it('rejects a 2xx body of the wrong shape without retrying', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(json(200, { name: 'no id' }));
    const graph = clientWith(fetch);

    // Act
    const failure = graph.me('token');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(GraphResponseError);
    expect(requests).toHaveLength(1);
  });

  it('puts the dialog on the dialog base URL with PKCE and a FLfB configuration', () => {
    // Prepare
    const graph = createGraphClient({
      baseUrl: 'http://127.0.0.1:9000',
      dialogBaseUrl: 'http://127.0.0.1:9000',
      appId: '1234',
      appSecret: APP_SECRET,
    });

    // Act
    const url = new URL(
      graph.dialogUrl({
        redirectUri: 'https://app.example/callback',
        state: 'st',
        configId: 'cfg',
        codeChallenge: 'challenge',
      })
    );

    // Assess
    expect(url.origin + url.pathname).toBe(
      `http://127.0.0.1:9000/${GRAPH_API_VERSION}/dialog/oauth`
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '1234',
      redirect_uri: 'https://app.example/callback',
      state: 'st',
      response_type: 'code',
      config_id: 'cfg',
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
    });
  });

  it('debugs a token with the app token and returns its data', async () => {
    // Prepare
    const { fetch, requests } = fakeFetch(
      json(200, {
        data: {
          app_id: '1234',
          is_valid: true,
          expires_at: 0,
          scopes: ['whatsapp_business_management'],
          granular_scopes: [{ scope: 'whatsapp_business_management', target_ids: ['400'] }],
        },
      })
    );
    const graph = clientWith(fetch);

    // Act
    const { data } = await graph.debugToken('input');

    // Assess
    expect(data.is_valid).toBe(true);
    expect(data.granular_scopes[0]?.target_ids).toEqual(['400']);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer 1234|${APP_SECRET}`);
    expect(requests[0]?.url.searchParams.get('input_token')).toBe('input');
  });
});
