import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { drain, failureOf } from '../../helpers/queues.js';
import { admin } from '../../helpers/sandbox.js';
import { api, eventually, useSystem } from '../../helpers/system.js';
import { type LinkJson, linkThroughApi, restoreDemoUser } from '../linking/journey.js';

/**
 * Set-up and probes for the sync integration tests: a linked Page and number per test (a fresh
 * sandbox user, linked through the API with the sandbox's OAuth dialog), the sandbox's admin API to
 * play the business owner, and Meta-style signed webhooks.
 */

interface Profile {
  about?: string;
  description?: string;
  address?: string;
  email?: string;
  websites?: string[];
  vertical?: string;
  profilePictureUrl?: string;
}

const profileOf = async (phoneNumberId: string): Promise<Profile> =>
  (await admin<{ profile: Profile }>('GET', `/phone-numbers/${phoneNumberId}`)).profile;

/** The owner edits the Page on Facebook; Meta sends its signed webhook (awaited). */
const editPage = (pageId: string, patch: Record<string, unknown>) =>
  admin('PATCH', `/pages/${pageId}?wait=true`, patch);

/** Someone edits the WhatsApp profile directly (WhatsApp Manager): no webhook. */
const editWhatsApp = (phoneNumberId: string, patch: Record<string, unknown>) =>
  admin('PATCH', `/phone-numbers/${phoneNumberId}/profile`, patch);

const addFault = (fault: Record<string, unknown>) => admin('POST', '/faults', fault);
const clearFaults = () => admin('DELETE', '/faults');

interface GraphRequestLog {
  method: string;
  path: string;
  status: number;
  time: string;
  /** false for a call the sandbox applied but did not answer (the `loseAnswer` fault). */
  answered?: false;
}

/** Profile writes the sandbox received for a number. */
const profileWrites = async (phoneNumberId: string): Promise<GraphRequestLog[]> =>
  (await admin<{ requests: GraphRequestLog[] }>('GET', '/requests')).requests.filter(
    (request) =>
      request.method === 'POST' && request.path === `/${phoneNumberId}/whatsapp_business_profile`
  );

/** A Page webhook body as Meta sends it, signed with the app secret like Meta does. */
const signedWebhook = (
  pageId: string,
  options: { time?: number; field?: string; secret?: string; value?: unknown } = {}
) => {
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: pageId,
        time: options.time ?? Math.floor(Date.now() / 1000),
        changes: [
          { field: options.field ?? 'description', value: options.value ?? { verb: 'edited' } },
        ],
      },
    ],
  });
  const secret = options.secret ?? useSystem().env.META_APP_SECRET ?? '';
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return { body, signature };
};

const postWebhook = (webhook: { body: string; signature?: string }) =>
  api('/webhooks/meta', {
    method: 'POST',
    body: webhook.body,
    headers: {
      'content-type': 'application/json',
      ...(webhook.signature ? { 'x-hub-signature-256': webhook.signature } : {}),
    },
  });

interface SyncStatus {
  linkId: string;
  enabled: boolean;
  fields: Record<string, boolean>;
  status: 'active' | 'paused';
  pause: { reason: string; since: string; details?: Record<string, unknown> } | null;
  lastSyncAt: string | null;
  lastResult: {
    at: string;
    outcome: string;
    trigger: string;
    changedFields: string[];
    notes: { field: string; kind: string; message: string }[];
    reason?: string;
    picture?: { outcome: 'applied' | 'failed'; reason?: string };
  } | null;
  notes: { field: string; kind: string; message: string }[];
  unsupported: { field: string; reason: string }[];
}

const syncStatus = async (tenant: string, linkId: string): Promise<SyncStatus> => {
  const response = await api(`/links/${linkId}/sync`, { tenant });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SyncStatus;
};

/**
 * Links a fresh sandbox user's first Page and number in `tenant`, with sync on unless told. Turning
 * sync on runs a first sync: it is waited for, so a test's own edits and faults meet a settled link
 * and never race that sync.
 */
const linkWithSync = async (tenant: string, options: { enabled?: boolean } = {}) => {
  const linked = await linkThroughApi(tenant);
  await restoreDemoUser();
  let link: LinkJson = linked.link;
  if (options.enabled !== false) {
    const response = await api(`/links/${link.linkId}`, {
      tenant,
      method: 'PATCH',
      body: { sync: { enabled: true } },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    link = (await response.json()) as LinkJson;
    await eventually(async () =>
      expect((await syncStatus(tenant, link.linkId)).lastResult).toMatchObject({
        trigger: 'enabled',
        outcome: expect.stringMatching(/^(applied|noop)$/),
      })
    );
  }
  return { ...linked, link, pageId: link.pageId, phoneNumberId: link.phoneNumberId };
};

/** Dead letters of this link (read and hidden for a minute, so each is seen once). */
const deadLettersOf = async (linkId: string) =>
  (await drain(useSystem().queues.dlqUrl))
    .filter((message) => message.Body?.includes(linkId))
    .map((message) => ({ body: JSON.parse(message.Body ?? '{}'), ...failureOf(message) }));

export type { Profile, SyncStatus };
export {
  addFault,
  admin,
  clearFaults,
  deadLettersOf,
  editPage,
  editWhatsApp,
  linkWithSync,
  postWebhook,
  profileOf,
  profileWrites,
  signedWebhook,
  syncStatus,
};
