import { ConflictError, NotFoundError, type TandemError, ValidationError } from '../errors.js';
import { epochSeconds } from '../time.js';
import type { LinkingDeps } from './deps.js';
import { discoverAssets, type GrantAssets, openGrantToken, requireGrant } from './grants.js';
import { createLink } from './links.js';
import { type Link, META_ID, SESSION_ID } from './model.js';
import {
  browserHashOf,
  endSignIn,
  openSelection,
  otherBrowser,
  type SignInEnded,
} from './oauth.js';

/** What the picker form posted. Strings as typed by the browser; checked here. */
interface SelectionInput {
  /** The browser's sign-in cookie, if it sent one. */
  browserKey: string | undefined;
  selectionId?: string;
  pageId?: string;
  phoneNumberId?: string;
}

type SelectionResult =
  | SignInEnded
  | { kind: 'linked'; link: Link; tenantName: string; returnUrl?: string }
  | {
      /** The user can fix this by choosing again: the picker is shown again with a fresh session. */
      kind: 'retry';
      tenantName: string;
      problem: TandemError;
      assets: GrantAssets;
      selectionId: string;
      selectionExpiresAt: string;
    };

const selectionInvalid = (): ValidationError =>
  new ValidationError(
    'This selection form is not valid or was already submitted. Start linking again from your app.',
    undefined,
    'selection_invalid'
  );

const checkChoice = (input: SelectionInput): { pageId: string; phoneNumberId: string } => {
  const missing = [
    ...(input.pageId && META_ID.test(input.pageId) ? [] : ['a Facebook Page']),
    ...(input.phoneNumberId && META_ID.test(input.phoneNumberId) ? [] : ['a WhatsApp number']),
  ];
  if (missing.length > 0 || !input.pageId || !input.phoneNumberId) {
    throw new ValidationError(
      `Choose ${missing.join(' and ')}.`,
      undefined,
      'selection_incomplete'
    );
  }
  return { pageId: input.pageId, phoneNumberId: input.phoneNumberId };
};

/**
 * Links the Page and number picked in the callback page's form.
 *
 * 1. Consume the selection session (single-use, tenant-bound, short-lived, and bound to the browser
 *    that signed in): it stands in for the JWT, which the browser does not have.
 * 2. Create the link for the session's tenant and grant (same rules as POST /links).
 * 3. If the user can fix the problem (nothing chosen, already linked, not reachable), show the
 *    picker again under a fresh session with the reason.
 */
const completeSelection = async (
  deps: Pick<
    LinkingDeps,
    'sessions' | 'grants' | 'vault' | 'meta' | 'links' | 'clock' | 'ids' | 'oauth' | 'events'
  >,
  input: SelectionInput
): Promise<SelectionResult> => {
  if (!input.selectionId || !SESSION_ID.test(input.selectionId)) throw selectionInvalid();
  const session = await deps.sessions.consume('selection', input.selectionId);
  if (!session) throw selectionInvalid();
  if (session.expiresAt <= epochSeconds(deps.clock.now())) {
    return endSignIn(
      session.returnUrl,
      'expired',
      new ValidationError(
        'This selection form expired. Start linking again from your app.',
        undefined,
        'selection_expired'
      )
    );
  }
  if (!input.browserKey || session.browserHash !== browserHashOf(input.browserKey)) {
    throw otherBrowser();
  }
  try {
    const choice = checkChoice(input);
    const link = await createLink(deps, session.tenantId, { grantId: session.grantId, ...choice });
    return {
      kind: 'linked',
      link,
      tenantName: session.tenantName,
      ...(session.returnUrl ? { returnUrl: session.returnUrl } : {}),
    };
  } catch (error) {
    const fixable =
      (error instanceof ValidationError && error.code === 'selection_incomplete') ||
      error instanceof ConflictError ||
      (error instanceof NotFoundError && error.code !== 'grant_not_found');
    if (!fixable) throw error;
    const grant = await requireGrant(deps, session.tenantId, session.grantId);
    const assets = await discoverAssets(deps, await openGrantToken(deps, grant), grant.wabaIds);
    const next = await openSelection(deps, session);
    return {
      kind: 'retry',
      tenantName: session.tenantName,
      problem: error,
      assets,
      selectionId: next.id,
      selectionExpiresAt: next.expiresAt,
    };
  }
};

export type { SelectionInput, SelectionResult };
export { completeSelection };
