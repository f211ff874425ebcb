import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { unsupportedGet } from '../graph-error.js';
import { deleteObject, readAccount, readObject, updateAccount, updateObject } from './marketing.js';
import { pageSubscription, readPage } from './pages.js';
import { readContainer } from './stories.js';
import { uploadBytes, uploadStatus } from './uploads.js';
import { readUser } from './user.js';
import { readPhone, readWaba, wabaSubscription } from './whatsapp.js';

/**
 * `/{id}` means a different node type depending on the id, as on Graph: the store says what the id
 * is and the matching area answers.
 */

const readNode = (ctx: GraphCtx): GraphResult => {
  const id = ctx.params.id ?? '';
  const { store } = ctx;
  if (id.startsWith('upload:')) return uploadStatus(ctx);
  const page = store.pages.get(id);
  if (page) return readPage(ctx, page);
  const phone = store.phoneNumbers.get(id);
  if (phone) return readPhone(ctx, phone);
  const waba = store.wabas.get(id);
  if (waba) return readWaba(ctx, waba);
  const account = store.adAccounts.get(id);
  if (account) return readAccount(ctx, account);
  const object = store.adObjects.get(id);
  if (object) return readObject(ctx, object);
  const user = store.users.get(id);
  if (user) return readUser(ctx, user);
  const container = store.igContainers.get(id);
  if (container) return readContainer(ctx, container);
  throw unsupportedGet(id);
};

const postNode = (ctx: GraphCtx): GraphResult => {
  const id = ctx.params.id ?? '';
  if (id.startsWith('upload:')) return uploadBytes(ctx);
  const object = ctx.store.adObjects.get(id);
  if (object) return updateObject(ctx, object);
  const account = ctx.store.adAccounts.get(id);
  if (account) return updateAccount(ctx, account);
  throw unsupportedGet(id, 'post');
};

const deleteNode = (ctx: GraphCtx): GraphResult => {
  const id = ctx.params.id ?? '';
  const object = ctx.store.adObjects.get(id);
  if (object) return deleteObject(ctx, object);
  throw unsupportedGet(id, 'delete');
};

const subscribedApps = (ctx: GraphCtx): GraphResult => {
  const id = ctx.params.id ?? '';
  if (ctx.store.wabas.has(id)) return wabaSubscription(ctx);
  if (ctx.store.pages.has(id)) return pageSubscription(ctx);
  throw unsupportedGet(id, ctx.req.method.toLowerCase());
};

const nodeRoutes: GraphRoute[] = [
  ...(['GET', 'POST', 'DELETE'] as const).map(
    (method): GraphRoute => ({
      method,
      pattern: '/:id/subscribed_apps',
      auth: 'token',
      handle: subscribedApps,
    })
  ),
  { method: 'GET', pattern: '/:id', auth: 'token', handle: readNode },
  { method: 'POST', pattern: '/:id', auth: 'token', handle: postNode },
  { method: 'DELETE', pattern: '/:id', auth: 'token', handle: deleteNode },
];

export { nodeRoutes };
