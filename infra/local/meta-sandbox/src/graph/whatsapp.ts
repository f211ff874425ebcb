import { callerUser, requirePermission } from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { GraphError, invalidParameter, nonexistingField, unsupportedGet } from '../graph-error.js';
import type { PhoneNumber, Waba, WhatsAppProfile } from '../store.js';
import { analyticsField, pricingAnalytics } from './analytics.js';
import { jsonParam, paginate, requestedFields, selectFields } from './common.js';
import { checkProfileUpdate } from './profile-validation.js';

/**
 * The WhatsApp Business Management endpoints Tandem uses, answering the shapes of Meta's v23.0
 * OpenAPI spec (and, for the business profile, the docs' shape by default).
 */

const WABA_DEFAULTS = ['name', 'timezone_id', 'message_template_namespace'];
const PHONE_DEFAULTS = [
  'verified_name',
  'code_verification_status',
  'display_phone_number',
  'quality_rating',
  'status',
];
const PROFILE_FIELDS = [
  'about',
  'address',
  'description',
  'email',
  'profile_picture_url',
  'websites',
  'vertical',
  'messaging_product',
];

/**
 * A handle the profile cannot use: the spec documents it as 422 (its example: "The profile picture
 * handle is invalid or expired"), and WhatsApp errors carry error_data, which Meta advises building
 * handling on.
 */
const unusableHandle = (message: string): GraphError =>
  new GraphError(
    {
      message: `(#100) ${message}`,
      type: 'GraphMethodException',
      code: 100,
      error_data: { messaging_product: 'whatsapp', details: message },
    },
    { status: 422 }
  );

/** The WABA if the caller's grant reaches it; otherwise it does not exist for this caller. */
const reachableWaba = (ctx: GraphCtx, id: string, method = 'get'): Waba => {
  const caller = ctx.caller;
  const waba = ctx.store.wabas.get(id);
  if (!waba || !caller || caller.kind === 'APP') throw unsupportedGet(id, method);
  requirePermission(ctx, 'whatsapp_business_management');
  if (!ctx.store.userCanReachWaba(callerUser(ctx), id)) throw unsupportedGet(id, method);
  ctx.charge('whatsapp_business_management', waba.id);
  return waba;
};

const reachablePhone = (ctx: GraphCtx, id: string, method = 'get'): PhoneNumber => {
  const phone = ctx.store.phoneNumbers.get(id);
  if (!phone) throw unsupportedGet(id, method);
  reachableWaba(ctx, phone.wabaId, method);
  return phone;
};

const wabaNode = (ctx: GraphCtx, waba: Waba): Record<string, unknown> => {
  const owner = ctx.store.businesses.get(waba.ownerBusinessId);
  return {
    id: waba.id,
    name: waba.name,
    currency: waba.currency,
    timezone_id: waba.timezoneId,
    message_template_namespace: `ns_${waba.id}`,
    account_review_status: 'APPROVED',
    business_verification_status: 'VERIFIED',
    country: 'US',
    ownership_type: 'SELF_OWNED',
    on_behalf_of_business_info: owner ? { id: owner.id, name: owner.name } : undefined,
  };
};

/**
 * `health_status` as the health-status guide shows it: the overall `can_send_message` and one entry
 * per node a message goes through (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status).
 * The sandbox's problems sit on the number itself.
 */
const healthNode = (phone: PhoneNumber, wabaId: string): Record<string, unknown> => {
  const health = phone.health ?? { canSendMessage: 'AVAILABLE', errors: [], additionalInfo: [] };
  return {
    can_send_message: health.canSendMessage,
    entities: [
      {
        entity_type: 'PHONE_NUMBER',
        id: phone.id,
        can_send_message: health.canSendMessage,
        ...(health.errors.length > 0 ? { errors: health.errors } : {}),
        ...(health.additionalInfo.length > 0 ? { additional_info: health.additionalInfo } : {}),
      },
      { entity_type: 'WABA', id: wabaId, can_send_message: 'AVAILABLE' },
    ],
  };
};

const phoneNode = (phone: PhoneNumber): Record<string, unknown> => ({
  id: phone.id,
  display_phone_number: phone.displayPhoneNumber,
  verified_name: phone.verifiedName,
  status: 'LINKED',
  quality_rating: 'GREEN',
  country_code: phone.countryCode,
  country_dial_code: phone.countryDialCode,
  code_verification_status: 'VERIFIED',
  name_status: 'APPROVED',
  unified_cert_status: 'APPROVED',
  account_mode: 'LIVE',
  host_platform: 'CLOUD_API',
  platform_type: 'CLOUD_API',
  messaging_limit_tier: 'TIER_1K',
  is_official_business_account: false,
  throughput: { level: 'STANDARD' },
  health_status: healthNode(phone, phone.wabaId),
});

const businessWabas = (ctx: GraphCtx, kind: 'owned' | 'client'): GraphResult => {
  const id = ctx.params.id ?? '';
  const business = ctx.store.businesses.get(id);
  const caller = ctx.caller;
  if (!business || !caller || caller.kind === 'APP') throw unsupportedGet(id);
  if (!callerUser(ctx).businessIds.includes(id)) throw unsupportedGet(id);
  requirePermission(ctx, 'whatsapp_business_management');
  const ids = kind === 'owned' ? business.ownedWabaIds : business.clientWabaIds;
  const render = (wabaId: string): unknown => {
    const waba = ctx.store.wabas.get(wabaId);
    return waba
      ? selectFields(ctx, wabaNode(ctx, waba), WABA_DEFAULTS, 'WhatsAppBusinessAccount')
      : { id: wabaId };
  };
  return { json: paginate(ctx, ids, render) };
};

const readWaba = (ctx: GraphCtx, waba: Waba): GraphResult => {
  reachableWaba(ctx, waba.id);
  const node = { ...wabaNode(ctx, waba), analytics: analyticsField(ctx, waba) };
  return { json: selectFields(ctx, node, WABA_DEFAULTS, 'WhatsAppBusinessAccount') };
};

const readPhone = (ctx: GraphCtx, phone: PhoneNumber): GraphResult => {
  reachablePhone(ctx, phone.id);
  return {
    json: selectFields(ctx, phoneNode(phone), PHONE_DEFAULTS, 'WhatsAppBusinessPhoneNumber'),
  };
};

const phoneNumbers = (ctx: GraphCtx): GraphResult => {
  const waba = reachableWaba(ctx, ctx.params.id ?? '');
  jsonParam(ctx, 'filtering');
  const render = (phoneId: string): unknown => {
    const phone = ctx.store.phoneNumbers.get(phoneId);
    return phone
      ? selectFields(ctx, phoneNode(phone), PHONE_DEFAULTS, 'WhatsAppBusinessPhoneNumber')
      : { id: phoneId };
  };
  return { json: paginate(ctx, waba.phoneNumberIds, render, { maxLimit: 100 }) };
};

const profileView = (profile: WhatsAppProfile): Record<string, unknown> => ({
  about: profile.about,
  address: profile.address,
  description: profile.description,
  email: profile.email,
  profile_picture_url: profile.profilePictureUrl,
  websites: profile.websites,
  vertical: profile.vertical,
  messaging_product: 'whatsapp',
});

/** The docs answer fields directly in data[0]; the spec nests them in business_profile. */
const readProfile = (ctx: GraphCtx): GraphResult => {
  const phone = reachablePhone(ctx, ctx.params.id ?? '');
  const fields = requestedFields(ctx) ?? PROFILE_FIELDS;
  const view = profileView(phone.profile);
  const picked: Record<string, unknown> = { messaging_product: 'whatsapp' };
  for (const field of fields) {
    if (!PROFILE_FIELDS.includes(field)) throw nonexistingField(field, 'WhatsAppBusinessProfile');
    if (view[field] !== undefined) picked[field] = view[field];
  }
  const item = ctx.store.settings.profileShape === 'spec' ? { business_profile: picked } : picked;
  return { json: { data: [item] } };
};

const CONTROL_PARAMS = new Set(['access_token', 'appsecret_proof', 'method']);

const profileBody = (ctx: GraphCtx): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(ctx.req.params)) {
    if (!CONTROL_PARAMS.has(key))
      body[key] = key === 'websites' ? jsonParam(ctx, key) : ctx.req.params[key];
  }
  return body;
};

/** The URL a completed upload is served at, once a profile uses its handle. */
const uploadedPictureUrl = (ctx: GraphCtx, handle: string): string => {
  const sessionId = ctx.store.handles.get(handle);
  const session = sessionId ? ctx.store.uploads.get(sessionId) : undefined;
  if (!session || session.offset < session.fileLength) {
    throw unusableHandle('The profile picture handle is invalid or expired');
  }
  if (!['image/jpeg', 'image/jpg', 'image/png'].includes(session.fileType)) {
    throw unusableHandle('The profile picture must be a JPEG or PNG image');
  }
  return `${ctx.baseUrl()}/_media/uploads/${session.id}`;
};

const updateProfile = (ctx: GraphCtx): GraphResult => {
  const phone = reachablePhone(ctx, ctx.params.id ?? '', 'post');
  // The body was checked against Meta's spec before the route ran; this reads it.
  const check = checkProfileUpdate(profileBody(ctx));
  if (!check.ok) throw invalidParameter(check.message);
  const { fields, pictureHandle } = check.update;
  const pictureUrl = pictureHandle ? uploadedPictureUrl(ctx, pictureHandle) : undefined;
  phone.profile = {
    ...phone.profile,
    ...fields,
    ...(pictureUrl ? { profilePictureUrl: pictureUrl } : {}),
  };
  return { json: { success: true } };
};

/**
 * WABA webhook subscriptions (spec `/{WABA-ID}/subscribed_apps`): remembered, since only a
 * subscribed WABA's webhooks are delivered (deliverWabaChange).
 */
const wabaSubscription = (ctx: GraphCtx): GraphResult => {
  const waba = reachableWaba(ctx, ctx.params.id ?? '', ctx.req.method.toLowerCase());
  if (ctx.req.method === 'GET') {
    const data = waba.subscribed
      ? [{ whatsapp_business_api_data: { id: ctx.config.appId, name: 'Tandem' } }]
      : [];
    return { json: { data } };
  }
  waba.subscribed = ctx.req.method === 'POST';
  return { json: { success: true } };
};

const whatsappRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/:id/owned_whatsapp_business_accounts',
    auth: 'token',
    handle: (ctx) => businessWabas(ctx, 'owned'),
  },
  {
    method: 'GET',
    pattern: '/:id/client_whatsapp_business_accounts',
    auth: 'token',
    handle: (ctx) => businessWabas(ctx, 'client'),
  },
  {
    method: 'GET',
    pattern: '/:id/phone_numbers',
    auth: 'token',
    handle: phoneNumbers,
  },
  {
    method: 'GET',
    pattern: '/:id/pricing_analytics',
    auth: 'token',
    handle: (ctx) => pricingAnalytics(ctx, reachableWaba(ctx, ctx.params.id ?? '')),
  },
  {
    method: 'GET',
    pattern: '/:id/whatsapp_business_profile',
    auth: 'token',
    handle: readProfile,
  },
  {
    method: 'POST',
    pattern: '/:id/whatsapp_business_profile',
    auth: 'token',
    handle: updateProfile,
  },
];

export { readPhone, readWaba, wabaSubscription, whatsappRoutes };
