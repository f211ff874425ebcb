import { ConflictError, NotFoundError } from '../../../../functions/core/errors.js';
import type { SyncJob } from '../../../../functions/core/jobs.js';
import {
  defaultSync,
  type Link,
  UNSUPPORTED_FIELDS,
} from '../../../../functions/core/linking/model.js';
import type { ProfileFields } from '../../../../functions/core/sync/mapping.js';
import type {
  LinkObserver,
  Observation,
  PageLinkIndex,
  ProfileWriter,
  SyncJobQueue,
  SyncLease,
  SyncStateRepository,
  WebhookDedupe,
} from '../../../../functions/core/sync/ports.js';
import type { SyncDeps } from '../../../../functions/core/sync/run.js';
import type { SyncRecord } from '../../../../functions/core/sync/state.js';
import { recordingPublisher } from '../../../helpers/events.js';

/** In-memory fakes of the sync ports, with the same contracts as the adapters. */

const TENANT = 'tenant-a';
const LINK_ID = `lnk_${'1'.repeat(32)}`;

const aLink = (overrides: Partial<Link> = {}): Link => ({
  linkId: LINK_ID,
  tenantId: TENANT,
  grantId: `grt_${'a'.repeat(32)}`,
  metaUserId: '700',
  pageId: '1001',
  pageName: 'Blue Bakery',
  wabaId: '200',
  phoneNumberId: '3001',
  displayPhoneNumber: '+1 555 0100',
  status: 'active',
  sync: { ...defaultSync(), enabled: true },
  unsupported: UNSUPPORTED_FIELDS,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

const aJob = (overrides: Partial<SyncJob> = {}): SyncJob => ({
  v: 1,
  kind: 'sync',
  tenantId: TENANT,
  linkId: LINK_ID,
  trigger: 'webhook',
  observedAt: '2026-11-02T10:00:00.000Z',
  ...overrides,
});

const fakeLinks = (...initial: Link[]) => {
  const items = new Map(initial.map((link) => [`${link.tenantId}/${link.linkId}`, link]));
  return {
    items,
    byId: (linkId: string) => [...items.values()].find((link) => link.linkId === linkId),
    get: async (tenantId: string, linkId: string) => {
      const link = items.get(`${tenantId}/${linkId}`);
      return link && structuredClone(link);
    },
    update: async (link: Link, expectedVersion: number) => {
      const current = items.get(`${link.tenantId}/${link.linkId}`);
      if (!current) throw new NotFoundError('gone', undefined, 'link_not_found');
      if (current.version !== expectedVersion) {
        throw new ConflictError('stale', undefined, 'version_mismatch');
      }
      items.set(`${link.tenantId}/${link.linkId}`, structuredClone(link));
    },
  };
};

type StoredState = SyncRecord & { lease?: SyncLease };

const fakeState = (initial?: SyncRecord) => {
  const items = new Map<string, StoredState>();
  if (initial) items.set(`${initial.tenantId}/${initial.linkId}`, structuredClone(initial));
  const key = (tenantId: string, linkId: string) => `${tenantId}/${linkId}`;
  const strip = (item: StoredState | undefined): SyncRecord | undefined => {
    if (!item) return undefined;
    const { lease: _lease, ...record } = structuredClone(item);
    return record;
  };
  const repository: SyncStateRepository & {
    items: Map<string, StoredState>;
    record: () => SyncRecord | undefined;
  } = {
    items,
    record: () => strip(items.get(key(TENANT, LINK_ID))),
    get: async (tenantId, linkId) => strip(items.get(key(tenantId, linkId))),
    acquire: async (tenantId, linkId, lease, now) => {
      const current = items.get(key(tenantId, linkId));
      if (current?.lease && current.lease.until >= now) {
        return { acquired: false, lease: current.lease };
      }
      items.set(key(tenantId, linkId), { ...(current ?? { tenantId, linkId }), lease });
      return { acquired: true, record: strip(current) };
    },
    complete: async (record, owner) => {
      const current = items.get(key(record.tenantId, record.linkId));
      if (
        current?.lease?.owner !== owner ||
        (current.lastObservedAt && current.lastObservedAt >= (record.lastObservedAt ?? ''))
      ) {
        throw new ConflictError('superseded', undefined, 'sync_superseded');
      }
      items.set(key(record.tenantId, record.linkId), structuredClone(record));
    },
    finish: async (tenantId, linkId, result, owner) => {
      const current = items.get(key(tenantId, linkId));
      if (current?.lease?.owner !== owner) return;
      const { lease: _lease, ...rest } = current;
      items.set(key(tenantId, linkId), { ...rest, lastResult: result });
    },
    release: async (tenantId, linkId, owner) => {
      const current = items.get(key(tenantId, linkId));
      if (current?.lease?.owner !== owner) return;
      const { lease: _lease, ...rest } = current;
      items.set(key(tenantId, linkId), rest);
    },
    forgetPicture: async (tenantId, linkId) => {
      const current = items.get(key(tenantId, linkId));
      if (current?.lastWritten) delete current.lastWritten.pictureSha256;
    },
    recordUnconfirmed: async (tenantId, linkId, writes, owner) => {
      const current = items.get(key(tenantId, linkId));
      if (current?.lease?.owner !== owner) {
        throw new ConflictError('superseded', undefined, 'sync_superseded');
      }
      const { unconfirmed: _old, ...rest } = current;
      items.set(key(tenantId, linkId), {
        ...rest,
        ...(writes.length > 0 ? { unconfirmed: structuredClone([...writes]) } : {}),
      });
    },
    adoptBaseline: async (tenantId, linkId, baseline) => {
      const current = items.get(key(tenantId, linkId)) ?? { tenantId, linkId };
      items.set(key(tenantId, linkId), {
        ...current,
        ...(baseline ? { lastWritten: baseline } : {}),
      });
    },
  };
  return repository;
};

const fakeObserver = (observation: Observation | Error) => {
  const seen: string[] = [];
  const observer: LinkObserver & { seen: string[]; next: Observation | Error } = {
    seen,
    next: observation,
    observe: async (link) => {
      seen.push(link.linkId);
      if (observer.next instanceof Error) throw observer.next;
      return observer.next;
    },
    observeMany: async () => new Map(),
  };
  return observer;
};

/**
 * Records each write. `failure` throws instead; `unanswered` is how many of the writes (text, then
 * picture) Meta leaves unanswered; `onWrite` runs as a write is sent (to look at the state, or change
 * what Meta holds).
 */
const fakeWriter = (failure?: Error) => {
  const writes: { changes: ProfileFields; picture: { url: string; sha256: string } | undefined }[] =
    [];
  const writer: ProfileWriter & {
    writes: typeof writes;
    failure: Error | undefined;
    unanswered: number;
    onWrite?: () => void;
    /** When set, the picture is not taken: the text fields are, as the real writer does. */
    pictureFailure: string | undefined;
  } = {
    writes,
    failure,
    unanswered: 0,
    pictureFailure: undefined,
    write: async (_link, changes, picture) => {
      if (writer.failure) throw writer.failure;
      writes.push({ changes, picture });
      writer.onWrite?.();
      // The real writer sends the text fields (when any) and the picture in writes of their own.
      const unanswered = (): boolean => {
        if (writer.unanswered === 0) return false;
        writer.unanswered -= 1;
        return true;
      };
      const fields = Object.keys(changes).length > 0 && unanswered() ? 'unanswered' : 'confirmed';
      if (!picture) return { fields };
      if (writer.pictureFailure) {
        return { fields, picture: { outcome: 'failed', reason: writer.pictureFailure } };
      }
      return unanswered()
        ? { fields, picture: { outcome: 'unconfirmed', reason: 'Meta did not answer.' } }
        : { fields, picture: { outcome: 'applied' } };
    },
  };
  return writer;
};

/** A clock that moves one second forward on every reading, so reads are strictly ordered. */
const tickingClock = (start = '2026-11-02T10:00:05.000Z') => {
  let now = Date.parse(start);
  return {
    now: () => {
      const reading = new Date(now);
      now += 1000;
      return reading;
    },
  };
};

interface SyncWorld {
  deps: SyncDeps;
  links: ReturnType<typeof fakeLinks>;
  state: ReturnType<typeof fakeState>;
  observer: ReturnType<typeof fakeObserver>;
  writer: ReturnType<typeof fakeWriter>;
  sleeps: number[];
  usage: { percent: number };
  events: ReturnType<typeof recordingPublisher>;
}

const syncWorld = (
  options: {
    link?: Link;
    state?: SyncRecord;
    observation?: Observation | Error;
    writerFailure?: Error;
  } = {}
): SyncWorld => {
  const links = fakeLinks(options.link ?? aLink());
  const state = fakeState(options.state);
  const observer = fakeObserver(options.observation ?? { kind: 'token_invalid' });
  const writer = fakeWriter(options.writerFailure);
  const sleeps: number[] = [];
  const usage = { percent: 0 };
  const events = recordingPublisher();
  let owners = 0;
  return {
    links,
    state,
    observer,
    writer,
    sleeps,
    usage,
    events,
    deps: {
      events,
      links,
      state,
      observer,
      writer,
      usage: { maxPercent: () => usage.percent },
      clock: tickingClock(),
      newLeaseOwner: () => {
        owners += 1;
        return `owner-${owners}`;
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  };
};

const fakeQueue = () => {
  const published: SyncJob[] = [];
  const queue: SyncJobQueue & { published: SyncJob[]; failure?: Error } = {
    published,
    publish: async (jobs) => {
      if (queue.failure) throw queue.failure;
      published.push(...jobs);
    },
  };
  return queue;
};

const fakeDedupe = () => {
  const keys = new Set<string>();
  const dedupe: WebhookDedupe & { keys: Set<string> } = {
    keys,
    recorded: async (asked) => new Set(asked.filter((key) => keys.has(key))),
    record: async (done) => {
      for (const key of done) keys.add(key);
    },
  };
  return dedupe;
};

/** The links of each Page; remembers each lookup's Pages, and can fail. */
const fakePages = (...links: Link[]) => {
  const index: PageLinkIndex & { lookups: string[][]; failure?: Error } = {
    lookups: [],
    linksOfPages: async (pageIds) => {
      index.lookups.push([...pageIds]);
      if (index.failure) throw index.failure;
      return new Map(
        pageIds.map((pageId) => [pageId, links.filter((link) => link.pageId === pageId)])
      );
    },
  };
  return index;
};

export {
  aJob,
  aLink,
  fakeDedupe,
  fakeLinks,
  fakePages,
  fakeQueue,
  fakeState,
  LINK_ID,
  syncWorld,
  TENANT,
  tickingClock,
};
