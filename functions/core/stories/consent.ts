import { ConflictError } from '../errors.js';
import { mayReadInstagram } from '../linking/instagram.js';
import { instagramFields, type Link, withoutInstagram } from '../linking/model.js';
import { openLink, openToken } from '../linking/open.js';
import type { Clock, LinkRepository, MetaGateway } from '../linking/ports.js';
import {
  type ConsentChange,
  consentOff,
  HISTORY_LIMIT,
  STORY_TARGETS,
  type StoriesConsent,
  TARGET_SCOPES,
  type TargetSwitches,
} from './model.js';
import type { StoriesDeps } from './ports.js';

/**
 * A link's story consent: off for every target until the tenant turns one on. Turning a target on
 * records who and when, and is the only moment Tandem asks Meta for the permissions it needs.
 */

interface ConsentView {
  linkId: string;
  targets: TargetSwitches;
  instagramAccountId?: string;
  instagramUsername?: string;
  /** Permissions the targets turned on still need from Meta (granted through `signIn`). */
  missingPermissions: string[];
  /** A sign-in asking for exactly those permissions, when some are missing. */
  signIn?: { authorizeUrl: string; expiresAt: string };
  history: ConsentChange[];
}

/** Opens a sign-in with the stories login configuration, for the tenant's user's browser. */
type StoriesSignIn = (tenantId: string) => Promise<{ authorizeUrl: string; expiresAt: string }>;

const missingFor = (targets: TargetSwitches, scopes: readonly string[]): string[] => [
  ...new Set(
    STORY_TARGETS.filter((target) => targets[target])
      .flatMap((target) => TARGET_SCOPES[target])
      .filter((scope) => !scopes.includes(scope))
  ),
];

const viewOf = (
  link: Link,
  consent: StoriesConsent,
  missingPermissions: string[]
): ConsentView => ({
  linkId: link.linkId,
  targets: consent.targets,
  ...instagramFields(
    link.instagramAccountId
      ? { id: link.instagramAccountId, username: link.instagramUsername }
      : undefined
  ),
  missingPermissions,
  history: consent.history,
});

/** GET: the consent as stored; reads nothing from Meta. */
const getConsent = async (
  deps: Pick<StoriesDeps, 'links' | 'grants'>,
  tenantId: string,
  linkId: string
): Promise<ConsentView> => {
  const { link, grant } = await openLink(deps, tenantId, linkId);
  const consent = link.stories ?? consentOff();
  return viewOf(link, consent, missingFor(consent.targets, grant.scopes));
};

/**
 * PUT: sets both targets. Turning Instagram on reads the Page's Instagram professional account
 * (409 when it has none) once the grant may (instagram_basic); before that, the stories sign-in it
 * answers reads it. Turning everything off calls nothing at Meta. A job that runs after a target was
 * turned off cancels that target instead of posting.
 */
const setConsent = async (
  deps: Pick<StoriesDeps, 'links' | 'grants' | 'vault'> & {
    links: Pick<LinkRepository, 'get' | 'update'>;
    meta: Pick<MetaGateway, 'getInstagramAccount'>;
    clock: Clock;
    signIn: StoriesSignIn;
  },
  tenantId: string,
  linkId: string,
  by: string,
  targets: TargetSwitches
): Promise<ConsentView> => {
  const { link, grant } = await openLink(deps, tenantId, linkId);
  let stored = link;
  if (targets.instagram && mayReadInstagram(grant.scopes)) {
    const account = await deps.meta.getInstagramAccount(await openToken(deps, grant), link.pageId);
    if (!account) {
      throw new ConflictError(
        'The Page has no Instagram professional account connected, so Instagram stories cannot be turned on. Connect one in the Page’s settings (Linked accounts), then try again.',
        { linkId, pageId: link.pageId },
        'instagram_account_missing'
      );
    }
    stored = { ...withoutInstagram(link), ...instagramFields(account) };
  }
  const previous = link.stories ?? consentOff();
  const now = deps.clock.now().toISOString();
  const consent: StoriesConsent = {
    targets,
    history: [...previous.history, { at: now, by, targets }].slice(-HISTORY_LIMIT),
  };
  await deps.links.update(
    {
      ...stored,
      stories: consent,
      updatedAt: now,
      version: link.version + 1,
    },
    link.version
  );
  const missing = missingFor(targets, grant.scopes);
  const view = viewOf(stored, consent, missing);
  return missing.length > 0 ? { ...view, signIn: await deps.signIn(tenantId) } : view;
};

export type { ConsentView, StoriesSignIn };
export { getConsent, missingFor, setConsent };
