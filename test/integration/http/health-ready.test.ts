import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, applySystemEnv, useSystem } from '../../helpers/system.js';

/** Readiness through the gateway, and with a dependency that does not answer. */

type Handler = () => Promise<{
  statusCode?: number;
  headers?: Record<string, unknown>;
  body?: string;
}>;

/** The handler module loaded afresh with `env` over the system's environment. */
const readinessWith = async (env: Record<string, string>): Promise<Handler> => {
  applySystemEnv();
  Object.assign(process.env, env);
  vi.resetModules();
  return (await import('../../../functions/http/health-ready.js')).handler as Handler;
};

afterEach(() => {
  applySystemEnv();
});

describe('Route: GET /health/ready', () => {
  it('answers 200 when every table and the queue answer', async () => {
    // Act
    const response = await api('/health/ready');

    // Assess
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks)).toEqual(
      expect.arrayContaining(['table:links', 'table:quotas', 'queue:sync'])
    );
    expect(Object.values(body.checks).every((check) => check === 'ok')).toBe(true);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 naming the dependency that is down, and not why', async () => {
    // Prepare: a links table that does not exist, a queue that does not answer.
    const handler = await readinessWith({
      LINKS_TABLE: 'tandem-missing-table',
      SYNC_QUEUE_URL: `${useSystem().urls.sqs.replace(/:\d+$/, ':1')}/000000000000/gone`,
    });

    // Act
    const response = await handler();

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('5');
    const body = JSON.parse(response.body ?? '{}') as {
      status: string;
      checks: Record<string, string>;
    };
    expect(body).toMatchObject({
      status: 'unavailable',
      checks: { 'table:links': 'down', 'queue:sync': 'down', 'table:oauthState': 'ok' },
    });
    expect(response.body).not.toMatch(/ResourceNotFound|ECONNREFUSED|tandem-missing-table/);
  });
});
