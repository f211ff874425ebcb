import { randomBytes } from 'node:crypto';
import { callerUser } from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { GraphError, invalidParameter, unsupportedGet } from '../graph-error.js';
import type { UploadSession } from '../store.js';
import { stringParam } from './common.js';

/**
 * The Resumable Upload API: open a session on the app, send bytes with `file_offset`, get a handle
 * that the WhatsApp profile accepts as `profile_picture_handle`.
 */

const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/jpg', 'image/png', 'video/mp4'];

/**
 * "The app user who granted the token must have an Administrator or Developer role on the app"
 * (https://developers.facebook.com/docs/graph-api/reference/application/uploads/). Meta does not
 * document the error for anyone else; a permissions error (#200) is the sandbox's stand-in.
 */
const requireAppRole = (ctx: GraphCtx, userId: string): void => {
  const role = ctx.store.appRoles.get(userId);
  if (role === 'administrator' || role === 'developer') return;
  throw new GraphError({
    message:
      '(#200) The user must have an administrator or developer role on the app to create an upload session',
    type: 'OAuthException',
    code: 200,
  });
};

const createSession = (ctx: GraphCtx): GraphResult => {
  const appId = ctx.params.id ?? '';
  if (appId !== ctx.config.appId && appId !== 'app') throw unsupportedGet(appId, 'post');
  const user = callerUser(ctx);
  requireAppRole(ctx, user.id);
  const fileLength = Number(stringParam(ctx, 'file_length'));
  const fileType = stringParam(ctx, 'file_type') ?? '';
  if (!Number.isInteger(fileLength) || fileLength <= 0) {
    throw invalidParameter('(#100) Param file_length must be a positive integer');
  }
  if (!FILE_TYPES.includes(fileType)) {
    throw invalidParameter(`(#100) Param file_type must be one of {${FILE_TYPES.join(', ')}}`);
  }
  const session: UploadSession = {
    id: randomBytes(12).toString('hex'),
    userId: user.id,
    fileName: stringParam(ctx, 'file_name') ?? 'upload',
    fileLength,
    fileType,
    chunks: [],
    offset: 0,
  };
  ctx.store.uploads.set(session.id, session);
  return { json: { id: `upload:${session.id}` } };
};

const ownSession = (ctx: GraphCtx): UploadSession => {
  const raw = ctx.params.id ?? '';
  const session = ctx.store.uploads.get(raw.slice('upload:'.length));
  if (!session || session.userId !== callerUser(ctx).id)
    throw unsupportedGet(raw, ctx.req.method.toLowerCase());
  return session;
};

/** Meta's handle format: version, file name, type, then an opaque signed part. */
const newHandle = (session: UploadSession): string =>
  [
    '4',
    Buffer.from(session.fileName).toString('base64'),
    Buffer.from(session.fileType).toString('base64'),
    randomBytes(24).toString('base64url'),
    'e',
    String(Math.floor(Date.now() / 1000) + 30 * 24 * 3600),
  ].join(':');

const uploadBytes = (ctx: GraphCtx): GraphResult => {
  const session = ownSession(ctx);
  const offset = Number(ctx.req.headers.file_offset ?? 'NaN');
  if (offset !== session.offset) {
    throw invalidParameter(
      `(#100) The file_offset header must be ${session.offset}, the number of bytes already received`
    );
  }
  const bytes = ctx.req.rawBody;
  if (session.offset + bytes.length > session.fileLength) {
    throw invalidParameter('(#100) The upload is longer than file_length');
  }
  session.chunks.push(bytes);
  session.offset += bytes.length;
  if (session.offset < session.fileLength)
    return { json: { id: `upload:${session.id}`, file_offset: session.offset } };
  session.handle ??= newHandle(session);
  ctx.store.handles.set(session.handle, session.id);
  return { json: { h: session.handle } };
};

const uploadStatus = (ctx: GraphCtx): GraphResult => {
  const session = ownSession(ctx);
  return { json: { id: `upload:${session.id}`, file_offset: session.offset } };
};

/** The bytes of an upload, for the sandbox's media route. */
const uploadedBytes = (session: UploadSession): Buffer => Buffer.concat(session.chunks);

const uploadRoutes: GraphRoute[] = [
  { method: 'POST', pattern: '/:id/uploads', auth: 'token', handle: createSession },
];

export { uploadBytes, uploadedBytes, uploadRoutes, uploadStatus };
