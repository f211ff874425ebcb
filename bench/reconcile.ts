/**
 * One reconcile run over 100,000 links, end to end on the embedded default: the sandbox holds 100,000
 * Page + WABA + number sets, DynamoDB Local holds 100,000 active link items (written in the links
 * repository's key format, with shards), and the scheduled reconciler's run goes through the real
 * queue, poller and worker. The links are seeded as sync and earlier runs leave them (`settle`): a
 * steady-state run, in which nothing changed since the run before. With BENCH_FIRST_RUN=1 they are
 * seeded bare instead, as before the first run after a deploy (no Page token, no WhatsApp side, no
 * sync: every link a pending Page change). Reports throughput, Graph calls per link, what the run
 * wrote by item kind, and the AWS cost of one million links computed from what was MEASURED
 * (requests, consumed capacity, handler time).
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, sqs } from '../functions/adapters/aws/clients.js';
import { createTokenVault } from '../functions/adapters/crypto/token-vault.js';
import { batchWriteAll } from '../functions/adapters/dynamodb/batch.js';
import { createGrantRepository } from '../functions/adapters/dynamodb/grants.js';
import { syncStateKey } from '../functions/adapters/dynamodb/keys.js';
import { linkItem } from '../functions/adapters/dynamodb/links.js';
import { createGraphClient, type GraphClient } from '../functions/adapters/graph/index.js';
import { GRAPH_API_VERSION } from '../functions/adapters/graph/version.js';
import { createLinkObserver } from '../functions/adapters/meta/link-observer.js';
import { newRunId } from '../functions/adapters/wiring/reconcile.js';
import { chunksOf, mapConcurrently } from '../functions/core/batching.js';
import {
  defaultSync,
  grantIdFor,
  instagramFields,
  type Link,
  PAGE_WEBHOOK_FIELDS,
  SYNC_FIELDS,
  type SyncField,
  UNSUPPORTED_FIELDS,
} from '../functions/core/linking/model.js';
import type { GrantRepository, TokenVault } from '../functions/core/linking/ports.js';
import { whatsappFactsOf } from '../functions/core/reconcile/check.js';
import { mapPageToProfile } from '../functions/core/sync/mapping.js';
import type { Observation } from '../functions/core/sync/ports.js';
import type { SyncRecord } from '../functions/core/sync/state.js';
import { displayNumberFor } from '../infra/local/meta-sandbox/src/seed.js';
import { startLocalSystem } from '../infra/local/runtime/src/system.js';
import { functions } from '../infra/shared/functions.js';
import { saveResults } from './results.js';

const LINKS = Number(process.env.BENCH_LINKS ?? 100_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const FIRST_RUN = process.env.BENCH_FIRST_RUN === '1';
const SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'business_management',
  'whatsapp_business_management',
];

/** AWS list prices (us-east-1, 2026; see docs/architecture.md "Cost of a reconcile run"). */
const PRICE = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  sqsRequest: 0.4 / 1e6,
  ddbRead: 0.125 / 1e6,
  ddbWrite: 0.625 / 1e6,
  kmsRequest: 0.03 / 1e4,
};

interface Meter {
  ddb: { rcu: number; wcu: number; calls: number; reported: number };
  /** Items written and write units, by table and item kind (key prefixes): what a run writes per link. */
  writes: Record<string, { items: number; wru: number }>;
  sqs: { requests: number; chunks: number; messages: number };
}

const meter: Meter = {
  ddb: { rcu: 0, wcu: 0, calls: 0, reported: 0 },
  writes: {},
  sqs: { requests: 0, chunks: 0, messages: 0 },
};
let metering = false;

/**
 * Counts what the functions send through the shared SDK clients (the handlers run in this process and
 * use the same client instances): DynamoDB consumed capacity (ReturnConsumedCapacity=TOTAL is added to
 * every request) and SQS requests, each billed per 64 KB chunk of payload.
 */
const instrument = (tables: Record<string, string>) => {
  const READS = /^(Get|BatchGet|Query|Scan|TransactGet)/;
  const tableOf = new Map(Object.entries(tables).map(([name, table]) => [table, name]));
  const prefix = (value: unknown) => String(value ?? '').split('#')[0];
  /** The table and item kind of each item a write command touches. */
  const writtenKinds = (input: Record<string, unknown>): string[] => {
    const kind = (table: unknown, item: { pk?: unknown; sk?: unknown } | undefined) =>
      `${tableOf.get(String(table)) ?? String(table)}:${prefix(item?.pk)}/${prefix(item?.sk)}`;
    type Write = {
      TableName?: string;
      Item?: Record<string, unknown>;
      Key?: Record<string, unknown>;
    };
    if (input.TransactItems) {
      return (input.TransactItems as Record<string, Write>[]).flatMap((entry) =>
        Object.entries(entry)
          .filter(([op]) => op !== 'ConditionCheck')
          .map(([, write]) => kind(write.TableName, write.Item ?? write.Key))
      );
    }
    if (input.RequestItems) {
      return Object.entries(
        input.RequestItems as Record<string, { PutRequest?: Write; DeleteRequest?: Write }[]>
      ).flatMap(([table, requests]) =>
        requests.map((request) =>
          kind(table, request.PutRequest?.Item ?? request.DeleteRequest?.Key)
        )
      );
    }
    return [kind(input.TableName, (input.Item ?? input.Key) as Write['Item'])];
  };
  dynamoDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (metering) input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      if (metering) {
        meter.ddb.calls += 1;
        const output = result.output as { ConsumedCapacity?: unknown };
        const consumed = [output.ConsumedCapacity ?? []].flat() as {
          ReadCapacityUnits?: number;
          WriteCapacityUnits?: number;
          CapacityUnits?: number;
        }[];
        // DynamoDB Local reports the total as CapacityUnits only; the command says which kind it is.
        const isRead = READS.test(String(context.commandName ?? ''));
        let written = 0;
        for (const entry of consumed) {
          meter.ddb.reported += 1;
          const total = entry.CapacityUnits ?? 0;
          meter.ddb.rcu += entry.ReadCapacityUnits ?? (isRead ? total : 0);
          const wcu = entry.WriteCapacityUnits ?? (isRead ? 0 : total);
          meter.ddb.wcu += wcu;
          written += wcu;
        }
        if (!isRead) {
          // A batch or transaction reports one total: shared evenly among the items it wrote.
          const kinds = writtenKinds(input);
          for (const kind of kinds) {
            const entry = meter.writes[kind] ?? { items: 0, wru: 0 };
            meter.writes[kind] = entry;
            entry.items += 1;
            entry.wru += written / kinds.length;
          }
        }
      }
      return result;
    },
    { step: 'initialize', name: 'benchCapacity' }
  );
  sqs().middlewareStack.add(
    (next) => async (args) => {
      if (metering) {
        const input = args.input as {
          Entries?: { MessageBody?: string }[];
          MessageBody?: string;
        };
        const bodies = input.Entries?.map((entry) => entry.MessageBody ?? '') ?? [
          input.MessageBody ?? '',
        ];
        const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
        meter.sqs.requests += 1;
        meter.sqs.messages += bodies.length;
        meter.sqs.chunks += Math.max(1, Math.ceil(bytes / 65_536));
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchSqs' }
  );
};

const json = async <T>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** Signs the bench's Meta user in through the sandbox's dialog and answers its user token. */
const signIn = async (
  sandbox: string,
  apiUrl: string,
  env: Record<string, string>,
  userId: string
) => {
  const admin = (path: string, body: unknown) =>
    fetch(`${sandbox}/_admin${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  await admin('/settings', { dialogUserId: userId });
  const redirectUri = `${apiUrl}/oauth/callback`;
  const dialog = new URL(`${sandbox}/${GRAPH_API_VERSION}/dialog/oauth`);
  dialog.search = new URLSearchParams({
    client_id: env.META_APP_ID ?? '',
    redirect_uri: redirectUri,
    state: randomBytes(8).toString('hex'),
    response_type: 'code',
    // The app's Facebook Login for Business configuration: it grants every permission Tandem asks for.
    config_id: env.META_LOGIN_CONFIG_ID ?? '',
  }).toString();
  const html = await (await fetch(dialog)).text();
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = new URLSearchParams({ session, action: 'continue' });
  const answer = await fetch(`${sandbox}/${GRAPH_API_VERSION}/dialog/oauth/confirm`, {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const code = new URL(answer.headers.get('location') ?? 'http://x/').searchParams.get('code');
  const exchange = new URL(`${sandbox}/${GRAPH_API_VERSION}/oauth/access_token`);
  exchange.search = new URLSearchParams({
    client_id: env.META_APP_ID ?? '',
    client_secret: env.META_APP_SECRET ?? '',
    redirect_uri: redirectUri,
    code: code ?? '',
  }).toString();
  const token = await json<{ access_token: string }>(await fetch(exchange));
  return token.access_token;
};

/**
 * Brings seeded links to where an earlier sync and reconcile run leave them, from what Tandem's own
 * observer reads: sync on; the WhatsApp profile holding the Page's mapping (put through the
 * sandbox's direct-edit route, as a sync would have written it, so no Graph quota is spent); the
 * sync baseline that write leaves; Meta's link and the number's health as a run stores them; the
 * Page's Instagram account; and the drift class in_sync from the run before. Without all of it
 * every link looks drifted and the run measures drift handling, not a quiet run. Answers the
 * sync-state items to write beside the links.
 */
const settle = async (
  links: Link[],
  deps: {
    sandbox: string;
    graph: GraphClient;
    grants: GrantRepository;
    vault: TokenVault;
    now: Date;
  }
): Promise<Record<string, unknown>[]> => {
  const observer = createLinkObserver({
    graph: async () => deps.graph,
    grants: deps.grants,
    vault: deps.vault,
  });
  const observations = new Map<string, Observation>();
  await mapConcurrently(chunksOf(links, 250), 8, async (chunk) => {
    const observed = await observer.observeMany(chunk, {
      dailyChecks: () => true,
      pictures: false,
    });
    for (const [linkId, observation] of observed) observations.set(linkId, observation);
  });
  const at = deps.now.toISOString();
  const earlierRun = newRunId(new Date(deps.now.getTime() - 3_600_000));
  const states: Record<string, unknown>[] = [];
  await mapConcurrently(links, 32, async (link) => {
    const observation = observations.get(link.linkId);
    if (observation?.kind !== 'observed') {
      // A read that failed is left out of observeMany's answer; reading it alone throws its error.
      const again = observation ?? (await observer.observe(link));
      throw new Error(`link ${link.linkId} not observed: ${again.kind}`);
    }
    const mapped = mapPageToProfile(observation.page, SYNC_FIELDS);
    await json(
      await fetch(`${deps.sandbox}/_admin/phone-numbers/${link.phoneNumberId}/profile`, {
        method: 'PATCH',
        body: JSON.stringify(mapped.fields),
        headers: { 'content-type': 'application/json' },
      })
    );
    const facts = whatsappFactsOf(link, observation, deps.now);
    Object.assign(link, {
      sync: { ...link.sync, enabled: true },
      whatsapp: {
        ...(facts.metaLink ? { metaLink: facts.metaLink } : {}),
        ...(facts.health ? { health: facts.health } : {}),
      },
      ...instagramFields(observation.instagram?.account),
      drift: { class: 'in_sync', runId: earlierRun, since: at },
    });
    const record: SyncRecord = {
      tenantId: link.tenantId,
      linkId: link.linkId,
      lastWritten: {
        fields: mapped.fields,
        ...(mapped.picture ? { pictureSha256: mapped.picture.sha256 } : {}),
        pageObservedAt: at,
        writtenAt: at,
      },
      lastObservedAt: at,
      lastSyncAt: at,
      lastResult: {
        at,
        outcome: 'applied',
        trigger: 'enabled',
        changedFields: Object.keys(mapped.fields) as SyncField[],
        notes: mapped.notes,
      },
    };
    states.push({ ...syncStateKey(link.tenantId, link.linkId), kind: 'sync', ...record });
  });
  return states;
};

const measureReconcile = async () => {
  const started = performance.now();
  const system = await startLocalSystem({
    quiet: true,
    scheduleEverySeconds: 0,
    workerConcurrency: WORKERS,
  });
  process.env.LOG_LEVEL = 'silent';
  try {
    const { sandbox, api } = system.urls;
    const db = dynamoDocumentClient();
    instrument(system.tables as unknown as Record<string, string>);

    // 1. The sandbox: one Meta user reaching LINKS Page + WABA + number sets.
    const user = await json<{ userId: string }>(
      await fetch(`${sandbox}/_admin/users`, {
        method: 'POST',
        body: JSON.stringify({ pages: 0, phoneNumbers: 0 }),
        headers: { 'content-type': 'application/json' },
      })
    );
    const seedStart = performance.now();
    const seeded = await json<{
      links: { pageId: string; wabaId: string; phoneNumberId: string }[];
    }>(
      await fetch(`${sandbox}/_admin/seed/bulk`, {
        method: 'POST',
        // Linked Pages as Tandem's linking leaves them: subscribed to the fields sync reads.
        body: JSON.stringify({
          count: LINKS,
          userId: user.userId,
          subscribedFields: PAGE_WEBHOOK_FIELDS,
        }),
        headers: { 'content-type': 'application/json' },
      })
    );
    const seedMs = performance.now() - seedStart;
    const token = await signIn(sandbox, api, system.env, user.userId);

    // 2. DynamoDB Local: a grant per tenant, then the links, straight in the repository's key format.
    const vault = createTokenVault({ TOKEN_KEY_LOCAL: system.env.TOKEN_KEY_LOCAL ?? '' });
    const grants = createGrantRepository(db, system.tables.links);
    const now = new Date().toISOString();
    const tenants = Array.from({ length: TENANTS }, (_, index) => `bench-${index}`);
    for (const tenantId of tenants) {
      const grantId = grantIdFor(tenantId, user.userId);
      await grants.save({
        grantId,
        tenantId,
        metaUserId: user.userId,
        scopes: SCOPES,
        wabaIds: [],
        token: await vault.seal(token, { tenantId, grantId, purpose: 'meta_user_token' }),
        updatedAt: now,
      });
    }
    // Steady state: each link holds its Page token, sealed with its grant's data key, as the first
    // run (or linking) leaves it. Fetched here in batches of 50, as the observer would.
    const pageTokens = new Map<string, string>();
    const graph = createGraphClient({
      baseUrl: system.env.GRAPH_API_BASE_URL ?? sandbox,
      appId: system.env.META_APP_ID ?? '',
      appSecret: system.env.META_APP_SECRET ?? '',
      // The sandbox serves the Pages' pictures, which the observer hashes.
      trustedFetchOrigins: [new URL(sandbox).origin],
    });
    if (!FIRST_RUN) {
      const chunks: string[][] = [];
      for (let index = 0; index < seeded.links.length; index += 50) {
        chunks.push(seeded.links.slice(index, index + 50).map((set) => set.pageId));
      }
      const fetchChunk = async (pageIds: string[]) => {
        const { data } = await graph.batch(
          token,
          pageIds.map((pageId) => ({ method: 'GET', relativeUrl: `${pageId}?fields=access_token` }))
        );
        data.forEach((result, index) => {
          const body = result.ok ? (result.body as { access_token?: string }) : undefined;
          const pageId = pageIds[index];
          if (pageId && body?.access_token) pageTokens.set(pageId, body.access_token);
        });
      };
      for (let index = 0; index < chunks.length; index += 8) {
        await Promise.all(chunks.slice(index, index + 8).map(fetchChunk));
      }
    }
    const writeStart = performance.now();
    const links = seeded.links.map((set, index) => {
      const tenantId = tenants[index % TENANTS] ?? 'bench-0';
      const link: Link = {
        linkId: `lnk_${randomBytes(16).toString('hex')}`,
        tenantId,
        grantId: grantIdFor(tenantId, user.userId),
        metaUserId: user.userId,
        pageId: set.pageId,
        pageName: `Bulk ${set.pageId}`,
        wabaId: set.wabaId,
        phoneNumberId: set.phoneNumberId,
        displayPhoneNumber: displayNumberFor(set.phoneNumberId),
        status: 'active',
        sync: defaultSync(),
        unsupported: UNSUPPORTED_FIELDS,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      return link;
    });
    if (!FIRST_RUN) {
      for (const tenantId of tenants) {
        const grantId = grantIdFor(tenantId, user.userId);
        const grant = await grants.get(tenantId, grantId);
        if (!grant) throw new Error(`no grant ${grantId}`);
        await vault.withKey(
          grant.token,
          { tenantId, grantId, purpose: 'meta_user_token' },
          async (key) => {
            for (const link of links) {
              const pageToken = pageTokens.get(link.pageId);
              if (link.tenantId !== tenantId || !pageToken) continue;
              link.pageToken = key.seal(pageToken, {
                tenantId,
                grantId,
                purpose: 'page_token',
                pageId: link.pageId,
              });
            }
          }
        );
      }
    }
    const syncStates = FIRST_RUN
      ? []
      : await settle(links, {
          sandbox,
          graph,
          grants,
          vault,
          now: new Date(now),
        });
    // The repository's own item layout; written in batches, without its guard transaction, for speed.
    const items = [...links.map(linkItem), ...syncStates];
    await batchWriteAll(
      db,
      system.tables.links,
      items.map((Item) => ({ PutRequest: { Item } }))
    );
    const writeMs = performance.now() - writeStart;

    // 3. One scheduled run, measured from start to completion.
    await fetch(`${sandbox}/_admin/requests`, { method: 'DELETE' });
    const before = system.invocations();
    metering = true;
    const runStart = performance.now();
    const result = (await system.scheduler.runNow()) as { status: string; runId: string };
    if (result.status !== 'started')
      throw new Error(`run did not start: ${JSON.stringify(result)}`);
    let summary: Record<string, unknown> | undefined;
    for (;;) {
      const stored = await db.send(
        new GetCommand({
          TableName: system.tables.driftReports,
          Key: { pk: `RUN#${result.runId}`, sk: 'SUMMARY' },
          ConsistentRead: true,
        })
      );
      summary = stored.Item;
      if (summary?.status !== 'running') break;
      await new Promise((done) => setTimeout(done, 500));
    }
    const runMs = performance.now() - runStart;
    metering = false;
    const after = system.invocations();

    // 4. What it cost.
    const log = await json<{ requests: { path: string; batch?: unknown[] }[] }>(
      await fetch(`${sandbox}/_admin/requests`)
    );
    const graphRequests = log.requests.filter((entry) => !entry.path.startsWith('/_admin'));
    const graphOperations = graphRequests.reduce(
      (sum, entry) => sum + (entry.batch ? entry.batch.length : 1),
      0
    );
    let groups = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({
          TableName: system.tables.driftReports,
          FilterExpression: 'begins_with(pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': `RUN#${result.runId}#TENANT#` },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        })
      );
      groups += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);

    const checked = Number(summary?.linksChecked ?? 0);
    const delta = (fn: 'worker' | 'reconciler') => ({
      count: (after[fn]?.count ?? 0) - (before[fn]?.count ?? 0),
      ms: (after[fn]?.totalMs ?? 0) - (before[fn]?.totalMs ?? 0),
    });
    const worker = delta('worker');
    const reconciler = delta('reconciler');
    const gbSeconds =
      (worker.ms / 1000) * (functions.worker.memoryMb / 1024) +
      (reconciler.ms / 1000) * (functions.reconciler.memoryMb / 1024);
    const invocations = worker.count + reconciler.count;
    // The poller's receives and deletes are not on the functions' client: one ReceiveMessage and one
    // DeleteMessageBatch per worker invocation, as the event source mapping does for a non-empty batch.
    const sqsRequests = meter.sqs.chunks + 2 * worker.count;
    const scale = 1_000_000 / Math.max(1, checked);
    const perMillion = {
      lambda: (gbSeconds * PRICE.lambdaGbSecondArm + invocations * PRICE.lambdaRequest) * scale,
      sqs: sqsRequests * PRICE.sqsRequest * scale,
      dynamodbReads: meter.ddb.rcu * PRICE.ddbRead * scale,
      dynamodbWrites: meter.ddb.wcu * PRICE.ddbWrite * scale,
      // Not measured locally (no KMS): one Decrypt per grant group per page, the token vault has no cache.
      kmsEstimate: groups * PRICE.kmsRequest * scale,
    };
    const totalPerMillion = Object.values(perMillion).reduce((sum, value) => sum + value, 0);
    const results = {
      links: LINKS,
      seededAs: FIRST_RUN ? 'first run after a deploy' : 'steady state',
      tenants: TENANTS,
      workerConcurrency: WORKERS,
      runId: result.runId,
      status: summary?.status,
      linksChecked: checked,
      drift: summary?.drift,
      errors: summary?.errors,
      dailyChecks: summary?.dailyChecks,
      pagesDone: summary?.pagesDone,
      seedSandboxMs: Math.round(seedMs),
      writeLinksMs: Math.round(writeMs),
      runMs: Math.round(runMs),
      linksPerSecond: Math.round(checked / (runMs / 1000)),
      graphOperationsPerLink: graphOperations / Math.max(1, checked),
      // The health reads of the links whose daily check fell in this run (1/24 of them hourly).
      dailyCheckCallsPerLink: Number(summary?.dailyChecks ?? 0) / Math.max(1, checked),
      // What every run costs whatever the slot: the Page (with Meta's link) and the profile.
      steadyCallsPerLink:
        (graphOperations - Number(summary?.dailyChecks ?? 0)) / Math.max(1, checked),
      graphRoundTripsPerLink: graphRequests.length / Math.max(1, checked),
      measured: {
        workerInvocations: worker.count,
        workerHandlerSeconds: worker.ms / 1000,
        reconcilerInvocations: reconciler.count,
        gbSeconds,
        sqsRequestsFromFunctions: meter.sqs.requests,
        sqsMessagesSent: meter.sqs.messages,
        sqsBilledRequests: sqsRequests,
        dynamodbCalls: meter.ddb.calls,
        dynamodbCapacityReports: meter.ddb.reported,
        dynamodbRRU: meter.ddb.rcu,
        dynamodbWRU: meter.ddb.wcu,
        grantGroups: groups,
        writesByKind: Object.fromEntries(
          Object.entries(meter.writes)
            .sort(([, a], [, b]) => b.wru - a.wru)
            .map(([kind, entry]) => [
              kind,
              { items: entry.items, wru: Number(entry.wru.toFixed(1)) },
            ])
        ),
      },
      costPerMillionUsd: Object.fromEntries(
        Object.entries({ ...perMillion, total: totalPerMillion }).map(([key, value]) => [
          key,
          Number(value.toFixed(4)),
        ])
      ),
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
    saveResults('reconcile', results);
    return results;
  } finally {
    await system.stop();
  }
};

export { measureReconcile };
