import { randomInt } from 'node:crypto';
import { hasPermission, issueToken, requirePermission } from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { GraphError, invalidParameter, missingPermission, unsupportedGet } from '../graph-error.js';
import type { Page, Token } from '../store.js';
import { paginate, requestedFields, selectFields, stringParam } from './common.js';
import { targetUser } from './user.js';

const PICTURE_SIZES: Record<string, number> = {
  small: 50,
  square: 50,
  normal: 100,
  album: 200,
  large: 200,
};

/** Where the sandbox serves a Page's picture; the version makes each edit a new URL. */
const pictureUrl = (ctx: GraphCtx, page: Page, size: number): string =>
  `${ctx.baseUrl()}/_media/pages/${page.id}/picture/${page.pictureVersion}.png?size=${size}`;

const pictureData = (ctx: GraphCtx, page: Page, size: number) => ({
  height: size,
  is_silhouette: false,
  url: pictureUrl(ctx, page, size),
  width: size,
});

/**
 * One Page token per user token and Page: a Page token from a long-lived user token never expires,
 * one from a short-lived token dies with it, as Meta documents.
 */
const pageTokenFor = (ctx: GraphCtx, userToken: Token, page: Page): string => {
  const key = `${userToken.value}|${page.id}`;
  const existing = ctx.store.pageTokens.get(key);
  if (existing && ctx.store.tokens.has(existing)) return existing;
  const token = issueToken(ctx.store, {
    kind: 'PAGE',
    userId: userToken.userId,
    pageId: page.id,
    expiresAt: userToken.longLived ? 0 : userToken.expiresAt,
    longLived: userToken.longLived,
  });
  ctx.store.pageTokens.set(key, token.value);
  return token.value;
};

/**
 * The Page's IGUser, expanded as asked (`instagram_business_account{id,username}`). Meta lists
 * instagram_basic (and pages_show_list) for this field
 * (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/page);
 * without it the sandbox refuses the read with #10, like its other permission checks (unverified:
 * the real Graph may leave the field out instead).
 */
const instagramAccount = (ctx: GraphCtx, page: Page): Record<string, unknown> | undefined => {
  if (!requestedFields(ctx)?.includes('instagram_business_account')) return undefined;
  if (!hasPermission(ctx, 'instagram_basic')) throw missingPermission('instagram_basic', 10);
  const igUser = page.instagramAccountId
    ? ctx.store.igUsers.get(page.instagramAccountId)
    : undefined;
  if (!igUser) return undefined;
  const expanded = /instagram_business_account\{([^}]*)\}/.exec(stringParam(ctx, 'fields') ?? '');
  const wants = expanded?.[1]?.split(',').map((field) => field.trim()) ?? [];
  return { id: igUser.id, ...(wants.includes('username') ? { username: igUser.username } : {}) };
};

const pageNode = (ctx: GraphCtx, page: Page): Record<string, unknown> => {
  const caller = ctx.caller;
  // Only mint a Page token when one was asked for: reading a Page must not hand out tokens.
  const wantsToken = requestedFields(ctx)?.includes('access_token') ?? false;
  const token =
    wantsToken && caller?.kind === 'USER' && page.roles.has(caller.userId)
      ? pageTokenFor(ctx, caller.token, page)
      : undefined;
  return {
    id: page.id,
    name: page.name,
    about: page.about,
    description: page.description,
    emails: page.emails.length > 0 ? page.emails : undefined,
    website: page.website,
    phone: page.phone,
    hours: Object.keys(page.hours).length > 0 ? page.hours : undefined,
    single_line_address: page.singleLineAddress,
    location: page.location,
    category: page.category,
    category_list: page.categoryList,
    whatsapp_number: page.whatsappNumber,
    has_whatsapp_number: page.whatsappNumber !== undefined,
    has_whatsapp_business_number: page.whatsappNumber !== undefined,
    link: `https://www.facebook.com/${page.id}`,
    picture: { data: pictureData(ctx, page, 50) },
    is_webhooks_subscribed: page.subscribedFields.length > 0,
    instagram_business_account: instagramAccount(ctx, page),
    access_token: token,
  };
};

/**
 * The Page if this caller may read it: its own Page token, or a user with a role on it and
 * pages_read_engagement. A Page the caller has no role on does not exist, as far as it can tell.
 */
const readablePage = (ctx: GraphCtx, id: string, method = 'get'): Page => {
  const page = ctx.store.pages.get(id);
  const caller = ctx.caller;
  if (!page || !caller || caller.kind === 'APP') throw unsupportedGet(id, method);
  if (caller.kind === 'PAGE') {
    if (caller.pageId !== id) throw unsupportedGet(id, method);
    return page;
  }
  if (!page.roles.has(caller.userId)) throw unsupportedGet(id, method);
  if (!hasPermission(ctx, 'pages_read_engagement')) {
    throw missingPermission('pages_read_engagement', 10);
  }
  return page;
};

const readPage = (ctx: GraphCtx, page: Page): GraphResult => {
  readablePage(ctx, page.id);
  ctx.charge('pages', page.id);
  return { json: selectFields(ctx, pageNode(ctx, page), ['name'], 'Page') };
};

const accounts = (ctx: GraphCtx): GraphResult => {
  const user = targetUser(ctx);
  const caller = ctx.caller;
  if (caller?.kind !== 'USER') {
    throw new GraphError({
      message: '(#100) Tried accessing nonexisting field (accounts) on node type (Page)',
      type: 'OAuthException',
      code: 100,
    });
  }
  requirePermission(ctx, 'pages_show_list', 10);
  const render = (pageId: string): unknown => {
    const page = ctx.store.pages.get(pageId);
    if (!page) return { id: pageId };
    const node = {
      ...pageNode(ctx, page),
      access_token: pageTokenFor(ctx, caller.token, page),
      tasks: page.roles.get(user.id) ?? [],
    };
    return selectFields(
      ctx,
      node,
      ['access_token', 'category', 'category_list', 'name', 'tasks'],
      'Page'
    );
  };
  return { json: paginate(ctx, user.pageIds, render) };
};

const picture = (ctx: GraphCtx): GraphResult => {
  const id = ctx.params.id ?? '';
  const page = ctx.store.pages.get(id);
  if (!page) throw unsupportedGet(id);
  const type = stringParam(ctx, 'type') ?? 'normal';
  const size = Number(
    stringParam(ctx, 'width') ?? stringParam(ctx, 'height') ?? PICTURE_SIZES[type] ?? 100
  );
  if (!Number.isInteger(size) || size < 1 || size > 2048) {
    throw invalidParameter('(#100) Param width must be a positive integer');
  }
  const redirect = stringParam(ctx, 'redirect');
  if (redirect === 'false' || redirect === '0') {
    return { json: { data: pictureData(ctx, page, size) } };
  }
  return { redirect: pictureUrl(ctx, page, size) };
};

/** Page webhook subscriptions for this app, which need the Page's own token. */
/** The Page of a call that needs its own Page token (and pages_manage_metadata), else Graph's #210. */
const pageOfPageToken = (ctx: GraphCtx): Page => {
  const id = ctx.params.id ?? '';
  const caller = ctx.caller;
  const page = ctx.store.pages.get(id);
  if (!page || caller?.kind !== 'PAGE' || caller.pageId !== id) {
    throw new GraphError({
      message: '(#210) This call requires a Page access token.',
      type: 'OAuthException',
      code: 210,
    });
  }
  requirePermission(ctx, 'pages_manage_metadata');
  ctx.charge('pages', page.id);
  return page;
};

const pageSubscription = (ctx: GraphCtx): GraphResult => {
  const page = pageOfPageToken(ctx);
  if (ctx.req.method === 'GET') {
    const data = page.subscribedFields.length
      ? [{ id: ctx.config.appId, name: 'Tandem', subscribed_fields: page.subscribedFields }]
      : [];
    return { json: { data } };
  }
  if (ctx.req.method === 'DELETE') page.subscribedFields = [];
  else {
    const raw = ctx.req.params.subscribed_fields;
    const fields = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',');
    page.subscribedFields = fields.map((field) => field.trim()).filter((field) => field !== '');
    if (page.subscribedFields.length === 0) {
      throw invalidParameter('(#100) Param subscribed_fields is required');
    }
  }
  return { json: { success: true } };
};

const digits = (phone: string): string => phone.replace(/\D/g, '');

/**
 * `POST /{page-id}/page_whatsapp_number_verification` (codegen Page.json: `whatsapp_number`
 * required, `verification_code` optional), with the Page's token. Without a code a code is "sent to
 * the number" (kept on the Page, readable at GET /_admin/pages/{id}); with the right code the number
 * becomes the Page's WhatsApp number. The answer's fields are the Page reference's
 * (`verification_status`, `whatsapp_display_number`); their values are the sandbox's, unverified.
 * The permission Meta requires is not documented; the sandbox asks for pages_manage_metadata.
 */
const numberVerification = (ctx: GraphCtx): GraphResult => {
  const page = pageOfPageToken(ctx);
  const number = digits(stringParam(ctx, 'whatsapp_number') ?? '');
  const phone = [...ctx.store.phoneNumbers.values()].find(
    (candidate) => digits(candidate.displayPhoneNumber) === number
  );
  if (!phone) throw invalidParameter('(#100) The WhatsApp number is not valid');
  const code = stringParam(ctx, 'verification_code');
  if (code === undefined) {
    page.verification = { number, code: String(randomInt(100_000, 1_000_000)) };
    return {
      json: { verification_status: 'code_sent', whatsapp_display_number: phone.displayPhoneNumber },
    };
  }
  if (page.verification?.number !== number || page.verification.code !== code) {
    throw invalidParameter('(#100) The verification code is not valid');
  }
  delete page.verification;
  page.whatsappNumber = phone.displayPhoneNumber;
  return {
    json: { verification_status: 'verified', whatsapp_display_number: phone.displayPhoneNumber },
  };
};

const pageRoutes: GraphRoute[] = [
  {
    method: 'POST',
    pattern: '/:id/page_whatsapp_number_verification',
    auth: 'token',
    handle: numberVerification,
  },
  { method: 'GET', pattern: '/:id/accounts', auth: 'token', handle: accounts },
  { method: 'GET', pattern: '/:id/picture', auth: 'none', handle: picture },
];

export { pageRoutes, pageSubscription, readablePage, readPage };
