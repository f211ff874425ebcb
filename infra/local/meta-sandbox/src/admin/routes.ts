import * as z from 'zod';
import { grantOf, nowSeconds } from '../auth.js';
import { callMetaCallback } from '../callbacks.js';
import type { Services } from '../context.js';
import { faultInput } from '../faults.js';
import { checkProfileUpdate } from '../graph/profile-validation.js';
import { outageInput, SURFACES, type Surface } from '../outages.js';
import { createUser, seedBulk } from '../seed.js';
import { deliverPageChange, deliverWabaChange, verifyCallback } from '../webhooks.js';
import { applyPagePatch, pagePatch } from './pages.js';
import { pageView, phoneView, stateView } from './views.js';

/**
 * The sandbox's control panel under /_admin (loopback only): inspect and reset state, play the
 * business owner editing their Page or WhatsApp profile, inject faults, drive webhooks and callbacks.
 */

interface AdminCtx extends Services {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  reset: () => void;
}

interface AdminResult {
  status?: number;
  json: unknown;
}

interface AdminRoute {
  method: string;
  pattern: string;
  handle: (ctx: AdminCtx) => AdminResult | Promise<AdminResult>;
}

class AdminInputError extends Error {}

const parse = <T extends z.ZodType>(schema: T, body: unknown): z.infer<T> => {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new AdminInputError(z.prettifyError(result.error));
  return result.data;
};

const notFound = (what: string): AdminResult => ({
  status: 404,
  json: { error: `${what} not found` },
});

const patchPage = (ctx: AdminCtx): AdminResult | Promise<AdminResult> => {
  const page = ctx.store.pages.get(ctx.params.id ?? '');
  if (!page) return notFound('Page');
  const changes = applyPagePatch(page, parse(pagePatch, ctx.body));
  const sending = Promise.all(
    changes.map((change) => deliverPageChange(ctx, page.id, change.field, change.value))
  );
  // Meta sends only what the app subscribed the Page to (see deliverPageChange).
  const webhooks = changes
    .map((change) => change.field)
    .filter((field) => page.subscribedFields.includes(field));
  if (ctx.query.get('wait') !== 'true') {
    sending.catch((error: unknown) => ctx.config.log(`sandbox: webhook failed ${String(error)}`));
    return { json: { page: pageView(page), webhooks } };
  }
  return sending.then((deliveries) => ({
    json: { page: pageView(page), webhooks, deliveries: deliveries.flat() },
  }));
};

const profilePatch = z.object({ profile_picture_url: z.string().url().optional() }).loose();

/** A direct edit in WhatsApp Manager or the Business app: same limits, and no webhook at all. */
const patchProfile = (ctx: AdminCtx): AdminResult => {
  const phone = ctx.store.phoneNumbers.get(ctx.params.id ?? '');
  if (!phone) return notFound('Phone number');
  const { profile_picture_url: pictureUrl, ...rest } = parse(profilePatch, ctx.body);
  const check = checkProfileUpdate({ ...rest, messaging_product: 'whatsapp' });
  if (!check.ok) return { status: 400, json: { error: check.message } };
  phone.profile = {
    ...phone.profile,
    ...check.update.fields,
    ...(pictureUrl ? { profilePictureUrl: pictureUrl } : {}),
  };
  return { json: phoneView(phone) };
};

const expireInput = z.object({ userId: z.string().optional(), token: z.string().optional() });

const expireTokens = (ctx: AdminCtx): AdminResult => {
  const { userId, token } = parse(expireInput, ctx.body);
  if (!userId && !token) return { status: 400, json: { error: 'Give userId or token' } };
  let expired = 0;
  for (const stored of ctx.store.tokens.values()) {
    if (stored.value === token || stored.userId === userId) {
      stored.expiresAt = nowSeconds() - 1;
      expired += 1;
    }
  }
  return { json: { expired } };
};

const settingsInput = z.strictObject({
  appType: z.enum(['business', 'classic']).optional(),
  requireAppsecretProof: z.boolean().optional(),
  profileShape: z.enum(['docs', 'spec']).optional(),
  appCallBudgetPerHour: z.number().int().positive().optional(),
  userCallBudgetPerHour: z.number().int().positive().optional(),
  pageCallBudgetPerHour: z.number().int().positive().optional(),
  wabaCallBudgetPerHour: z.number().int().positive().optional(),
  adsCallBudgetPerHour: z.number().int().positive().optional(),
  webhookRetries: z.number().int().min(0).max(10).optional(),
  webhookBackoffMs: z.number().int().min(0).max(60_000).optional(),
  igQuotaTotal: z.number().int().min(0).optional(),
  igQuotaDurationSeconds: z.number().int().positive().optional(),
  igContainerReadsUntilFinished: z.number().int().min(0).max(100).optional(),
  dialogUserId: z.string().optional(),
  /** Starts every usage window afresh. */
  resetUsage: z.boolean().optional(),
});

const updateSettings = (ctx: AdminCtx): AdminResult => {
  const { resetUsage, ...changes } = parse(settingsInput, ctx.body);
  Object.assign(ctx.store.settings, changes);
  if (resetUsage) ctx.usage.reset();
  return { json: ctx.store.settings };
};

const webhookConfig = z.object({ callbackUrl: z.string().url(), verifyToken: z.string() });

const deliverInput = z.object({
  pageId: z.string(),
  field: z.string(),
  value: z.unknown().optional(),
  forgeSignature: z.boolean().optional(),
  duplicate: z.boolean().optional(),
});

const deliver = async (ctx: AdminCtx): Promise<AdminResult> => {
  const input = parse(deliverInput, ctx.body);
  if (!ctx.config.webhook)
    return { status: 409, json: { error: 'No webhook callback configured' } };
  const value = input.value ?? { page_id: input.pageId, verb: 'edited' };
  const deliveries = await deliverPageChange(ctx, input.pageId, input.field, value, {
    ...(input.forgeSignature ? { forgeSignature: true } : {}),
    ...(input.duplicate ? { duplicate: true } : {}),
  });
  const subscribed = ctx.store.pages.get(input.pageId)?.subscribedFields ?? [];
  return {
    json: {
      deliveries,
      ...(subscribed.includes(input.field)
        ? {}
        : {
            notSent: `The app has not subscribed Page ${input.pageId} to ${input.field} (subscribed: ${subscribed.join(', ') || 'nothing'}).`,
          }),
    },
  };
};

/**
 * The WhatsApp side, played by the business or by Meta: a WABA webhook of any field (unknown ones
 * included), a coexistence number disconnected from or reconnected to the Cloud API, an alert, the
 * number's health. Payload shapes follow Meta's webhook references
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update,
 * .../account_alerts); nothing is delivered for a WABA the app has not subscribed to.
 */
const wabaWebhookInput = z.object({
  field: z.string().min(1),
  value: z.unknown(),
  forgeSignature: z.boolean().optional(),
});

const sendWaba = async (ctx: AdminCtx, field: string, value: unknown, forge?: boolean) => {
  const waba = ctx.store.wabas.get(ctx.params.id ?? '');
  if (!waba) return notFound('WABA');
  const deliveries = await deliverWabaChange(ctx, waba.id, field, value, {
    ...(forge ? { forgeSignature: true } : {}),
  });
  return {
    json: {
      subscribed: waba.subscribed === true,
      deliveries: deliveries.map(({ id, status, attempts, delivered }) => ({
        id,
        status,
        attempts,
        delivered,
      })),
    },
  };
};

const disconnectInput = z.object({
  /** Meta's disconnection_info.reason, e.g. PRIMARY_INACTIVITY, USER_RE_REGISTERED, NUMBER_CHANGED. */
  reason: z.string().default('PRIMARY_INACTIVITY'),
  initiatedBy: z.enum(['USER', 'SYSTEM']).default('SYSTEM'),
});

const alertInput = z.object({
  alert_type: z.string().default('PROFILE_PICTURE_LOST'),
  alert_severity: z.string().default('WARNING'),
  alert_status: z.string().default('ACTIVE'),
  alert_description: z.string().default('The business profile photo was removed.'),
  /** The number the alert is about; absent: the WABA. */
  phoneNumberId: z.string().optional(),
});

const healthInput = z.object({
  can_send_message: z.enum(['AVAILABLE', 'LIMITED', 'BLOCKED']),
  errors: z
    .array(
      z.object({
        error_code: z.number().int(),
        error_description: z.string(),
        possible_solution: z.string(),
      })
    )
    .default([]),
  additional_info: z.array(z.string()).default([]),
});

const setHealth = (ctx: AdminCtx): AdminResult => {
  const phone = ctx.store.phoneNumbers.get(ctx.params.id ?? '');
  if (!phone) return notFound('Phone number');
  const input = parse(healthInput, ctx.body);
  phone.health = {
    canSendMessage: input.can_send_message,
    errors: input.errors,
    additionalInfo: input.additional_info,
  };
  return { json: phoneView(phone) };
};

const forgeInput = z.object({ forgeSignature: z.boolean().optional() });

/** The user removes the app: their tokens stop working and Meta calls the deauthorize URL. */
const deauthorize = async (ctx: AdminCtx): Promise<AdminResult> => {
  const userId = ctx.params.id ?? '';
  if (!ctx.store.users.has(userId)) return notFound('User');
  const grant = grantOf(ctx.store, userId);
  grant.authorized = false;
  grant.permissions.clear();
  const { forgeSignature } = parse(forgeInput, ctx.body);
  return {
    json: await callMetaCallback(
      ctx,
      'deauthorize',
      userId,
      forgeSignature ? { forgeSignature } : {}
    ),
  };
};

const dataDeletion = async (ctx: AdminCtx): Promise<AdminResult> => {
  const userId = ctx.params.id ?? '';
  if (!ctx.store.users.has(userId)) return notFound('User');
  const { forgeSignature } = parse(forgeInput, ctx.body);
  return {
    json: await callMetaCallback(
      ctx,
      'dataDeletion',
      userId,
      forgeSignature ? { forgeSignature } : {}
    ),
  };
};

const configurationInput = z.object({
  name: z.string().default('Test configuration'),
  permissions: z.array(z.string()).min(1),
});

/** Saves a Facebook Login for Business configuration, as the App Dashboard does; answers its id. */
const addConfiguration = (ctx: AdminCtx): AdminResult => {
  const { name, permissions } = parse(configurationInput, ctx.body);
  const id = ctx.store.newId('9');
  ctx.store.loginConfigurations.set(id, { id, name, permissions });
  return { status: 201, json: { id, name, permissions } };
};

const roleInput = z.object({ role: z.enum(['administrator', 'developer', 'tester']).nullable() });

/** Gives a person a role on the app (App Dashboard > App roles), or takes it away with null. */
const setAppRole = (ctx: AdminCtx): AdminResult => {
  const userId = ctx.params.id ?? '';
  if (!ctx.store.users.has(userId)) return notFound('User');
  const { role } = parse(roleInput, ctx.body);
  if (role) ctx.store.appRoles.set(userId, role);
  else ctx.store.appRoles.delete(userId);
  return { json: { userId, role } };
};

const newUserInput = z.object({
  name: z.string().optional(),
  pages: z.number().int().min(0).max(100).optional(),
  phoneNumbers: z.number().int().min(0).max(100).optional(),
  linkFirstPage: z.boolean().optional(),
  instagram: z.boolean().optional(),
  adAccount: z.boolean().optional(),
  partnerCreditLine: z.boolean().optional(),
});

const bulkInput = z.object({
  count: z.number().int().min(1).max(1_000_000),
  userId: z.string().optional(),
  includeLinks: z.boolean().optional(),
  /** The Page webhook fields the app has subscribed the new Pages to (as linking does). */
  subscribedFields: z.array(z.string().min(1)).optional(),
});

const bulkSeed = (ctx: AdminCtx): AdminResult => {
  const { count, userId, includeLinks, subscribedFields } = parse(bulkInput, ctx.body);
  const links = seedBulk(ctx.store, count, userId, subscribedFields);
  return { json: { created: links.length, ...(includeLinks === false ? {} : { links }) } };
};

const adminRoutes: AdminRoute[] = [
  { method: 'GET', pattern: '/_admin/state', handle: (ctx) => ({ json: stateView(ctx.store) }) },
  {
    method: 'POST',
    pattern: '/_admin/reset',
    handle: (ctx) => {
      ctx.reset();
      return { json: { reset: true } };
    },
  },
  {
    method: 'GET',
    pattern: '/_admin/pages/:id',
    handle: (ctx) => {
      const page = ctx.store.pages.get(ctx.params.id ?? '');
      return page ? { json: pageView(page) } : notFound('Page');
    },
  },
  { method: 'PATCH', pattern: '/_admin/pages/:id', handle: patchPage },
  {
    method: 'GET',
    pattern: '/_admin/instagram/:id',
    handle: (ctx) => {
      const ig = ctx.store.igUsers.get(ctx.params.id ?? '');
      return ig ? { json: ig } : notFound('Instagram account');
    },
  },
  {
    method: 'GET',
    pattern: '/_admin/pages/:id/stories',
    handle: (ctx) => ({
      json: {
        stories: [
          ...[...ctx.store.pagePhotos.values()]
            .filter((photo) => photo.pageId === ctx.params.id && photo.storyPostId)
            .map((photo) => ({ postId: photo.storyPostId, photoId: photo.id })),
          ...[...ctx.store.pageVideos.values()]
            .filter((video) => video.pageId === ctx.params.id && video.storyPostId)
            .map((video) => ({ postId: video.storyPostId, videoId: video.id })),
        ],
      },
    }),
  },
  {
    method: 'GET',
    pattern: '/_admin/phone-numbers/:id',
    handle: (ctx) => {
      const phone = ctx.store.phoneNumbers.get(ctx.params.id ?? '');
      return phone ? { json: phoneView(phone) } : notFound('Phone number');
    },
  },
  { method: 'PATCH', pattern: '/_admin/phone-numbers/:id/profile', handle: patchProfile },
  {
    method: 'GET',
    pattern: '/_admin/faults',
    handle: (ctx) => ({ json: { faults: ctx.faults.list() } }),
  },
  {
    method: 'POST',
    pattern: '/_admin/faults',
    handle: (ctx) => {
      const fault = ctx.faults.add(parse(faultInput, ctx.body));
      const { pathPattern: _pattern, ...view } = fault;
      return { status: 201, json: view };
    },
  },
  {
    method: 'DELETE',
    pattern: '/_admin/faults',
    handle: (ctx) => {
      ctx.faults.clear();
      return { json: { cleared: true } };
    },
  },
  {
    method: 'GET',
    pattern: '/_admin/outages',
    handle: (ctx) => ({ json: { outages: ctx.outages.list() } }),
  },
  {
    // Takes one Meta surface down: its calls answer Meta's transient error until it is brought back.
    method: 'POST',
    pattern: '/_admin/outages',
    handle: (ctx) => {
      const input = parse(outageInput, ctx.body);
      ctx.outages.start(input);
      return { status: 201, json: { outages: ctx.outages.list() } };
    },
  },
  {
    method: 'DELETE',
    pattern: '/_admin/outages/:surface',
    handle: (ctx) => {
      const surface = ctx.params.surface ?? '';
      if (!(SURFACES as readonly string[]).includes(surface)) return notFound('Surface');
      ctx.outages.end(surface as Surface);
      return { json: { outages: ctx.outages.list() } };
    },
  },
  { method: 'POST', pattern: '/_admin/tokens/expire', handle: expireTokens },
  { method: 'GET', pattern: '/_admin/settings', handle: (ctx) => ({ json: ctx.store.settings }) },
  { method: 'POST', pattern: '/_admin/settings', handle: updateSettings },
  {
    method: 'GET',
    pattern: '/_admin/requests',
    handle: (ctx) => ({ json: { requests: ctx.store.requests } }),
  },
  {
    method: 'DELETE',
    pattern: '/_admin/requests',
    handle: (ctx) => {
      ctx.store.requests = [];
      return { json: { cleared: true } };
    },
  },
  {
    method: 'POST',
    pattern: '/_admin/webhooks/config',
    handle: (ctx) => {
      ctx.config.webhook = parse(webhookConfig, ctx.body);
      return { json: ctx.config.webhook };
    },
  },
  { method: 'POST', pattern: '/_admin/webhooks/deliver', handle: deliver },
  {
    method: 'POST',
    pattern: '/_admin/wabas/:id/webhooks',
    handle: (ctx) => {
      const input = parse(wabaWebhookInput, ctx.body);
      return sendWaba(ctx, input.field, input.value, input.forgeSignature);
    },
  },
  {
    method: 'POST',
    pattern: '/_admin/wabas/:id/disconnect',
    handle: (ctx) => {
      const input = parse(disconnectInput, ctx.body);
      return sendWaba(ctx, 'account_update', {
        event: 'ACCOUNT_OFFBOARDED',
        disconnection_info: { reason: input.reason, initiated_by: input.initiatedBy },
      });
    },
  },
  {
    method: 'POST',
    pattern: '/_admin/wabas/:id/reconnect',
    handle: (ctx) => sendWaba(ctx, 'account_update', { event: 'ACCOUNT_RECONNECTED' }),
  },
  {
    method: 'POST',
    pattern: '/_admin/wabas/:id/alerts',
    handle: (ctx) => {
      const { phoneNumberId, ...alert } = parse(alertInput, ctx.body);
      return sendWaba(ctx, 'account_alerts', {
        entity_type: phoneNumberId ? 'PHONE_NUMBER' : 'WABA',
        entity_id: phoneNumberId ?? ctx.params.id,
        alert_info: alert,
      });
    },
  },
  { method: 'PUT', pattern: '/_admin/phone-numbers/:id/health', handle: setHealth },
  {
    method: 'GET',
    pattern: '/_admin/webhooks/deliveries',
    handle: (ctx) => ({ json: { deliveries: ctx.store.deliveries } }),
  },
  {
    method: 'DELETE',
    pattern: '/_admin/webhooks/deliveries',
    handle: (ctx) => {
      ctx.store.deliveries = [];
      return { json: { cleared: true } };
    },
  },
  {
    method: 'POST',
    pattern: '/_admin/webhooks/verify',
    handle: async (ctx) => {
      const { verifyToken } = parse(z.object({ verifyToken: z.string().optional() }), ctx.body);
      return { json: await verifyCallback(ctx, verifyToken) };
    },
  },
  { method: 'POST', pattern: '/_admin/users/:id/deauthorize', handle: deauthorize },
  { method: 'POST', pattern: '/_admin/users/:id/data-deletion', handle: dataDeletion },
  {
    method: 'POST',
    pattern: '/_admin/users',
    handle: (ctx) => ({ status: 201, json: createUser(ctx.store, parse(newUserInput, ctx.body)) }),
  },
  { method: 'POST', pattern: '/_admin/seed/bulk', handle: bulkSeed },
  {
    method: 'GET',
    pattern: '/_admin/login-configurations',
    handle: (ctx) => ({ json: { configurations: [...ctx.store.loginConfigurations.values()] } }),
  },
  { method: 'POST', pattern: '/_admin/login-configurations', handle: addConfiguration },
  { method: 'PUT', pattern: '/_admin/users/:id/app-role', handle: setAppRole },
];

export type { AdminCtx, AdminResult };
export { AdminInputError, adminRoutes };
