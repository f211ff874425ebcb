import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { retry } from '../retry.js';
import type { LinkingDeps } from './deps.js';
import { openGrantToken, requireGrant } from './grants.js';
import { readInstagram } from './instagram.js';
import { classifyMetaLink } from './meta-link.js';
import {
  defaultSync,
  instagramFields,
  type Link,
  PAGE_WEBHOOK_FIELDS,
  type SyncField,
  type SyncSettings,
  UNSUPPORTED_FIELDS,
} from './model.js';
import { toNumberHealth } from './number-health.js';
import type { LinkRepository, PageOf, PageRequest } from './ports.js';
import type { WhatsAppSide } from './whatsapp-side.js';

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

type Subscription = { subscribed: true } | { subscribed: false; reason: string };

/**
 * A new link, whether Meta will send its Page's webhooks (the trigger of a fast sync) and its WABA's
 * (the number's connection, alerts, name and quality).
 */
type CreatedLink = Link & { webhooks: Subscription; wabaWebhooks: Subscription };

/** What unlinking did beyond removing the link, so the caller can tell the user. */
interface UnlinkResult {
  linkId: string;
  /**
   * `unsubscribed`: the app no longer receives the Page's webhooks. `failed`: Meta refused or was
   * unreachable (the receiver ignores webhooks of unlinked Pages). `not_needed`: no token to do it.
   */
  webhooks: 'unsubscribed' | 'failed' | 'not_needed';
  /**
   * The WABA's webhooks: `unsubscribed` after its last link, `kept` while another link (any tenant's)
   * uses one of its numbers, `failed` when Meta refused (the worker ignores WABAs without links),
   * `not_needed` when there was no token to do it.
   */
  wabaWebhooks: 'unsubscribed' | 'kept' | 'failed' | 'not_needed';
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

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

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
): Promise<Subscription> => {
  try {
    await deps.meta.subscribePage(token, pageId, PAGE_WEBHOOK_FIELDS);
    return { subscribed: true };
  } catch (error) {
    return {
      subscribed: false,
      reason: `Meta did not subscribe the Page's webhooks (${reasonOf(error)}); the next reconcile run restores the subscription, and syncs until then follow the reconciler.`,
    };
  }
};

/**
 * Subscribes the app to the WABA's webhooks (account_update, account_alerts, name and quality
 * updates), which Meta delivers only for WABAs the app subscribed to
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/onboarding-customers-as-a-tech-provider).
 * A second link of the same WABA subscribes again, which changes nothing.
 */
const subscribeWaba = async (
  deps: Pick<LinkingDeps, 'meta'>,
  token: string,
  wabaId: string
): Promise<Subscription> => {
  try {
    await deps.meta.subscribeWaba(token, wabaId);
    return { subscribed: true };
  } catch (error) {
    return {
      subscribed: false,
      reason: `Meta did not subscribe the app to the WhatsApp Business account's webhooks (${reasonOf(error)}); Tandem will not hear of the number's disconnections or alerts until it is linked again.`,
    };
  }
};

/**
 * What Meta says of the link's WhatsApp side when it is made: the Page's own token and Meta's Page
 * <-> number link (one read), and the number's health. Each part is best effort: a part Meta did not
 * answer is `unknown` (the link) or left out (health) until the reconciler reads it.
 */
const readWhatsAppSide = async (
  deps: Pick<LinkingDeps, 'meta' | 'clock'>,
  token: string,
  target: { pageId: string; phoneNumberId: string; displayPhoneNumber: string }
): Promise<{ pageToken?: string; whatsapp: WhatsAppSide }> => {
  const now = deps.clock.now();
  const [page, health] = await Promise.allSettled([
    deps.meta.readPage(token, target.pageId),
    deps.meta.readHealth(token, target.phoneNumberId),
  ]);
  const read =
    page.status === 'fulfilled'
      ? page.value.whatsapp
      : { answered: false as const, reason: `Meta did not answer (${reasonOf(page.reason)}).` };
  return {
    ...(page.status === 'fulfilled' && page.value.pageToken
      ? { pageToken: page.value.pageToken }
      : {}),
    whatsapp: {
      metaLink: classifyMetaLink(read, target.displayPhoneNumber, now),
      ...(health.status === 'fulfilled' ? { health: toNumberHealth(health.value, now) } : {}),
    },
  };
};

/**
 * Links one Page to one WhatsApp number with one of the tenant's grants.
 *
 * 1. Load the grant (404 if unknown or another tenant's) and open its token.
 * 2. Ask Meta whether the grant really reaches the Page and the number (404 if not). This comes
 *    before the uniqueness check on purpose: a 409 for a Page the caller cannot reach would let any
 *    tenant probe which Pages are linked in Tandem.
 * 3. Read Meta's side of it: the Page's own token (kept on the link, sealed with the grant's data
 *    key, so no later read fetches it), Meta's Page <-> number link, the number's health, and the
 *    Page's Instagram account when the grant may read it (a stories sign-in granted that).
 * 4. Write the link with its guards in one transaction (409 if the Page or number is in a link).
 * 5. Subscribe the Page and the WABA to their webhooks (best effort; the answer says how it went).
 * 6. Publish `link.created`.
 */
const createLink = async (
  deps: Pick<LinkingDeps, 'grants' | 'vault' | 'meta' | 'links' | 'clock' | 'ids' | 'events'>,
  tenantId: string,
  input: CreateLinkInput
): Promise<CreatedLink> => {
  const grant = await requireGrant(deps, tenantId, input.grantId);
  return deps.vault.withKey(
    grant.token,
    { tenantId: grant.tenantId, grantId: grant.grantId, purpose: 'meta_user_token' },
    async (key) => {
      const token = key.token;
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
      const [side, instagram] = await Promise.all([
        readWhatsAppSide(deps, token, {
          pageId: page.id,
          phoneNumberId: number.id,
          displayPhoneNumber: number.displayPhoneNumber,
        }),
        readInstagram(deps, token, grant.scopes, page.id),
      ]);
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
        whatsapp: side.whatsapp,
        ...(instagram.kind === 'read' ? instagramFields(instagram.account) : {}),
        ...(side.pageToken
          ? {
              pageToken: key.seal(side.pageToken, {
                tenantId,
                grantId: grant.grantId,
                purpose: 'page_token',
                pageId: page.id,
              }),
            }
          : {}),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await deps.links.create(link);
      const [webhooks, wabaWebhooks] = await Promise.all([
        subscribePage(deps, token, link.pageId),
        subscribeWaba(deps, token, link.wabaId),
      ]);
      await deps.events.publish(tenantId, 'link.created', {
        linkId: link.linkId,
        grantId: link.grantId,
        pageId: link.pageId,
        pageName: link.pageName,
        wabaId: link.wabaId,
        phoneNumberId: link.phoneNumberId,
        displayPhoneNumber: link.displayPhoneNumber,
      });
      return { ...link, webhooks, wabaWebhooks };
    }
  );
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

/** Tries at a change of a link that keeps losing races with other updates. */
const UPDATE_ATTEMPTS = 5;

/**
 * Changes a stored link under optimistic concurrency: reads it (strongly consistent), lets `change`
 * derive the next version, and writes it conditioned on the version read; a concurrent update is
 * read again and retried under the shared retry policy, so the change is never lost.
 * `change` answers undefined when there is nothing to write.
 *
 * @returns the link as written; undefined when it is gone or `change` had nothing to write
 * @throws ConflictError `version_mismatch` after UPDATE_ATTEMPTS lost races
 */
const updateLinkWith = (
  deps: {
    links: Pick<LinkRepository, 'get' | 'update'>;
    sleep?: ((ms: number) => Promise<void>) | undefined;
  },
  tenantId: string,
  linkId: string,
  change: (current: Link) => Link | undefined
): Promise<Link | undefined> =>
  retry(
    async () => {
      const current = await deps.links.get(tenantId, linkId);
      if (!current) return undefined;
      const next = change(current);
      if (!next) return undefined;
      await deps.links.update(next, current.version);
      return next;
    },
    {
      maxAttempts: UPDATE_ATTEMPTS,
      retryable: (error) => error instanceof ConflictError,
      sleep: deps.sleep,
    }
  );

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

/**
 * Ends the app's subscriptions the link alone needed: the Page's webhooks (a Page is in one link at
 * most) and, when no other link of any tenant uses one of its numbers, the WABA's.
 */
const unsubscribeWebhooks = async (
  deps: Pick<LinkingDeps, 'grants' | 'vault' | 'meta' | 'links'>,
  link: Link
): Promise<Pick<UnlinkResult, 'webhooks' | 'wabaWebhooks'>> => {
  const grant = await deps.grants.get(link.tenantId, link.grantId);
  if (!grant) return { webhooks: 'not_needed', wabaWebhooks: 'not_needed' };
  const token = await openGrantToken(deps, grant);
  // The index is eventually consistent and may still show the link just deleted: ignore it.
  const others = (await deps.links.listByWaba(link.wabaId)).filter(
    (other) => other.linkId !== link.linkId
  );
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
      return 'unsubscribed' as const;
    } catch {
      return 'failed' as const;
    }
  };
  const [webhooks, wabaWebhooks] = await Promise.all([
    attempt(() => deps.meta.unsubscribePage(token, link.pageId)),
    others.length > 0
      ? Promise.resolve('kept' as const)
      : attempt(() => deps.meta.unsubscribeWaba(token, link.wabaId)),
  ]);
  return { webhooks, wabaWebhooks };
};

/**
 * Unlinks: the link and its guards go (so sync stops: queued jobs find no link), then what only this
 * link needed goes too.
 *
 * 1. Delete the link, its guards and one from the grant's link count, in one transaction.
 * 2. Unsubscribe the Page's webhooks, and the WABA's when no other link uses it (while the grant's
 *    token still works), and delete the link's ad operation records.
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
    | 'storyUploads'
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
  const subscriptions = await unsubscribeWebhooks(deps, link);
  const adOperationsDeleted = await deps.adOperations.removeForLink(tenantId, linkId);
  const storyOperationsDeleted = await deps.storyOperations.removeForLink(tenantId, linkId);
  await deps.storyUploads.removeForLink(tenantId, linkId);
  await deps.messageStats.removeForLink(tenantId, linkId);
  const done = { linkId, ...subscriptions, adOperationsDeleted, storyOperationsDeleted };
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
export { createLink, getLink, linkNotFound, listLinks, unlink, updateLink, updateLinkWith };
