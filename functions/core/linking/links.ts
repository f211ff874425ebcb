import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { LinkingDeps } from './deps.js';
import { openGrantToken, requireGrant } from './grants.js';
import { readInstagram } from './instagram.js';
import {
  defaultSync,
  instagramFields,
  type Link,
  PAGE_WEBHOOK_FIELDS,
  type SyncField,
  type SyncSettings,
  UNSUPPORTED_FIELDS,
} from './model.js';
import type { LinkRepository, PageOf, PageRequest } from './ports.js';

interface CreateLinkInput {
  grantId: string;
  pageId: string;
  phoneNumberId: string;
}

interface UpdateLinkInput {
  /** The version the caller last read (body `version` or If-Match); omitted = no precondition. */
  expectedVersion?: number;
  sync: { enabled?: boolean; fields?: Partial<Record<SyncField, boolean>> };
}

/** A new link, and whether Meta will send its Page's webhooks (the trigger of a fast sync). */
type CreatedLink = Link & {
  webhooks: { subscribed: true } | { subscribed: false; reason: string };
};

/** What unlinking did beyond removing the link, so the caller can tell the user. */
interface UnlinkResult {
  linkId: string;
  /**
   * `unsubscribed`: the app no longer receives the Page's webhooks. `failed`: Meta refused or was
   * unreachable (the receiver ignores webhooks of unlinked Pages). `not_needed`: no token to do it.
   */
  webhooks: 'unsubscribed' | 'failed' | 'not_needed';
  /** The link's ad operation records deleted with it. */
  adOperationsDeleted: number;
  storyOperationsDeleted: number;
  /** The grant's sealed tokens were deleted because no other link used them. */
  grantDeleted: boolean;
  /**
   * `revoked`: this was the Meta user's last link, and Tandem removed the app's permissions on Meta.
   * `not_needed`: the user still has other links (or the grant is still used).
   * `failed`: Meta refused or was unreachable; the tokens are deleted anyway, and the user can remove
   * the app in their Facebook settings.
   */
  revocation: 'revoked' | 'not_needed' | 'failed';
}

const linkNotFound = (linkId: string): NotFoundError =>
  new NotFoundError(
    `No link ${linkId} in this tenant. List your links with GET /links.`,
    { linkId },
    'link_not_found'
  );

/**
 * Subscribes the Page to the fields sync reads. Meta delivers a Page's webhooks only for fields the
 * app subscribed at both the app and the Page level
 * (https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps). A failure does not
 * undo the link: the reconciler finds the missing subscription and restores it.
 */
const subscribePage = async (
  deps: Pick<LinkingDeps, 'meta'>,
  token: string,
  pageId: string
): Promise<CreatedLink['webhooks']> => {
  try {
    await deps.meta.subscribePage(token, pageId, PAGE_WEBHOOK_FIELDS);
    return { subscribed: true };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      subscribed: false,
      reason: `Meta did not subscribe the Page's webhooks (${why}); the next reconcile run restores the subscription, and syncs until then follow the reconciler.`,
    };
  }
};

/**
 * Links one Page to one WhatsApp number with one of the tenant's grants.
 *
 * 1. Load the grant (404 if unknown or another tenant's) and open its token.
 * 2. Ask Meta whether the grant really reaches the Page and the number (404 if not). This comes
 *    before the uniqueness check on purpose: a 409 for a Page the caller cannot reach would let any
 *    tenant probe which Pages are linked in Tandem.
 * 3. Write the link with its guards in one transaction (409 if the Page or number is in a link).
 * 4. Subscribe the Page to its webhooks (best effort; the answer says how it went).
 * 5. Publish `link.created`.
 */
const createLink = async (
  deps: Pick<LinkingDeps, 'grants' | 'vault' | 'meta' | 'links' | 'clock' | 'ids' | 'events'>,
  tenantId: string,
  input: CreateLinkInput
): Promise<CreatedLink> => {
  const grant = await requireGrant(deps, tenantId, input.grantId);
  const token = await openGrantToken(deps, grant);
  const [pages, numbers] = await Promise.all([
    deps.meta.listPages(token),
    deps.meta.listPhoneNumbers(token, grant.wabaIds),
  ]);
  const page = pages.find((candidate) => candidate.id === input.pageId);
  if (!page) {
    throw new NotFoundError(
      `Grant ${grant.grantId} does not reach Page ${input.pageId}. Use a Page from GET /grants/${grant.grantId}/assets, or sign in again and select that Page.`,
      { grantId: grant.grantId, pageId: input.pageId },
      'page_not_reachable'
    );
  }
  const number = numbers.find((candidate) => candidate.id === input.phoneNumberId);
  if (!number) {
    throw new NotFoundError(
      `Grant ${grant.grantId} does not reach WhatsApp phone number ${input.phoneNumberId}. Use a number from GET /grants/${grant.grantId}/assets, or sign in again and share that WhatsApp Business account.`,
      { grantId: grant.grantId, phoneNumberId: input.phoneNumberId },
      'phone_number_not_reachable'
    );
  }
  // The Page's Instagram account, when the grant may read it (a stories sign-in granted that).
  const instagram = await readInstagram(deps, token, grant.scopes, page.id);
  const now = deps.clock.now().toISOString();
  const link: Link = {
    linkId: deps.ids.linkId(),
    tenantId,
    grantId: grant.grantId,
    metaUserId: grant.metaUserId,
    pageId: page.id,
    pageName: page.name,
    wabaId: number.wabaId,
    phoneNumberId: number.id,
    displayPhoneNumber: number.displayPhoneNumber,
    status: 'active',
    sync: defaultSync(),
    unsupported: UNSUPPORTED_FIELDS,
    ...(instagram.kind === 'read' ? instagramFields(instagram.account) : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await deps.links.create(link);
  const webhooks = await subscribePage(deps, token, link.pageId);
  await deps.events.publish(tenantId, 'link.created', {
    linkId: link.linkId,
    grantId: link.grantId,
    pageId: link.pageId,
    pageName: link.pageName,
    wabaId: link.wabaId,
    phoneNumberId: link.phoneNumberId,
    displayPhoneNumber: link.displayPhoneNumber,
  });
  return { ...link, webhooks };
};

/** One of the tenant's links, or NotFoundError (also for another tenant's link). */
const getLink = async (
  deps: { links: Pick<LinkRepository, 'get'> },
  tenantId: string,
  linkId: string
): Promise<Link> => {
  const link = await deps.links.get(tenantId, linkId);
  if (!link) throw linkNotFound(linkId);
  return link;
};

const listLinks = (
  deps: Pick<LinkingDeps, 'links'>,
  tenantId: string,
  page: PageRequest
): Promise<PageOf<Link>> => deps.links.list(tenantId, page);

const mergeSync = (current: SyncSettings, change: UpdateLinkInput['sync']): SyncSettings => ({
  enabled: change.enabled ?? current.enabled,
  fields: { ...current.fields, ...change.fields },
});

/**
 * Turns sync on or off and opts fields in or out, under optimistic concurrency.
 *
 * 1. Load the link (404 if unknown or another tenant's).
 * 2. If the caller named a version, it must be the current one (409 `version_mismatch` otherwise).
 * 3. Write the merged settings conditioned on the version read, so a concurrent update is never lost.
 *
 * @returns the link as written and as it was before.
 */
const updateLink = async (
  deps: { links: Pick<LinkRepository, 'get' | 'update'>; clock: LinkingDeps['clock'] },
  tenantId: string,
  linkId: string,
  input: UpdateLinkInput
): Promise<{ link: Link; before: Link }> => {
  if (input.sync.enabled === undefined && Object.keys(input.sync.fields ?? {}).length === 0) {
    throw new ValidationError(
      'Nothing to change: set sync.enabled and/or one or more sync.fields.',
      undefined,
      'empty_update'
    );
  }
  const current = await getLink(deps, tenantId, linkId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new ConflictError(
      `Link ${linkId} is at version ${current.version}, not ${input.expectedVersion}: it changed since you read it. Read it again and retry.`,
      { linkId, currentVersion: current.version },
      'version_mismatch'
    );
  }
  const next: Link = {
    ...current,
    sync: mergeSync(current.sync, input.sync),
    updatedAt: deps.clock.now().toISOString(),
    version: current.version + 1,
  };
  await deps.links.update(next, current.version);
  return { link: next, before: current };
};

/** Ends the app's subscription to the Page's webhooks; a Page is in one link at most. */
const unsubscribePage = async (
  deps: Pick<LinkingDeps, 'grants' | 'vault' | 'meta'>,
  link: Link
): Promise<UnlinkResult['webhooks']> => {
  const grant = await deps.grants.get(link.tenantId, link.grantId);
  if (!grant) return 'not_needed';
  try {
    await deps.meta.unsubscribePage(await openGrantToken(deps, grant), link.pageId);
    return 'unsubscribed';
  } catch {
    return 'failed';
  }
};

/**
 * Unlinks: the link and its guards go (so sync stops: queued jobs find no link), then what only this
 * link needed goes too.
 *
 * 1. Delete the link, its guards and one from the grant's link count, in one transaction.
 * 2. Unsubscribe the Page's webhooks (while the grant's token still works) and delete the link's ad
 *    operation records.
 * 3. If the grant is now unused: when the Meta user has no other link anywhere, revoke the app's
 *    permissions on Meta with the grant's token; then delete the grant and its sealed token. A failed
 *    revocation does not keep the tokens: deleting them is what the user asked for.
 * 4. Publish `link.deleted`, and `grant.revoked` when the app was revoked on Meta.
 */
const unlink = async (
  deps: Pick<
    LinkingDeps,
    | 'links'
    | 'grants'
    | 'vault'
    | 'meta'
    | 'adOperations'
    | 'storyOperations'
    | 'messageStats'
    | 'events'
  >,
  tenantId: string,
  linkId: string
): Promise<UnlinkResult> => {
  const link = await getLink(deps, tenantId, linkId);
  const { grantLinkCount } = await deps.links.delete(link);
  await deps.events.publish(tenantId, 'link.deleted', {
    linkId,
    pageId: link.pageId,
    phoneNumberId: link.phoneNumberId,
    cause: 'unlinked',
  });
  const webhooks = await unsubscribePage(deps, link);
  const adOperationsDeleted = await deps.adOperations.removeForLink(tenantId, linkId);
  const storyOperationsDeleted = await deps.storyOperations.removeForLink(tenantId, linkId);
  await deps.messageStats.removeForLink(tenantId, linkId);
  const done = { linkId, webhooks, adOperationsDeleted, storyOperationsDeleted };
  if (grantLinkCount !== 0) {
    return { ...done, grantDeleted: false, revocation: 'not_needed' };
  }
  const grant = await deps.grants.get(tenantId, link.grantId);
  if (!grant) return { ...done, grantDeleted: false, revocation: 'not_needed' };
  // The index is eventually consistent and may still show the link just deleted: ignore it.
  const others = (await deps.links.listByMetaUser(link.metaUserId)).filter(
    (other) => other.linkId !== linkId
  );
  let revocation: UnlinkResult['revocation'] = 'not_needed';
  if (others.length === 0) {
    try {
      await deps.meta.revokePermissions(await openGrantToken(deps, grant), link.metaUserId);
      revocation = 'revoked';
      await deps.events.publish(tenantId, 'grant.revoked', {
        grantId: link.grantId,
        cause: 'unlinked',
      });
    } catch {
      revocation = 'failed';
    }
  }
  const grantDeleted = await deps.grants.deleteIfUnused(tenantId, link.grantId);
  return { ...done, grantDeleted, revocation };
};

export type { CreatedLink, CreateLinkInput, UnlinkResult, UpdateLinkInput };
export { createLink, getLink, linkNotFound, listLinks, unlink, updateLink };
