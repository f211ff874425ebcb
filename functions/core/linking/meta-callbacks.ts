import { NotFoundError } from '../errors.js';
import { verifySignedRequest } from '../meta-signed-request.js';
import type { LinkingDeps } from './deps.js';
import { CONFIRMATION_CODE } from './model.js';
import type { DeletionRequest } from './ports.js';

interface Forgotten {
  deletedLinks: number;
  deletedGrants: number;
  deletedAdOperations: number;
}

/**
 * Deletes everything Tandem holds for a Meta user, in every tenant: links first (with their guards,
 * which stops their sync) and their ad operations, then grants (with their sealed tokens).
 * Idempotent: a link or grant already gone is skipped, so Meta's retries are harmless.
 */
const forgetMetaUser = async (
  deps: Pick<LinkingDeps, 'links' | 'grants' | 'adOperations'>,
  metaUserId: string
): Promise<Forgotten> => {
  let deletedLinks = 0;
  let deletedAdOperations = 0;
  for (const link of await deps.links.listByMetaUser(metaUserId)) {
    try {
      await deps.links.delete(link);
      deletedLinks += 1;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    deletedAdOperations += await deps.adOperations.removeForLink(link.tenantId, link.linkId);
  }
  const grants = await deps.grants.listByMetaUser(metaUserId);
  for (const grant of grants) await deps.grants.delete(grant.tenantId, grant.grantId);
  return { deletedLinks, deletedGrants: grants.length, deletedAdOperations };
};

/**
 * Meta's deauthorize callback: the user removed the app, so their tokens are dead. Verify the
 * signed_request (400 if it is not Meta's), then forget the user. Nothing to revoke: Meta already did.
 */
const handleDeauthorize = async (
  deps: Pick<LinkingDeps, 'links' | 'grants' | 'adOperations' | 'appSecret'>,
  signedRequest: string
): Promise<Forgotten> => {
  const { user_id } = verifySignedRequest(signedRequest, deps.appSecret);
  return forgetMetaUser(deps, user_id);
};

interface DeletionAnswer {
  /** Where the user can read the status of the request (Meta shows it to them). */
  url: string;
  confirmation_code: string;
}

/**
 * Meta's data-deletion callback. Verify, delete now (deletion is quick, so the request is complete
 * when Meta gets the answer), keep a record without the user id, and answer Meta's `{url,
 * confirmation_code}`.
 */
const requestDataDeletion = async (
  deps: Pick<
    LinkingDeps,
    | 'links'
    | 'grants'
    | 'adOperations'
    | 'deletions'
    | 'ids'
    | 'clock'
    | 'appSecret'
    | 'publicBaseUrl'
  >,
  signedRequest: string
): Promise<DeletionAnswer> => {
  const { user_id } = verifySignedRequest(signedRequest, deps.appSecret);
  const requestedAt = deps.clock.now().toISOString();
  const forgotten = await forgetMetaUser(deps, user_id);
  const confirmationCode = deps.ids.confirmationCode();
  await deps.deletions.put({
    confirmationCode,
    status: 'completed',
    requestedAt,
    completedAt: deps.clock.now().toISOString(),
    ...forgotten,
  });
  const base = deps.publicBaseUrl.replace(/\/+$/, '');
  return {
    url: `${base}/meta/data-deletion/${confirmationCode}`,
    confirmation_code: confirmationCode,
  };
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
