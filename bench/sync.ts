/**
 * Sync throughput and latency through the whole local system: N linked Pages, signed Page webhooks
 * at a steady rate for a fixed time (loopback only, bounded loops), and for each webhook the time
 * until the WhatsApp profile in the sandbox shows the Page's new value. Coalescing is expected: a
 * burst of edits to one Page may be written once, with the newest value, which counts as delivering
 * every edit it covers.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTokenVault } from '../functions/adapters/crypto/token-vault.js';
import { createGrantRepository } from '../functions/adapters/dynamodb/grants.js';
import { createLinkRepository } from '../functions/adapters/dynamodb/links.js';
import { GRAPH_API_VERSION } from '../functions/adapters/graph/version.js';
import {
  defaultSync,
  grantIdFor,
  type Link,
  REQUESTED_SCOPES,
  UNSUPPORTED_FIELDS,
} from '../functions/core/linking/model.js';
import { PAGE_WEBHOOK_FIELDS } from '../functions/core/sync/webhook.js';
import { type LocalSystem, startLocalSystem } from '../infra/local/runtime/system.js';

const PAGES = Number(process.env.BENCH_SYNC_PAGES ?? 100);
const RATE_PER_SECOND = Number(process.env.BENCH_SYNC_RATE ?? 200);
const DURATION_SECONDS = Number(process.env.BENCH_SYNC_SECONDS ?? 10);
const WORKER_CONCURRENCY = Number(process.env.BENCH_SYNC_WORKERS ?? 8);
/** How long to wait for the last writes after sending stops; the bench then reports what it saw. */
const DRAIN_TIMEOUT_MS = 60_000;
const TICK_MS = 50;

interface SyncBenchResult {
  pages: number;
  workerConcurrency: number;
  webhooksSent: number;
  sendSeconds: number;
  webhooksPerSecond: number;
  jobsEnqueued: number;
  profileWrites: number;
  jobsPerSecond: number;
  delivered: number;
  undelivered: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);

const adminOf = (system: LocalSystem) => {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${system.urls.sandbox}/_admin${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
};

/** Signs the user in through the sandbox's OAuth dialog and answers a user token. */
const signIn = async (system: LocalSystem, userId: string): Promise<string> => {
  const admin = adminOf(system);
  const sandbox = (path: string) => `${system.urls.sandbox}/${GRAPH_API_VERSION}${path}`;
  const redirectUri = `${system.urls.api}/oauth/callback`;
  await admin('POST', '/settings', { dialogUserId: userId });
  const dialog = new URL(sandbox('/dialog/oauth'));
  dialog.search = new URLSearchParams({
    client_id: system.env.META_APP_ID ?? '',
    redirect_uri: redirectUri,
    state: randomBytes(8).toString('hex'),
    response_type: 'code',
    // The app's Facebook Login for Business configuration: it grants every permission Tandem asks for.
    config_id: system.env.META_LOGIN_CONFIG_ID ?? '',
  }).toString();
  const html = await (await fetch(dialog, { redirect: 'manual' })).text();
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = new URLSearchParams({ session, action: 'continue' });
  const answer = await fetch(sandbox('/dialog/oauth/confirm'), {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const code = new URL(answer.headers.get('location') ?? 'http://invalid/').searchParams.get(
    'code'
  );
  const exchange = new URL(sandbox('/oauth/access_token'));
  exchange.search = new URLSearchParams({
    client_id: system.env.META_APP_ID ?? '',
    client_secret: system.env.META_APP_SECRET ?? '',
    redirect_uri: redirectUri,
    code: code ?? '',
  }).toString();
  const token = (await (await fetch(exchange)).json()) as { access_token?: string };
  if (!token.access_token) throw new Error('the sandbox sign-in gave no token');
  return token.access_token;
};

interface BenchLink {
  index: number;
  pageId: string;
  phoneNumberId: string;
}

/** N Pages and numbers in the sandbox, one grant and N links with sync on, written directly. */
const linkPages = async (system: LocalSystem, count: number): Promise<BenchLink[]> => {
  const admin = adminOf(system);
  const user = await admin<{ userId: string }>('POST', '/users', { pages: 0, phoneNumbers: 0 });
  const seeded = await admin<{
    links: { pageId: string; wabaId: string; phoneNumberId: string }[];
  }>('POST', '/seed/bulk', {
    count,
    userId: user.userId,
    // Linked Pages as Tandem's linking leaves them: subscribed to the webhook fields sync reads.
    subscribedFields: PAGE_WEBHOOK_FIELDS,
  });
  const token = await signIn(system, user.userId);
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: system.region,
      endpoint: system.urls.dynamodb,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } }
  );
  const tenant = `bench-${randomBytes(4).toString('hex')}`;
  const grantId = grantIdFor(tenant, user.userId);
  const vault = createTokenVault({ TOKEN_KEY_LOCAL: system.env.TOKEN_KEY_LOCAL ?? '' });
  const now = new Date().toISOString();
  await createGrantRepository(documents, system.tables.links).save({
    grantId,
    tenantId: tenant,
    metaUserId: user.userId,
    scopes: [...REQUESTED_SCOPES],
    wabaIds: seeded.links.map((link) => link.wabaId),
    token: await vault.seal(token, { tenantId: tenant, grantId, purpose: 'meta_user_token' }),
    updatedAt: now,
  });
  const links = createLinkRepository(documents, system.tables.links);
  const out: BenchLink[] = [];
  for (const [index, seededLink] of seeded.links.entries()) {
    const link: Link = {
      linkId: `lnk_${randomBytes(16).toString('hex')}`,
      tenantId: tenant,
      grantId,
      metaUserId: user.userId,
      pageId: seededLink.pageId,
      pageName: `Bench ${index}`,
      wabaId: seededLink.wabaId,
      phoneNumberId: seededLink.phoneNumberId,
      displayPhoneNumber: `+1 555 ${String(index).padStart(7, '0')}`,
      status: 'active',
      sync: { ...defaultSync(), enabled: true },
      unsupported: UNSUPPORTED_FIELDS,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await links.create(link);
    out.push({ index, pageId: link.pageId, phoneNumberId: link.phoneNumberId });
  }
  documents.destroy();
  return out;
};

const aboutOf = (index: number, seq: number) => `Bench page ${index} edit ${seq}`;
const seqOf = (about: string | undefined): number => {
  const match = about ? /edit (\d+)$/.exec(about) : null;
  return match?.[1] ? Number(match[1]) : -1;
};

/** Runs the benchmark against a fresh local system and answers its figures. */
const measureSync = async (): Promise<SyncBenchResult> => {
  const system = await startLocalSystem({
    quiet: true,
    scheduleEverySeconds: 0,
    workerConcurrency: WORKER_CONCURRENCY,
  });
  try {
    const admin = adminOf(system);
    const links = await linkPages(system, PAGES);
    const secret = system.env.META_APP_SECRET ?? '';
    // sent[page][seq] = send time; the profile is polled for the highest seq written per page.
    const sent = links.map(() => [] as number[]);
    const seen = links.map(() => -1);
    const deliveredAt = links.map(() => [] as number[]);
    let jobsEnqueued = 0;
    let failures = 0;

    const sendOne = async (link: BenchLink, seq: number) => {
      // `about` fires no webhook of its own: the bench sends the one signed webhook itself.
      await admin('PATCH', `/pages/${link.pageId}`, { about: aboutOf(link.index, seq) });
      const body = JSON.stringify({
        object: 'page',
        entry: [
          {
            id: link.pageId,
            time: Math.floor(Date.now() / 1000),
            changes: [{ field: 'description', value: { seq } }],
          },
        ],
      });
      const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      sent[link.index]?.push(Date.now());
      const response = await fetch(`${system.urls.api}/webhooks/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      });
      if (response.ok) jobsEnqueued += ((await response.json()) as { jobs: number }).jobs;
      else failures += 1;
    };

    const poll = async () => {
      const now = Date.now();
      const state = await admin<{ phoneNumbers: { id: string; profile: { about?: string } }[] }>(
        'GET',
        '/state'
      );
      const profiles = new Map(state.phoneNumbers.map((phone) => [phone.id, phone.profile]));
      for (const link of links) {
        const seq = seqOf(profiles.get(link.phoneNumberId)?.about);
        const before = seen[link.index] ?? -1;
        if (seq <= before) continue;
        // Every edit up to this one is now on WhatsApp (a newer value covers the older ones).
        for (let covered = before + 1; covered <= seq; covered += 1) {
          deliveredAt[link.index]?.push(now - (sent[link.index]?.[covered] ?? now));
        }
        seen[link.index] = seq;
      }
    };

    // The request log then holds only the bench's own Graph calls.
    await admin('DELETE', '/requests');

    let polling = true;
    const poller = (async () => {
      while (polling) {
        await poll();
        await sleep(100);
      }
    })();

    const perTick = Math.max(1, Math.round((RATE_PER_SECOND * TICK_MS) / 1000));
    const ticks = Math.round((DURATION_SECONDS * 1000) / TICK_MS);
    const seqs = links.map(() => 0);
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    const chains: Promise<void>[] = [];
    let cursor = 0;
    for (let tick = 0; tick < ticks; tick += 1) {
      const due = started + tick * TICK_MS;
      if (due > Date.now()) await sleep(due - Date.now());
      for (let n = 0; n < perTick; n += 1) {
        const link = links[cursor % links.length];
        cursor += 1;
        if (!link) continue;
        const seq = seqs[link.index] ?? 0;
        seqs[link.index] = seq + 1;
        // One Page's edits go out in order, as one owner's edits would: each waits for the last.
        const previous = chains[link.index] ?? Promise.resolve();
        const next = previous.then(() =>
          sendOne(link, seq).catch(() => {
            failures += 1;
          })
        );
        chains[link.index] = next;
        inFlight.push(next);
      }
    }
    await Promise.all(inFlight);
    const sendSeconds = (Date.now() - started) / 1000;

    const expected = seqs.reduce((sum, count) => sum + count, 0);
    const drainUntil = Date.now() + DRAIN_TIMEOUT_MS;
    while (
      Date.now() < drainUntil &&
      links.some((link) => (seen[link.index] ?? -1) < (seqs[link.index] ?? 0) - 1)
    ) {
      await sleep(100);
    }
    const finished = Date.now();
    polling = false;
    await poller;

    const requests = (
      await admin<{ requests: { method: string; path: string }[] }>('GET', '/requests')
    ).requests;
    const profileWrites = requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith('/whatsapp_business_profile')
    ).length;
    const latencies = deliveredAt.flat().sort((a, b) => a - b);
    return {
      pages: links.length,
      workerConcurrency: WORKER_CONCURRENCY,
      webhooksSent: expected,
      sendSeconds: Number(sendSeconds.toFixed(1)),
      webhooksPerSecond: Math.round(expected / sendSeconds),
      jobsEnqueued,
      profileWrites,
      jobsPerSecond: Math.round(jobsEnqueued / ((finished - started) / 1000)),
      delivered: latencies.length,
      undelivered: expected - latencies.length + failures,
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
      latencyMaxMs: latencies.at(-1) ?? Number.NaN,
    };
  } finally {
    await system.stop();
  }
};

export type { SyncBenchResult };
export { measureSync };
