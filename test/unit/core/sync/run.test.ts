import { describe, expect, it } from 'vitest';
import {
  PermissionError,
  RateLimitError,
  ValidationError,
} from '../../../../functions/core/errors.js';
import { BACKOFF } from '../../../../functions/core/retry.js';
import type { PageSnapshot, ProfileFields } from '../../../../functions/core/sync/mapping.js';
import type { Observation } from '../../../../functions/core/sync/ports.js';
import {
  ProfileWriteUnconfirmedError,
  reportSyncGaveUp,
  runSync,
  SyncBusyError,
  UNCONFIRMED_RECHECK_SECONDS,
} from '../../../../functions/core/sync/run.js';
import type { SyncRecord } from '../../../../functions/core/sync/state.js';
import { recordingPublisher } from '../../../helpers/events.js';
import { aJob, aLink, LINK_ID, syncWorld, TENANT } from './fakes.js';

const page: PageSnapshot = {
  pageId: '1001',
  about: 'Fresh bread every morning.',
  description: 'A family bakery.',
  emails: ['hi@bakery.example'],
  website: 'https://bakery.example',
  singleLineAddress: '1 Main St, Springfield',
  categories: ['Bakery'],
  picture: { url: 'https://cdn.example/p.png', sha256: 'sha-1' },
};

const mapped: ProfileFields = {
  about: 'Fresh bread every morning.',
  description: 'A family bakery.',
  address: '1 Main St, Springfield',
  email: 'hi@bakery.example',
  websites: ['https://bakery.example/'],
  vertical: 'RESTAURANT',
};

const observed = (whatsapp: ProfileFields, snapshot: PageSnapshot = page): Observation => ({
  kind: 'observed',
  page: snapshot,
  whatsapp,
});

/** A state as a previous sync left it: it wrote `mapped` from a Page read at 09:00. */
const synced = (overrides: Partial<SyncRecord> = {}): SyncRecord => ({
  tenantId: TENANT,
  linkId: LINK_ID,
  lastWritten: {
    fields: mapped,
    pictureSha256: 'sha-1',
    pageObservedAt: '2026-11-02T09:00:00.000Z',
    writtenAt: '2026-11-02T09:00:01.000Z',
  },
  lastObservedAt: '2026-11-02T09:00:00.000Z',
  lastSyncAt: '2026-11-02T09:00:01.000Z',
  ...overrides,
});

describe('Function: runSync', () => {
  it('writes the mapped Page fields and the picture on the first sync, and records the baseline', async () => {
    // Prepare
    const world = syncWorld({ observation: observed({ about: 'Old' }) });

    // Act
    const run = await runSync(world.deps, aJob());

    // Assess
    expect(run).toEqual({
      outcome: 'applied',
      changedFields: [
        'about',
        'description',
        'address',
        'email',
        'websites',
        'vertical',
        'profilePicture',
      ],
    });
    expect(world.writer.writes).toEqual([{ changes: mapped, picture: page.picture }]);
    const record = world.state.record();
    expect(record?.lastWritten?.fields).toEqual(mapped);
    expect(record?.lastWritten?.pictureSha256).toBe('sha-1');
    expect(record?.lastResult).toMatchObject({ outcome: 'applied', trigger: 'webhook' });
    expect(record?.lastSyncAt).toEqual(expect.any(String));
    expect(world.state.items.get(`${TENANT}/${LINK_ID}`)?.lease).toBeUndefined();
  });

  it('keeps the text fields when the picture cannot be uploaded, and reports the picture on the link', async () => {
    // Prepare
    const world = syncWorld({ observation: observed({ about: 'Old' }) });
    world.writer.pictureFailure = "Meta refused Tandem's upload token";

    // Act
    const run = await runSync(world.deps, aJob());

    // Assess
    expect(run).toEqual({
      outcome: 'applied',
      changedFields: ['about', 'description', 'address', 'email', 'websites', 'vertical'],
    });
    const record = world.state.record();
    expect(record?.lastWritten?.fields).toEqual(mapped);
    // The old picture stays the baseline, so the next sync tries the picture again.
    expect(record?.lastWritten?.pictureSha256).toBeUndefined();
    expect(record?.lastResult?.picture).toEqual({
      outcome: 'failed',
      reason: "Meta refused Tandem's upload token",
    });
  });

  it('writes only the fields that changed on the Page since the last sync', async () => {
    // Prepare
    const changed = { ...page, description: 'A family bakery since 1982.' };
    const world = syncWorld({ state: synced(), observation: observed(mapped, changed) });

    // Act
    const run = await runSync(world.deps, aJob());

    // Assess
    expect(run).toEqual({ outcome: 'applied', changedFields: ['description'] });
    expect(world.writer.writes).toEqual([
      { changes: { description: 'A family bakery since 1982.' }, picture: undefined },
    ]);
  });

  it('writes nothing when WhatsApp already matches the Page (noop), and is idempotent', async () => {
    // Prepare
    const world = syncWorld({ state: synced(), observation: observed(mapped) });

    // Act
    const first = await runSync(world.deps, aJob({ observedAt: '2026-11-02T10:00:00.000Z' }));
    const again = await runSync(world.deps, aJob({ observedAt: '2026-11-02T10:00:00.000Z' }));

    // Assess
    expect(first).toEqual({ outcome: 'noop' });
    expect(again).toEqual({ outcome: 'stale' });
    expect(world.writer.writes).toEqual([]);
    expect(world.state.record()?.lastResult?.outcome).toBe('noop');
  });

  it('skips a job whose change an earlier run already read (stale), without calling Meta', async () => {
    // Prepare
    const world = syncWorld({
      state: synced({ lastObservedAt: '2026-11-02T11:00:00.000Z' }),
      observation: observed({ about: 'Older' }),
    });

    // Act
    const run = await runSync(world.deps, aJob({ observedAt: '2026-11-02T10:00:00.000Z' }));

    // Assess
    expect(run).toEqual({ outcome: 'stale' });
    expect(world.observer.seen).toEqual([]);
    expect(world.writer.writes).toEqual([]);
  });

  it('coalesces a job into the run holding the lease when that run started after the change', async () => {
    // Prepare
    const world = syncWorld({ observation: observed(mapped) });
    await world.state.acquire(
      TENANT,
      LINK_ID,
      { owner: 'other', acquiredAt: '2026-11-02T10:00:03.000Z', until: '2026-11-02T10:01:03.000Z' },
      '2026-11-02T10:00:03.000Z'
    );

    // Act
    const run = await runSync(world.deps, aJob({ observedAt: '2026-11-02T10:00:00.000Z' }));

    // Assess
    expect(run).toEqual({ outcome: 'coalesced' });
    expect(world.observer.seen).toEqual([]);
  });

  it('waits for a run holding the lease that started before the change, then runs after it', async () => {
    // Prepare
    const world = syncWorld({ observation: observed(mapped) });
    const other = {
      owner: 'other',
      acquiredAt: '2026-11-02T09:59:59.000Z',
      until: '2026-11-02T10:30:00.000Z',
    };
    await world.state.acquire(TENANT, LINK_ID, other, other.acquiredAt);
    world.deps.sleep = async (ms) => {
      world.sleeps.push(ms);
      // The other run finishes while this one waits.
      await world.state.release(TENANT, LINK_ID, 'other');
    };

    // Act
    const run = await runSync(world.deps, aJob({ observedAt: '2026-11-02T10:00:00.000Z' }));

    // Assess
    expect(run.outcome).toBe('applied');
    expect(world.sleeps).toEqual([250]);
  });

  it('asks to retry later when the run holding the lease does not finish', async () => {
    // Prepare
    const world = syncWorld({ observation: observed(mapped) });
    const other = {
      owner: 'other',
      acquiredAt: '2026-11-02T09:59:59.000Z',
      until: '2026-11-02T11:00:00.000Z',
    };
    await world.state.acquire(TENANT, LINK_ID, other, other.acquiredAt);

    // Act
    const running = runSync(world.deps, aJob({ observedAt: '2026-11-02T10:00:00.000Z' }));

    // Assess
    await expect(running).rejects.toBeInstanceOf(SyncBusyError);
    await expect(running).rejects.toMatchObject({
      retryable: true,
      details: { retryAfterSeconds: 30 },
    });
    expect(world.observer.seen).toEqual([]);
  });

  it('pauses with local_override and records the differing fields', async () => {
    // Prepare
    const edited = { ...mapped, about: 'Closed for holidays', email: 'owner@bakery.example' };
    const world = syncWorld({ state: synced(), observation: observed(edited) });

    // Act
    const run = await runSync(world.deps, aJob());

    // Assess
    expect(run).toEqual({ outcome: 'paused', reason: 'local_override' });
    expect(world.writer.writes).toEqual([]);
    const link = world.links.byId(LINK_ID);
    expect(link?.status).toBe('paused');
    expect(link?.version).toBe(2);
    expect(link?.pause).toEqual({
      reason: 'local_override',
      since: expect.any(String),
      details: {
        fields: [
          { field: 'about', expected: mapped.about, actual: 'Closed for holidays' },
          { field: 'email', expected: mapped.email, actual: 'owner@bakery.example' },
        ],
      },
    });
    expect(world.state.record()?.lastResult).toMatchObject({
      outcome: 'paused',
      reason: expect.stringContaining('about, email'),
    });
  });

  it('pauses with token_invalid when Meta rejects the token, and does not retry', async () => {
    // Prepare
    const world = syncWorld({ observation: { kind: 'token_invalid' } });

    // Act
    const run = await runSync(world.deps, aJob());

    // Assess
    expect(run).toEqual({ outcome: 'paused', reason: 'token_invalid' });
    expect(world.links.byId(LINK_ID)?.pause).toMatchObject({
      reason: 'token_invalid',
      details: { action: 'relink' },
    });
  });

  it('keeps a pause that met a concurrent edit of the link: reads again and retries after a jittered wait', async () => {
    // Prepare: a PATCH lands between the pause's read and its write, once.
    const world = syncWorld({ observation: { kind: 'token_invalid' } });
    const update = world.deps.links.update;
    let edits = 0;
    world.deps.links.update = async (link, expectedVersion) => {
      if (edits === 0) {
        edits += 1;
        const stored = world.links.byId(LINK_ID);
        if (stored) world.links.items.set(`${TENANT}/${LINK_ID}`, { ...stored, version: 7 });
      }
      return update(link, expectedVersion);
    };

    // Act
    const run = await runSync(world.deps, aJob());

    // Assess
    expect(run).toEqual({ outcome: 'paused', reason: 'token_invalid' });
    expect(world.links.byId(LINK_ID)).toMatchObject({ status: 'paused', version: 8 });
    expect(world.sleeps).toHaveLength(1);
    expect(world.sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(world.sleeps[0]).toBeLessThan(BACKOFF.baseMs);
  });

  it('pauses with token_invalid when the profile write is refused for the token', async () => {
    // Prepare
    const world = syncWorld({
      observation: observed({}),
      writerFailure: new PermissionError('no', undefined, 'meta_token_invalid'),
    });

    // Act
    const run = await runSync(world.deps, aJob());

    // Assess
    expect(run).toEqual({ outcome: 'paused', reason: 'token_invalid' });
    expect(world.links.byId(LINK_ID)?.status).toBe('paused');
  });

  it('rethrows a rate limit with its wait and releases the lease', async () => {
    // Prepare
    const world = syncWorld({ observation: new RateLimitError('slow down', 120) });

    // Act
    const running = runSync(world.deps, aJob());

    // Assess
    await expect(running).rejects.toMatchObject({
      retryable: true,
      details: { retryAfterSeconds: 120 },
    });
    expect(world.state.items.get(`${TENANT}/${LINK_ID}`)?.lease).toBeUndefined();
    expect(world.links.byId(LINK_ID)?.status).toBe('active');
  });

  it('slows down before calling Meta while its usage is at 90% or more', async () => {
    // Prepare
    const world = syncWorld({ state: synced(), observation: observed(mapped) });
    world.usage.percent = 95;

    // Act
    await runSync(world.deps, aJob());

    // Assess
    expect(world.sleeps).toEqual([3000]);
  });

  it('records a failure that will not pass on the link and rethrows it for the DLQ', async () => {
    // Prepare
    const world = syncWorld({
      observation: observed({}),
      writerFailure: new ValidationError('(#100) Invalid parameter', undefined, 'meta_rejected'),
    });

    // Act
    const running = runSync(world.deps, aJob());

    // Assess
    await expect(running).rejects.toMatchObject({ code: 'meta_rejected', retryable: false });
    expect(world.state.record()?.lastResult).toMatchObject({
      outcome: 'failed',
      reason: '(#100) Invalid parameter',
    });
  });

  it('fails for good when the Page is gone', async () => {
    // Prepare
    const world = syncWorld({ observation: { kind: 'asset_gone', which: 'page' } });

    // Act
    const running = runSync(world.deps, aJob());

    // Assess
    await expect(running).rejects.toMatchObject({ code: 'asset_gone', retryable: false });
  });

  it('does nothing while sync is off or the link is paused, or after it was unlinked', async () => {
    // Prepare
    const off = syncWorld({ link: aLink({ sync: { ...aLink().sync, enabled: false } }) });
    const paused = syncWorld({
      link: aLink({ status: 'paused', pause: { reason: 'local_override', since: 'x' } }),
    });
    const gone = syncWorld();

    // Act
    const runs = [
      await runSync(off.deps, aJob()),
      await runSync(paused.deps, aJob()),
      await runSync(gone.deps, aJob({ linkId: `lnk_${'9'.repeat(32)}` })),
    ];

    // Assess
    expect(runs).toEqual([
      { outcome: 'skipped', why: 'disabled' },
      { outcome: 'skipped', why: 'paused' },
      { outcome: 'skipped', why: 'link_gone' },
    ]);
    expect([...off.observer.seen, ...paused.observer.seen, ...gone.observer.seen]).toEqual([]);
  });

  it('leaves opted-out fields alone', async () => {
    // Prepare
    const link = aLink();
    link.sync.fields.description = false;
    link.sync.fields.profilePicture = false;
    const world = syncWorld({ link, observation: observed({ description: 'Set on WhatsApp' }) });

    // Act
    await runSync(world.deps, aJob());

    // Assess
    expect(world.writer.writes[0]?.changes).not.toHaveProperty('description');
    expect(world.writer.writes[0]?.picture).toBeUndefined();
  });

  describe('when Meta does not answer a profile write', () => {
    const newer = { ...page, description: 'Now with cakes.' };

    it('records the write as unconfirmed before sending it, and forgets it once Meta answers', async () => {
      // Prepare
      const world = syncWorld({ state: synced(), observation: observed(mapped, newer) });
      let whileSending: unknown;
      world.writer.onWrite = () => {
        whileSending = world.state.record()?.unconfirmed;
      };

      // Act
      await runSync(world.deps, aJob());

      // Assess
      expect(whileSending).toEqual([
        { fields: { description: 'Now with cakes.' }, sentAt: expect.any(String) },
      ]);
      expect(world.state.record()?.unconfirmed).toBeUndefined();
    });

    it('reads the profile again and completes when the unanswered write shows there', async () => {
      // Prepare: Meta applied the write but its answer was lost.
      const world = syncWorld({ state: synced(), observation: observed(mapped, newer) });
      world.writer.unanswered = 1;
      world.writer.onWrite = () => {
        world.observer.next = observed({ ...mapped, description: 'Now with cakes.' }, newer);
      };

      // Act
      const run = await runSync(world.deps, aJob());

      // Assess
      expect(run).toEqual({ outcome: 'applied', changedFields: ['description'] });
      expect(world.observer.seen).toHaveLength(2);
      expect(world.writer.writes).toHaveLength(1);
      const record = world.state.record();
      expect(record?.lastWritten?.fields.description).toBe('Now with cakes.');
      expect(record?.unconfirmed).toBeUndefined();
    });

    it('keeps the write unconfirmed and asks to come back later when the profile does not show it yet', async () => {
      // Prepare
      const world = syncWorld({ state: synced(), observation: observed(mapped, newer) });
      world.writer.unanswered = 1;

      // Act
      const running = runSync(world.deps, aJob());

      // Assess
      await expect(running).rejects.toBeInstanceOf(ProfileWriteUnconfirmedError);
      await expect(running).rejects.toMatchObject({
        retryable: true,
        details: { retryAfterSeconds: UNCONFIRMED_RECHECK_SECONDS },
      });
      expect(world.writer.writes).toHaveLength(1);
      const stored = world.state.items.get(`${TENANT}/${LINK_ID}`);
      expect(stored?.unconfirmed).toEqual([
        { fields: { description: 'Now with cakes.' }, sentAt: expect.any(String) },
      ]);
      expect(stored?.lastWritten?.fields.description).toBe(mapped.description);
      expect(stored?.lease).toBeUndefined();
    });

    it('takes its own older write landing late for its own, not a direct edit, and writes the newest Page value', async () => {
      // Prepare: 'First' went unanswered; a newer run wrote 'Second'; then 'First' landed.
      const world = syncWorld({
        state: synced({
          lastWritten: {
            fields: { ...mapped, description: 'Second' },
            pageObservedAt: '2026-11-02T09:30:00.000Z',
            writtenAt: '2026-11-02T09:30:01.000Z',
            pictureSha256: 'sha-1',
          },
          lastObservedAt: '2026-11-02T09:30:00.000Z',
          unconfirmed: [{ fields: { description: 'First' }, sentAt: '2026-11-02T09:29:00.000Z' }],
        }),
        observation: observed(
          { ...mapped, description: 'First' },
          { ...page, description: 'Second' }
        ),
      });

      // Act
      const run = await runSync(world.deps, aJob());

      // Assess
      expect(run).toEqual({ outcome: 'applied', changedFields: ['description'] });
      expect(world.writer.writes).toEqual([
        { changes: { description: 'Second' }, picture: undefined },
      ]);
      expect(world.links.byId(LINK_ID)?.status).toBe('active');
      // Seen on WhatsApp, the late write has landed and cannot land again.
      expect(world.state.record()?.unconfirmed).toBeUndefined();
    });

    it('still pauses for a direct edit that matches no unconfirmed write', async () => {
      // Prepare
      const world = syncWorld({
        state: synced({
          unconfirmed: [{ fields: { description: 'First' }, sentAt: '2026-11-02T09:29:00.000Z' }],
        }),
        observation: observed({ ...mapped, description: 'Edited on the phone' }),
      });

      // Act
      const run = await runSync(world.deps, aJob());

      // Assess
      expect(run).toEqual({ outcome: 'paused', reason: 'local_override' });
      expect(world.links.byId(LINK_ID)?.pause?.details).toEqual({
        fields: [
          { field: 'description', expected: mapped.description, actual: 'Edited on the phone' },
        ],
      });
    });

    it('does not skip a job as covered by an earlier run while a write may still land', async () => {
      // Prepare: an earlier run read the Page after this change, but a write is unconfirmed.
      const world = syncWorld({
        state: synced({
          lastObservedAt: '2026-11-02T10:00:03.000Z',
          unconfirmed: [{ fields: { description: 'First' }, sentAt: '2026-11-02T10:00:02.000Z' }],
        }),
        observation: observed({ ...mapped, description: 'First' }),
      });

      // Act
      const run = await runSync(world.deps, aJob({ observedAt: '2026-11-02T10:00:00.000Z' }));

      // Assess
      expect(run).toEqual({ outcome: 'applied', changedFields: ['description'] });
      expect(world.writer.writes).toEqual([
        { changes: { description: mapped.description }, picture: undefined },
      ]);
    });

    it('forgets a write Meta refused: it will never land', async () => {
      // Prepare
      const world = syncWorld({
        state: synced(),
        observation: observed(mapped, newer),
        writerFailure: new ValidationError('(#100) Invalid parameter', undefined, 'meta_rejected'),
      });

      // Act
      const running = runSync(world.deps, aJob());

      // Assess
      await expect(running).rejects.toBeInstanceOf(ValidationError);
      expect(world.state.items.get(`${TENANT}/${LINK_ID}`)?.unconfirmed).toBeUndefined();
    });

    it('counts a picture whose write went unanswered as not written, so it is sent again', async () => {
      // Prepare: only the picture changed; Meta did not answer.
      const world = syncWorld({
        state: synced(),
        observation: observed(mapped, {
          ...page,
          picture: { url: 'https://cdn.example/q.png', sha256: 'sha-2' },
        }),
      });
      world.writer.unanswered = 1;

      // Act
      const run = await runSync(world.deps, aJob());

      // Assess
      expect(run).toEqual({ outcome: 'applied', changedFields: [] });
      expect(world.state.record()?.lastWritten?.pictureSha256).toBe('sha-1');
      expect(world.state.record()?.lastResult?.picture).toMatchObject({ outcome: 'unconfirmed' });
      // No read could show a picture landing: the run does not wait for one.
      expect(world.observer.seen).toHaveLength(1);
    });

    it('reads back an unanswered text write and still reports the picture sent after it', async () => {
      // Prepare: Meta applied the text write but its answer was lost; the picture went through.
      const world = syncWorld({
        state: synced(),
        observation: observed(mapped, {
          ...newer,
          picture: { url: 'https://cdn.example/q.png', sha256: 'sha-2' },
        }),
      });
      world.writer.unanswered = 1;
      world.writer.onWrite = () => {
        world.observer.next = observed({ ...mapped, description: 'Now with cakes.' }, newer);
      };

      // Act
      const run = await runSync(world.deps, aJob());

      // Assess
      expect(run).toEqual({
        outcome: 'applied',
        changedFields: ['description', 'profilePicture'],
      });
      const record = world.state.record();
      expect(record?.lastWritten?.pictureSha256).toBe('sha-2');
      expect(record?.lastResult?.picture).toEqual({ outcome: 'applied' });
      expect(record?.unconfirmed).toBeUndefined();
    });
  });
});

describe('Function: reportSyncGaveUp', () => {
  it('tells the tenant with sync.failed, carrying the dead letter code and reason', async () => {
    // Prepare
    const events = recordingPublisher();
    const clock = { now: () => new Date('2026-12-02T06:00:00.000Z') };

    // Act
    await reportSyncGaveUp({ events, clock }, aJob(), {
      code: 'upstream_unavailable',
      reason: 'gave up after 5 attempts: Meta answered 500',
    });

    // Assess
    expect(events.ofType('sync.failed')).toEqual([
      {
        tenantId: TENANT,
        linkId: LINK_ID,
        trigger: aJob().trigger,
        code: 'upstream_unavailable',
        reason: 'gave up after 5 attempts: Meta answered 500',
        at: '2026-12-02T06:00:00.000Z',
      },
    ]);
  });
});
