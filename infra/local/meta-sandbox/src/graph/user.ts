import { callerUser, hasPermission, requirePermission } from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { GraphError, missingPermission, unsupportedGet } from '../graph-error.js';
import type { User } from '../store.js';
import { paginate, selectFields } from './common.js';

/** `me` or the caller's own user id; another user's id is, to this caller, an object it cannot see. */
const targetUser = (ctx: GraphCtx, method = 'get'): User => {
  const id = ctx.params.id ?? 'me';
  const caller = ctx.caller;
  if (caller?.kind === 'APP' && id !== 'me') {
    const user = ctx.store.users.get(id);
    if (user) return user;
  }
  const user = callerUser(ctx);
  if (id !== 'me' && id !== user.id) throw unsupportedGet(id, method);
  return user;
};

const me = (ctx: GraphCtx): GraphResult => {
  const caller = ctx.caller;
  if (caller?.kind === 'PAGE') {
    const page = ctx.store.pages.get(caller.pageId);
    return { json: { id: caller.pageId, name: page?.name ?? '' } };
  }
  const user = callerUser(ctx);
  return {
    json: selectFields(ctx, { id: user.id, name: user.name }, ['name'], 'User'),
  };
};

const listPermissions = (ctx: GraphCtx): GraphResult => {
  const user = targetUser(ctx);
  const grant = ctx.store.grants.get(user.id);
  const data = [...(grant?.permissions ?? [])].map(([permission, status]) => ({
    permission,
    status,
  }));
  return { json: { data } };
};

/**
 * `DELETE /{user-id}/permissions[/{permission}]` with the user's (or the app's) token: revoking one
 * permission declines it; revoking all de-authorises the app for the user, so the user's tokens stop
 * working. From the codegen spec (User.json: `DELETE permissions`, `permission` optional) and
 * https://developers.facebook.com/docs/graph-api/reference/user/permissions/ ("Revoking Permissions").
 */
const revokePermissions = (ctx: GraphCtx): GraphResult => {
  const user = targetUser(ctx, 'delete');
  const grant = ctx.store.grants.get(user.id);
  if (!grant) return { json: { success: true } };
  const permission = ctx.params.permission;
  if (permission) {
    if (!grant.permissions.has(permission)) {
      throw new GraphError({
        message: `(#100) Permission ${permission} is not a valid permission for this user`,
        type: 'OAuthException',
        code: 100,
      });
    }
    grant.permissions.set(permission, 'declined');
  } else {
    grant.permissions.clear();
    grant.authorized = false;
  }
  return { json: { success: true } };
};

const businesses = (ctx: GraphCtx): GraphResult => {
  const user = targetUser(ctx);
  requirePermission(ctx, 'business_management');
  const list = user.businessIds.flatMap((id) => {
    const business = ctx.store.businesses.get(id);
    return business ? [business] : [];
  });
  return { json: paginate(ctx, list, (business) => ({ id: business.id, name: business.name })) };
};

/**
 * `GET /{user-id}/adaccounts`: the ad accounts the user can use, with ads_read or ads_management
 * (https://developers.facebook.com/docs/marketing-api/reference/user/adaccounts/).
 */
const adAccounts = (ctx: GraphCtx): GraphResult => {
  const user = targetUser(ctx);
  if (!hasPermission(ctx, 'ads_read') && !hasPermission(ctx, 'ads_management')) {
    throw missingPermission('ads_read', 10);
  }
  const accounts = user.adAccountIds.flatMap((id) => {
    const account = ctx.store.adAccounts.get(id);
    return account ? [account] : [];
  });
  return {
    json: paginate(ctx, accounts, (account) =>
      selectFields(
        ctx,
        {
          id: account.id,
          account_id: account.accountId,
          name: account.name,
          currency: account.currency,
          account_status: account.accountStatus,
        },
        ['account_id'],
        'AdAccount'
      )
    ),
  };
};

const userRoutes: GraphRoute[] = [
  { method: 'GET', pattern: '/me', auth: 'token', handle: me },
  {
    method: 'GET',
    pattern: '/:id/permissions',
    auth: 'token',
    handle: listPermissions,
  },
  {
    method: 'DELETE',
    pattern: '/:id/permissions',
    auth: 'token',
    handle: revokePermissions,
  },
  {
    method: 'DELETE',
    pattern: '/:id/permissions/:permission',
    auth: 'token',
    handle: revokePermissions,
  },
  { method: 'GET', pattern: '/:id/businesses', auth: 'token', handle: businesses },
  { method: 'GET', pattern: '/:id/adaccounts', auth: 'token', handle: adAccounts },
];

/** The user node read by id (`GET /{user-id}`), used by the generic node route. */
const readUser = (ctx: GraphCtx, user: User): GraphResult => {
  targetUser({ ...ctx, params: { id: user.id } });
  return { json: selectFields(ctx, { id: user.id, name: user.name }, ['name'], 'User') };
};

export { readUser, targetUser, userRoutes };
