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
  const pages = fakePages(on, otherTenant, off, paused);
  return { queue, dedupe, pages, deps: { queue, dedupe, pages }, on, otherTenant };
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

  it("records nothing when enqueuing fails, so Meta's retry is processed in full", async () => {
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

  it('records a change only once its jobs are on the queue', async () => {
    // Prepare: the queue looks at the records while it is being sent to.
    const { deps, queue, dedupe } = world();
    let recordedWhilePublishing = -1;
    const publish = queue.publish;
    queue.publish = async (jobs) => {
      recordedWhilePublishing = dedupe.keys.size;
      await publish(jobs);
    };

    // Act
    await deliver(deps, body('1001'));

    // Assess
    expect(recordedWhilePublishing).toBe(0);
    expect(dedupe.keys.size).toBe(1);
  });

  it("records and enqueues nothing when finding a Page's links fails, and fails the delivery", async () => {
    // Prepare
    const { deps, queue, dedupe, pages } = world();
    pages.failure = new UpstreamError('DynamoDB throttled', true);
    const raw = Buffer.from(
      JSON.stringify({
        object: 'page',
        entry: ['1000', '1001', '1002'].map((id) => ({
          id,
          time: 1_793_000_000,
          changes: [{ field: 'description', value: {} }],
        })),
      })
    );

    // Act
    const delivery = deliver(deps, raw);

    // Assess
    await expect(delivery).rejects.toBeInstanceOf(UpstreamError);
    expect(queue.published).toEqual([]);
    expect(dedupe.keys.size).toBe(0);
  });

  it('enqueues a job for every Page of a 1,000-entry delivery, looking all the Pages up at once', async () => {
    // Prepare: 1,000 linked Pages, and Meta's largest batch with one entry for each.
    const links = Array.from({ length: 1_000 }, (_, index) =>
      aLink({ linkId: `lnk_${String(index).padStart(32, '0')}`, pageId: String(5_000 + index) })
    );
    const queue = fakeQueue();
    const dedupe = fakeDedupe();
    const pages = fakePages(...links);
    const raw = Buffer.from(
      JSON.stringify({
        object: 'page',
        entry: links.map((link) => ({
          id: link.pageId,
          time: 1_793_000_000,
          changes: [{ field: 'website', value: {} }],
        })),
      })
    );

    // Act
    const result = await deliver({ queue, dedupe, pages }, raw);

    // Assess
    expect(result).toEqual({ changes: 1_000, duplicates: 0, jobs: 1_000 });
    expect(new Set(queue.published.map((job) => job.linkId)).size).toBe(1_000);
    expect(dedupe.keys.size).toBe(1_000);
    expect(pages.lookups).toHaveLength(1);
    expect(pages.lookups[0]).toHaveLength(1_000);
  });

  it('counts an entry repeated within a delivery as a duplicate', async () => {
    // Prepare
    const { deps, queue } = world();
    const entry = (time: number) => ({
      id: '1001',
      time,
      changes: [{ field: 'description', value: {} }],
    });
    const raw = Buffer.from(
      JSON.stringify({
        object: 'page',
        entry: [entry(1_793_000_000), entry(1_793_000_001), entry(1_793_000_001)],
      })
    );

    // Act
    const result = await deliver(deps, raw);

    // Assess
    expect(result).toEqual({ changes: 3, duplicates: 1, jobs: 4 });
    expect(queue.published).toHaveLength(4);
  });
});
