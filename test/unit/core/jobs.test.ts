import { describe, expect, it } from 'vitest';
import { orderingKey, parseJob, serializeJob } from '../../../functions/core/jobs.js';

const syncJob = {
  v: 1,
  kind: 'sync',
  tenantId: 'demo',
  linkId: 'lnk_1',
  trigger: 'webhook',
  observedAt: '2026-07-01T10:00:00.000Z',
} as const;

describe('Function: parseJob', () => {
  it('accepts a sync job', () => {
    // Act
    const parsed = parseJob(JSON.stringify(syncJob));

    // Assess
    expect(parsed).toEqual({ ok: true, job: syncJob });
  });

  it('accepts a reconcile-shard job', () => {
    // Prepare
    const job = { v: 1, kind: 'reconcile-shard', runId: 'rcn_1', shard: 3 };

    // Act
    const parsed = parseJob(JSON.stringify(job));

    // Assess
    expect(parsed).toEqual({ ok: true, job });
  });

  it('refuses a body that is not JSON and says so', () => {
    // Act
    const parsed = parseJob('not json');

    // Assess
    expect(parsed).toEqual({ ok: false, reason: 'the message body is not JSON' });
  });

  it('refuses an unknown kind', () => {
    // Act
    const parsed = parseJob(JSON.stringify({ ...syncJob, kind: 'teleport' }));

    // Assess
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/^not a valid job envelope: kind/);
  });

  it('refuses a newer envelope version instead of misreading it', () => {
    // Act
    const parsed = parseJob(JSON.stringify({ ...syncJob, v: 2 }));

    // Assess
    expect(!parsed.ok && parsed.reason).toMatch(/v:/);
  });

  it('refuses a sync job with an invalid trigger or observedAt', () => {
    // Act
    const badTrigger = parseJob(JSON.stringify({ ...syncJob, trigger: 'cron' }));
    const badTime = parseJob(JSON.stringify({ ...syncJob, observedAt: 'yesterday' }));

    // Assess
    expect(badTrigger.ok).toBe(false);
    expect(badTime.ok).toBe(false);
  });

  it('refuses a negative shard', () => {
    // Act
    const parsed = parseJob(
      JSON.stringify({ v: 1, kind: 'reconcile-shard', runId: 'rcn_1', shard: -1 })
    );

    // Assess
    expect(parsed.ok).toBe(false);
  });
});

describe('Function: serializeJob', () => {
  it('round-trips through parseJob', () => {
    // Act
    const parsed = parseJob(serializeJob(syncJob));

    // Assess
    expect(parsed).toEqual({ ok: true, job: syncJob });
  });
});

describe('Function: orderingKey', () => {
  it('orders sync jobs per link and shard jobs per shard', () => {
    // Act
    const keys = [
      orderingKey(syncJob),
      orderingKey({ ...syncJob, trigger: 'manual' }),
      orderingKey({ v: 1, kind: 'reconcile-shard', runId: 'r', shard: 1 }),
      orderingKey({ v: 1, kind: 'reconcile-shard', runId: 'r', shard: 2 }),
    ];

    // Assess
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[3]);
  });
});
