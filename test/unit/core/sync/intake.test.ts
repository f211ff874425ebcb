import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, UpstreamError } from '../../../../functions/core/errors.js';
import { receivePageWebhook } from '../../../../functions/core/sync/intake.js';
import { aLink, fakeDedupe, fakePages, fakeQueue } from './fakes.js';

const SECRET = 'app-secret-0123456789abcdef';

const body = (pageId: string, field = 'description', time = 1_793_000_000) =>
  Buffer.from(
    JSON.stringify({
      object: 'page',
      entry: [{ id: pageId, time, changes: [{ field, value: { verb: 'edited' } }] }],
    })
  );

const sign = (raw: Buffer, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

const world = () => {
  const on = aLink();
  const otherTenant = aLink({ tenantId: 'tenant-b', linkId: `lnk_${'2'.repeat(32)}` });
  const off = aLink({ linkId: `lnk_${'3'.repeat(32)}`, sync: { ...on.sync, enabled: false } });
  const paused = aLink({
    linkId: `lnk_${'4'.repeat(32)}`,
    status: 'paused',
    pause: { reason: 'local_override', since: 'x' },
  });
  const queue = fakeQueue();
  const dedupe = fakeDedupe();
  return {
    queue,
    dedupe,
    deps: { queue, dedupe, pages: fakePages(on, otherTenant, off, paused) },
    on,
    otherTenant,
  };
};

const deliver = (deps: ReturnType<typeof world>['deps'], raw: Buffer, signature = sign(raw)) =>
  receivePageWebhook(deps, { rawBody: raw, signature, secrets: [SECRET], deliveryId: 'req-1' });

describe('Function: receivePageWebhook', () => {
  it('enqueues one sync per link of the Page with sync on and not paused, in any tenant', async () => {
    // Prepare
    const { deps, queue, on, otherTenant } = world();

    // Act
    const result = await deliver(deps, body('1001'));

    // Assess
    expect(result).toEqual({ changes: 1, duplicates: 0, jobs: 2 });
    expect(queue.published).toEqual([
      expect.objectContaining({ tenantId: on.tenantId, linkId: on.linkId, trigger: 'webhook' }),
      expect.objectContaining({ tenantId: otherTenant.tenantId, linkId: otherTenant.linkId }),
    ]);
    expect(queue.published[0]?.observedAt).toBe(new Date(1_793_000_000 * 1000).toISOString());
  });

  it('ignores a duplicate delivery of the same change', async () => {
    // Prepare
    const { deps, queue } = world();

    // Act
    await deliver(deps, body('1001'));
    const again = await deliver(deps, body('1001'));

    // Assess
    expect(again).toEqual({ changes: 1, duplicates: 1, jobs: 0 });
    expect(queue.published).toHaveLength(2);
  });

  it('refuses a forged signature before reading the body, and enqueues nothing', async () => {
    // Prepare
    const { deps, queue, dedupe } = world();
    const raw = body('1001');

    // Act
    const forged = deliver(deps, raw, sign(raw, 'not-the-app-secret-at-all'));

    // Assess
    await expect(forged).rejects.toBeInstanceOf(AuthenticationError);
    expect(queue.published).toEqual([]);
    expect(dedupe.keys.size).toBe(0);
  });

  it('acknowledges a signed body that is not JSON, not a Page webhook or nested too deep, and says why', async () => {
    // Prepare: Meta retries anything but a 200 with the same bytes, so these must not fail.
    const { deps, queue, dedupe } = world();
    const notJson = Buffer.from('{"object":');
    const notPage = Buffer.from(JSON.stringify({ object: 'user', entry: [] }));
    const deep = Buffer.from(
      `{"object":"page","entry":[{"id":"1001","time":1,"changes":[{"field":"description","value":${'['.repeat(6_000)}${']'.repeat(6_000)}}]}]}`
    );

    // Act
    const results = await Promise.all([notJson, notPage, deep].map((raw) => deliver(deps, raw)));

    // Assess
    expect(results).toEqual([
      { changes: 0, duplicates: 0, jobs: 0, ignored: 'not valid JSON' },
      {
        changes: 0,
        duplicates: 0,
        jobs: 0,
        ignored: 'not a Page webhook (object "page" with entries)',
      },
      { changes: 0, duplicates: 0, jobs: 0, ignored: 'nested deeper than 32 levels' },
    ]);
    expect(queue.published).toEqual([]);
    expect(dedupe.keys.size).toBe(0);
  });

  it('refuses a deeply nested body that is not signed with 401, before measuring it', async () => {
    // Prepare
    const { deps } = world();
    const deep = Buffer.from(`{"object":"page","entry":${'['.repeat(6_000)}${']'.repeat(6_000)}}`);

    // Act
    const unsigned = deliver(deps, deep, sign(deep, 'not-the-app-secret-at-all'));

    // Assess
    await expect(unsigned).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('ignores changes to fields that do not reach the WhatsApp profile', async () => {
    // Prepare
    const { deps, queue } = world();

    // Act
    const result = await deliver(deps, body('1001', 'feed'));

    // Assess
    expect(result).toEqual({ changes: 0, duplicates: 0, jobs: 0 });
    expect(queue.published).toEqual([]);
  });

  it("gives the change back when enqueuing fails, so Meta's retry is not taken for a duplicate", async () => {
    // Prepare
    const { deps, queue, dedupe } = world();
    queue.failure = new UpstreamError('SQS down', true);

    // Act
    const first = deliver(deps, body('1001'));

    // Assess
    await expect(first).rejects.toBeInstanceOf(UpstreamError);
    expect(dedupe.keys.size).toBe(0);
    queue.failure = undefined;
    await expect(deliver(deps, body('1001'))).resolves.toMatchObject({ jobs: 2 });
  });
});
