import { ConflictError, TandemError } from '../errors.js';
import {
  INSTAGRAM_READ_SCOPE,
  type InstagramAccount,
  instagramFields,
  type Link,
  withoutInstagram,
} from './model.js';
import type { Clock, LinkRepository, MetaGateway } from './ports.js';

/**
 * Reading a Page's Instagram professional account, where linking and story consent need it. Meta
 * asks for instagram_basic to answer `instagram_business_account`, which a first sign-in never
 * grants; a grant without it is not asked (the answer would be a refusal, not "no account").
 */

/** What a read came to: `unread` when the grant may not read it or Meta could not answer. */
type InstagramRead = { kind: 'unread' } | { kind: 'read'; account?: InstagramAccount };

const mayReadInstagram = (scopes: readonly string[]): boolean =>
  scopes.includes(INSTAGRAM_READ_SCOPE);

/**
 * Reads the account when the grant may. A Meta failure is `unread`, not an error: the account is an
 * extra on the link, so linking (or a sign-in) must not fail for it; the reconciler reads it again.
 */
const readInstagram = async (
  deps: { meta: Pick<MetaGateway, 'getInstagramAccount'> },
  token: string,
  scopes: readonly string[],
  pageId: string
): Promise<InstagramRead> => {
  if (!mayReadInstagram(scopes)) return { kind: 'unread' };
  try {
    const account = await deps.meta.getInstagramAccount(token, pageId);
    return account ? { kind: 'read', account } : { kind: 'read' };
  } catch (error) {
    if (error instanceof TandemError) return { kind: 'unread' };
    throw error;
  }
};

/** Whether a read says something other than what the link holds. */
const instagramChanged = (link: Link, account: InstagramAccount | undefined): boolean =>
  link.instagramAccountId !== account?.id || link.instagramUsername !== account?.username;

/**
 * Reads the account of each link and stores what changed. A link written meanwhile keeps its
 * newer version (the next read catches up).
 */
const refreshInstagram = async (
  deps: {
    meta: Pick<MetaGateway, 'getInstagramAccount'>;
    links: Pick<LinkRepository, 'update'>;
    clock: Clock;
  },
  token: string,
  scopes: readonly string[],
  links: readonly Link[]
): Promise<void> => {
  for (const link of links) {
    const read = await readInstagram(deps, token, scopes, link.pageId);
    if (read.kind === 'unread' || !instagramChanged(link, read.account)) continue;
    try {
      await deps.links.update(
        {
          ...withoutInstagram(link),
          ...instagramFields(read.account),
          updatedAt: deps.clock.now().toISOString(),
          version: link.version + 1,
        },
        link.version
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
};

export type { InstagramRead };
export { instagramChanged, mayReadInstagram, readInstagram, refreshInstagram };
