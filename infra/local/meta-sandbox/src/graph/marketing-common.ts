import { callerUser, hasPermission } from '../auth.js';
import type { GraphCtx } from '../context.js';
import {
  type GraphError,
  invalidParameter,
  missingPermission,
  unsupportedGet,
} from '../graph-error.js';
import type { AdAccount, AdObject, AdObjectKind, AdStatus } from '../store.js';
import { jsonParam, stringParam } from './common.js';
import { STATUSES } from './marketing-enums.js';

/** Helpers shared by the Marketing API routes: access, parameter rules and Meta-style errors. */

/** Marketing errors carry a title and a message meant for the advertiser, as Meta's do. */
const adsError = (
  message: string,
  userTitle: string,
  userMessage: string,
  subcode?: number
): GraphError =>
  invalidParameter(message, {
    error_user_title: userTitle,
    error_user_msg: userMessage,
    ...(subcode ? { error_subcode: subcode } : {}),
  });

const requireAdsAccess = (ctx: GraphCtx, write: boolean): void => {
  if (hasPermission(ctx, 'ads_management')) return;
  if (!write && hasPermission(ctx, 'ads_read')) return;
  throw missingPermission('ads_management');
};

/** The ad account if the caller can use it; counted against its ads_management budget. */
const usableAccount = (ctx: GraphCtx, id: string, write: boolean): AdAccount => {
  const account = ctx.store.adAccounts.get(id);
  const caller = ctx.caller;
  if (!account || !caller || caller.kind === 'APP')
    throw unsupportedGet(id, ctx.req.method.toLowerCase());
  if (!account.userIds.includes(callerUser(ctx).id))
    throw unsupportedGet(id, ctx.req.method.toLowerCase());
  requireAdsAccess(ctx, write);
  ctx.charge('ads_management', account.accountId);
  return account;
};

const usableObject = (ctx: GraphCtx, object: AdObject, write: boolean): AdAccount =>
  usableAccount(ctx, object.accountId, write);

const required = (ctx: GraphCtx, name: string): string => {
  const value = stringParam(ctx, name);
  if (value === undefined || value === '') {
    throw adsError(
      `(#100) The parameter ${name} is required`,
      'Missing Parameter',
      `The ${name} field is required. Please enter a value and try again.`
    );
  }
  return value;
};

const oneOf = (
  ctx: GraphCtx,
  name: string,
  allowed: readonly string[],
  fallback?: string
): string => {
  const value = stringParam(ctx, name) ?? fallback;
  if (value === undefined) return required(ctx, name);
  if (!allowed.includes(value)) {
    throw adsError(
      `(#100) Param ${name} must be one of {${allowed.join(', ')}}`,
      'Invalid Parameter',
      `'${value}' is not a valid ${name}. Choose one of: ${allowed.join(', ')}.`
    );
  }
  return value;
};

const statusParam = (ctx: GraphCtx, fallback?: string): AdStatus => {
  const value = oneOf(ctx, 'status', STATUSES, fallback);
  return value as AdStatus;
};

const objectParam = (ctx: GraphCtx, name: string): Record<string, unknown> | undefined => {
  const value = jsonParam(ctx, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw adsError(
      `(#100) Param ${name} must be a JSON object`,
      'Invalid Parameter',
      `${name} must be an object.`
    );
  }
  return value as Record<string, unknown>;
};

/** An ad object of the expected kind in this account, or Graph's error for a bad reference. */
const ownObject = (ctx: GraphCtx, id: string, kind: AdObjectKind, account: AdAccount): AdObject => {
  const object = ctx.store.adObjects.get(id);
  if (
    !object ||
    object.kind !== kind ||
    object.accountId !== account.id ||
    object.status === 'DELETED'
  ) {
    throw adsError(
      `(#100) Param ${kind === 'adcreative' ? 'creative_id' : `${kind}_id`} is not a valid ${kind} ID: ${id}`,
      'Invalid ID',
      `The ${kind} ${id} does not exist in this ad account or has been deleted.`,
      1487051
    );
  }
  return object;
};

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');

const createObject = (
  ctx: GraphCtx,
  account: AdAccount,
  kind: AdObjectKind,
  name: string,
  status: AdStatus,
  fields: Record<string, unknown>
): AdObject => {
  const time = nowIso();
  const object: AdObject = {
    id: ctx.store.newId('23'),
    kind,
    accountId: account.id,
    name,
    status,
    createdTime: time,
    updatedTime: time,
    fields,
  };
  ctx.store.adObjects.set(object.id, object);
  return object;
};

export {
  adsError,
  createObject,
  nowIso,
  objectParam,
  oneOf,
  ownObject,
  required,
  statusParam,
  usableAccount,
  usableObject,
};
