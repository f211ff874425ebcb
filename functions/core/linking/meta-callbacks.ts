import { NotFoundError } from '../errors.js';
import {
  replayKeyOf,
  SIGNED_REQUEST_MAX_AGE_SECONDS,
  SIGNED_REQUEST_MAX_SKEW_SECONDS,
  verifySignedRequest,
} from '../meta-signed-request.js';
import type { LinkingDeps } from './deps.js';
import { CONFIRMATION_CODE } from './model.js';
import type { DeletionRequest } from './ports.js';

interface Forgotten {
  deletedLinks: number;
  deletedGrants: number;
  deletedAdOperations: number;
  deletedStoryOperations: number;
}

/** What forgetting a Meta user deletes from, and tells the tenants through. */
type ForgetDeps = Pick<
  LinkingDeps,
  | 'links'
  | 'grants'
  | 'adOperations'
  | 'storyOperations'
  | 'storyUploads'
  | 'messageStats'
  | 'events'
>;

/** Both callbacks: verify, claim the request once, then forget. */
type CallbackDeps = ForgetDeps & Pick<LinkingDeps, 'callbacks' | 'appSecret' | 'clock'>;

/**
 * Deletes everything Tandem holds for a Meta user, in every tenant: links first (with their guards,
 * which stops their sync), their ad and story operations and message statistics, then grants (with
 * their sealed tokens). Idempotent: a link or grant already gone is skipped, so Meta's retries are harmless. Each link
 * deleted publishes `link.deleted` and each grant `grant.revoked`, with the callback as the cause.
 */
const forgetMetaUser = async (
  deps: ForgetDeps,
  metaUserId: string,
  cause: 'meta_deauthorized' | 'meta_data_deletion'
): Promise<Forgotten> => {
  let deletedLinks = 0;
  let deletedAdOperations = 0;
  let deletedStoryOperations = 0;
  for (const link of await deps.links.listByMetaUser(metaUserId)) {
    try {
      await deps.links.delete(link);
      deletedLinks += 1;
      await deps.events.publish(link.tenantId, 'link.deleted', {
        linkId: link.linkId,
        pageId: link.pageId,
        phoneNumberId: link.phoneNumberId,
        cause,
      });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    deletedAdOperations += await deps.adOperations.removeForLink(link.tenantId, link.linkId);
    deletedStoryOperations += await deps.storyOperations.removeForLink(link.tenantId, link.linkId);
    await deps.storyUploads.removeForLink(link.tenantId, link.linkId);
    await deps.messageStats.removeForLink(link.tenantId, link.linkId);
  }
  const grants = await deps.grants.listByMetaUser(metaUserId);
  for (const grant of grants) {
    await deps.grants.delete(grant.tenantId, grant.grantId);
    await deps.events.publish(grant.tenantId, 'grant.revoked', { grantId: grant.grantId, cause });
  }
  return {
    deletedLinks,
    deletedGrants: grants.length,
    deletedAdOperations,
    deletedStoryOperations,
  };
};

/** Verifies a callback's signed_request and answers its user and the key its repeats share. */
const verifyCallback = (
  deps: Pick<LinkingDeps, 'appSecret' | 'clock'>,
  kind: 'deauthorize' | 'data_deletion',
  signedRequest: string
) => {
  const payload = verifySignedRequest(signedRequest, deps.appSecret, { now: deps.clock.now() });
  return {
    userId: payload.user_id,
    key: replayKeyOf(deps.appSecret, kind, payload),
    // Past this, the request is refused as too old: its record is no longer needed.
    expiresAt: payload.issued_at + SIGNED_REQUEST_MAX_AGE_SECONDS + SIGNED_REQUEST_MAX_SKEW_SECONDS,
  };
};

/**
 * Meta's deauthorize callback: the user removed the app, so their tokens are dead. Verify the
 * signed_request (400 if it is not Meta's, or too old), then forget the user, once per request: a
 * repeat of the same request (same user, same issue time) is answered with the first one's result
 * and deletes nothing the user linked since. Nothing to revoke: Meta already did.
 */
const handleDeauthorize = async (
  deps: CallbackDeps,
  signedRequest: string
): Promise<Forgotten & { replayed: boolean }> => {
  const { userId, key, expiresAt } = verifyCallback(deps, 'deauthorize', signedRequest);
  const seen = await deps.callbacks.claim({ key, kind: 'deauthorize', expiresAt });
  // A record completed before ad operations were counted has no count of them.
  if (seen?.result) {
    return { deletedAdOperations: 0, deletedStoryOperations: 0, ...seen.result, replayed: true };
  }
  const forgotten = await forgetMetaUser(deps, userId, 'meta_deauthorized');
  await deps.callbacks.complete(key, forgotten);
  return { ...forgotten, replayed: false };
};

interface DeletionAnswer {
  /** Where the user can read the status of the request (Meta shows it to them). */
  url: string;
  confirmation_code: string;
}

/**
 * Meta's data-deletion callback. Verify (400 if forged or too old), delete now (deletion is quick,
 * so the request is complete when Meta gets the answer), keep a record without the user id, and
 * answer Meta's `{url, confirmation_code}`. A repeat of the same request gets the same answer and
 * deletes nothing new; one whose first attempt died before finishing is carried out again.
 */
const requestDataDeletion = async (
  deps: CallbackDeps & Pick<LinkingDeps, 'deletions' | 'ids' | 'publicBaseUrl'>,
  signedRequest: string
): Promise<DeletionAnswer> => {
  const { userId, key, expiresAt } = verifyCallback(deps, 'data_deletion', signedRequest);
  const claim = {
    key,
    kind: 'data_deletion' as const,
    confirmationCode: deps.ids.confirmationCode(),
    expiresAt,
  };
  const seen = await deps.callbacks.claim(claim);
  // The kind is part of the key, so a record seen here is a data deletion's, with its code.
  const confirmationCode = seen?.confirmationCode ?? claim.confirmationCode;
  const base = deps.publicBaseUrl.replace(/\/+$/, '');
  const answer = {
    url: `${base}/meta/data-deletion/${confirmationCode}`,
    confirmation_code: confirmationCode,
  };
  if (seen?.result) return answer;
  const requestedAt = deps.clock.now().toISOString();
  const forgotten = await forgetMetaUser(deps, userId, 'meta_data_deletion');
  await deps.deletions.put({
    confirmationCode,
    status: 'completed',
    requestedAt,
    completedAt: deps.clock.now().toISOString(),
    ...forgotten,
  });
  await deps.callbacks.complete(key, forgotten);
  return answer;
};

/** The status of a data-deletion request, for the page Meta links the user to. */
const getDeletionStatus = async (
  deps: Pick<LinkingDeps, 'deletions'>,
  confirmationCode: string
): Promise<DeletionRequest> => {
  const request = CONFIRMATION_CODE.test(confirmationCode)
    ? await deps.deletions.get(confirmationCode)
    : undefined;
  if (!request) {
    throw new NotFoundError(
      'No data-deletion request has this confirmation code. Check the link Facebook gave you.',
      undefined,
      'deletion_request_not_found'
    );
  }
  return request;
};

export type { DeletionAnswer, Forgotten };
export { forgetMetaUser, getDeletionStatus, handleDeauthorize, requestDataDeletion };
