import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { createLinkRepository } from '../../../functions/adapters/dynamodb/links.js';
import { PAGE_FIELDS } from '../../../functions/adapters/meta/link-observer.js';
import {
  defaultSync,
  type Link,
  PAGE_WEBHOOK_FIELDS,
  SYNC_FIELDS,
} from '../../../functions/core/linking/model.js';
import { mapPageToProfile, type PageSnapshot } from '../../../functions/core/sync/mapping.js';
import { api, awsClients, eventually, useSystem } from '../../helpers/system.js';
import { admin, graph, type Linked, linkedTenant } from '../ads/linked.js';

/**
 * Set-up for the reconcile integration tests: a tenant with one link whose Page and number live in
 * the sandbox (the ads tests' fixture: a fresh Meta user signed in through the sandbox dialog), and
 * helpers to edit either side, to leave a sync baseline as sync does, and to run and read runs.
 */

interface RunBody {
  runId: string;
  status: string;
  scope: string;
  progress: { shardCount: number; shardsDone: number; pagesDone: number };
  counts: {
    linksChecked: number;
    drift: Record<string, number>;
    errors: number;
    syncsEnqueued: number;
  };
  drifted: { linkId: string; class: string }[];
  [key: string]: unknown;
}

interface HistoryBody {
  linkId: string;
  items: {
    runId: string;
    class: string;
    action: string;
    paused: boolean;
    syncEnabled: boolean;
    unsupported: string[];
    fields: {
      field: string;
      side: string;
      page: unknown;
      whatsapp: unknown;
      lastWritten: unknown;
    }[];
  }[];
  nextCursor: string | null;
}

const PICTURE_FIELD = PAGE_FIELDS.find((field) => field.startsWith('picture'));

/** The Page as the LinkObserver reads it, mapped onto a WhatsApp profile as sync would write it. */
const mappedProfileOf = async (linked: Linked) => {
  const fields = PAGE_FIELDS.filter((field) => field !== PICTURE_FIELD).join(',');
  const { body } = await graph<Record<string, unknown>>(
    linked.token,
    `${linked.pageId}?fields=${fields}`
  );
  const categories = [
    body.category,
    ...((body.category_list as { name?: string }[] | undefined) ?? []).map((item) => item.name),
  ].filter((name): name is string => typeof name === 'string' && name !== '');
  const snapshot = {
    pageId: linked.pageId,
    ...body,
    singleLineAddress: body.single_line_address,
    categories: [...new Set(categories)],
  } as PageSnapshot;
  return mapPageToProfile(snapshot, SYNC_FIELDS).fields;
};

/** Makes WhatsApp hold exactly what sync would write for the Page, and records that write. */
const syncByHand = async (linked: Linked) => {
  const profile = await mappedProfileOf(linked);
  await admin('PATCH', `/phone-numbers/${linked.phoneNumberId}/profile`, profile);
  const now = new Date().toISOString();
  // The sync-state item as sync leaves it after a write (TENANT#t / SYNC#linkId, `lastWritten`).
  await awsClients().documents.send(
    new PutCommand({
      TableName: useSystem().tables.links,
      Item: {
        pk: `TENANT#${linked.tenant}`,
        sk: `SYNC#${linked.linkId}`,
        tenantId: linked.tenant,
        linkId: linked.linkId,
        lastWritten: { fields: profile, pageObservedAt: now, writtenAt: now },
      },
    })
  );
  return profile;
};

const setSync = async (linked: Linked, enabled: boolean) => {
  const response = await api(`/links/${linked.linkId}`, {
    tenant: linked.tenant,
    method: 'PATCH',
    body: { sync: { enabled } },
  });
  expect(response.status, await response.clone().text()).toBe(200);
};

/** Pauses the link as sync does after a direct WhatsApp edit (status and reason on the link item). */
const pauseLink = async (linked: Linked) => {
  await awsClients().documents.send(
    new UpdateCommand({
      TableName: useSystem().tables.links,
      Key: { pk: `TENANT#${linked.tenant}`, sk: `LINK#${linked.linkId}` },
      UpdateExpression: 'SET #status = :paused, pause = :pause REMOVE #shard',
      ExpressionAttributeNames: { '#status': 'status', '#shard': 'shard' },
      ExpressionAttributeValues: {
        ':paused': 'paused',
        ':pause': { reason: 'local_override', since: new Date().toISOString() },
      },
    })
  );
};

const startRun = async (tenant: string, body?: unknown) => {
  const response = await api('/reconcile/runs', {
    tenant,
    method: 'POST',
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const readRun = async (tenant: string, runId: string): Promise<RunBody> => {
  const response = await api(`/reconcile/runs/${runId}`, { tenant });
  expect(response.status).toBe(200);
  return (await response.json()) as RunBody;
};

const waitForRun = (tenant: string, runId: string, timeoutMs = 45_000): Promise<RunBody> =>
  eventually(
    async () => {
      const run = await readRun(tenant, runId);
      if (run.status !== 'completed') {
        throw new Error(
          `run ${runId} is ${run.status}: ${JSON.stringify({ progress: run.progress, counts: run.counts })}`
        );
      }
      return run;
    },
    { timeoutMs, intervalMs: 250 }
  );

/** Starts an on-demand run for the tenant and waits for it to complete. */
const reconcileTenant = async (tenant: string, body?: unknown): Promise<RunBody> => {
  const started = await startRun(tenant, body);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return waitForRun(tenant, String(started.body.runId));
};

const history = async (linked: Pick<Linked, 'tenant' | 'linkId'>): Promise<HistoryBody> => {
  const response = await api(`/links/${linked.linkId}/drift`, { tenant: linked.tenant });
  expect(response.status).toBe(200);
  return (await response.json()) as HistoryBody;
};

/**
 * `count` more links for the linked tenant's Meta user: bulk-seeded Pages and numbers in the sandbox,
 * linked with the linking repository (same grant), so one tenant has several pages of links.
 */
const moreLinks = async (linked: Linked, count: number): Promise<Link[]> => {
  const { Item: first } = await awsClients().documents.send(
    new GetCommand({
      TableName: useSystem().tables.links,
      Key: { pk: `TENANT#${linked.tenant}`, sk: `LINK#${linked.linkId}` },
    })
  );
  const userId = String(first?.metaUserId);
  const grantId = String(first?.grantId);
  const state = await admin<{ links: { pageId: string; wabaId: string; phoneNumberId: string }[] }>(
    'POST',
    '/seed/bulk',
    { count, userId, subscribedFields: PAGE_WEBHOOK_FIELDS }
  );
  const repository = createLinkRepository(awsClients().documents, useSystem().tables.links);
  const now = new Date().toISOString();
  const links = state.links.map(
    (set): Link => ({
      linkId: `lnk_${randomBytes(16).toString('hex')}`,
      tenantId: linked.tenant,
      grantId,
      metaUserId: userId,
      pageId: set.pageId,
      pageName: `Bulk ${set.pageId}`,
      wabaId: set.wabaId,
      phoneNumberId: set.phoneNumberId,
      displayPhoneNumber: '+1 555',
      status: 'active',
      sync: defaultSync(),
      unsupported: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
  );
  for (let start = 0; start < links.length; start += 20) {
    await Promise.all(links.slice(start, start + 20).map((link) => repository.create(link)));
  }
  return links;
};

export type { HistoryBody, RunBody };
export {
  history,
  linkedTenant,
  mappedProfileOf,
  moreLinks,
  pauseLink,
  readRun,
  reconcileTenant,
  setSync,
  startRun,
  syncByHand,
  waitForRun,
};
