/**
 * Sync throughput and latency through the whole local system: N linked Pages, signed Page webhooks
 * at a steady rate for a fixed time (loopback only, bounded loops), and for each webhook the time
 * until the WhatsApp profile in the sandbox shows the Page's new value. Coalescing is expected: a
 * burst of edits to one Page may be written once, with the newest value, which counts as delivering
 * every edit it covers.
 */
import { createHmac } from 'node:crypto';
import { startLocalSystem } from '../infra/local/runtime/src/system.js';
import { adminOf, type BenchLink, linkPages } from './links.js';

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
