import { ConflictError, NotFoundError, TandemError } from '../errors.js';
import { getLink, updateLinkWith } from '../linking/links.js';
import { classifyMetaLink, metaLinkChanged, metaLinkFix } from '../linking/meta-link.js';
import { type Link, type WhatsAppView, whatsappView } from '../linking/model.js';
import { healthChanged, toNumberHealth } from '../linking/number-health.js';
import { e164Digits } from '../linking/numbers.js';
import type {
  Clock,
  GrantRepository,
  LinkRepository,
  MetaGateway,
  OpenedKey,
  SecretContext,
  TokenVault,
} from '../linking/ports.js';
import type { MetaLink, NumberHealth } from '../linking/whatsapp-side.js';

/**
 * What a tenant asks of a link's WhatsApp side through the API: Meta's side read now (the link,
 * the number's health), and Meta's Page <-> number link made from Tandem with
 * `POST /{page-id}/page_whatsapp_number_verification`: a first call has Meta send a code to the
 * number, a second carries the code. Tandem only ever sends the link's own number.
 */

interface WhatsAppRequestDeps {
  links: Pick<LinkRepository, 'get' | 'update' | 'storePageToken'>;
  grants: Pick<GrantRepository, 'get'>;
  vault: Pick<TokenVault, 'withKey'>;
  meta: Pick<MetaGateway, 'readPage' | 'readHealth' | 'verifyPageWhatsAppNumber'>;
  clock: Clock;
}

/** How long Tandem accepts a code after asking Meta for it; Meta's own expiry is not documented. */
const VERIFICATION_TTL_SECONDS = 15 * 60;
/** Codes refused before Tandem asks for a new one (Meta's own limit is not documented). */
const MAX_FAILED_CODES = 5;

type WhatsAppSideView = { linkId: string; checkedAt: string } & WhatsAppView;

type MetaLinkOutcome =
  /** Meta sent a code to the number: send it with PUT { "code" }. */
  | 'code_sent'
  /** The Page is now linked to the number on Meta's side. */
  | 'linked'
  /** It already was: nothing was sent. */
  | 'already_linked'
  /** Meta took the code but the Page does not show the number yet: read it again shortly. */
  | 'accepted';

interface MetaLinkChange {
  linkId: string;
  outcome: MetaLinkOutcome;
  metaLink: MetaLink & { fix?: string };
  message: string;
}

const relinkNeeded = (link: Link): NotFoundError =>
  new NotFoundError(
    `The Facebook sign-in behind link ${link.linkId} is gone. Sign in again (POST /links/oauth/start) and link the Page again.`,
    { linkId: link.linkId },
    'grant_not_found'
  );

const secretContext = (link: Link): SecretContext => ({
  tenantId: link.tenantId,
  grantId: link.grantId,
  purpose: 'page_token',
  pageId: link.pageId,
});

/** Runs `fn` with the link's grant opened; another tenant's link or a lost grant is a 404. */
const withGrant = async <T>(
  deps: WhatsAppRequestDeps,
  tenantId: string,
  linkId: string,
  fn: (link: Link, key: OpenedKey) => Promise<T>
): Promise<T> => {
  const link = await getLink(deps, tenantId, linkId);
  const grant = await deps.grants.get(tenantId, link.grantId);
  if (!grant) throw relinkNeeded(link);
  return deps.vault.withKey(
    grant.token,
    { tenantId: grant.tenantId, grantId: grant.grantId, purpose: 'meta_user_token' },
    (key) => fn(link, key)
  );
};

/**
 * Reads Meta's link now with the user's token (which also answers the Page's token), keeping the
 * Page token on the link when it had none that opens.
 */
const readMetaLink = async (
  deps: WhatsAppRequestDeps,
  link: Link,
  key: OpenedKey
): Promise<{ metaLink: MetaLink; pageToken: string | undefined }> => {
  const read = await deps.meta.readPage(key.token, link.pageId);
  const stored = link.pageToken && key.open(link.pageToken, secretContext(link));
  if (read.pageToken && read.pageToken !== stored) {
    await deps.links.storePageToken(link, key.seal(read.pageToken, secretContext(link)));
  }
  return {
    metaLink: classifyMetaLink(
      read.whatsapp,
      link.displayPhoneNumber,
      deps.clock.now(),
      link.whatsapp?.metaLink
    ),
    pageToken: read.pageToken ?? stored ?? undefined,
  };
};

/** Stores the WhatsApp side's new parts on the link, when they change anything. */
const store = async (
  deps: WhatsAppRequestDeps,
  link: Link,
  parts: { metaLink?: MetaLink; health?: NumberHealth }
): Promise<Link> => {
  const written = await updateLinkWith(deps, link.tenantId, link.linkId, (current) => {
    const metaLink = parts.metaLink && metaLinkChanged(current.whatsapp?.metaLink, parts.metaLink);
    const health = parts.health && healthChanged(current.whatsapp?.health, parts.health);
    if (!metaLink && !health) return undefined;
    return {
      ...current,
      whatsapp: {
        ...current.whatsapp,
        ...(metaLink ? { metaLink: parts.metaLink } : {}),
        ...(health ? { health: parts.health } : {}),
      },
      updatedAt: deps.clock.now().toISOString(),
      version: current.version + 1,
    };
  });
  return written ?? { ...link, whatsapp: { ...link.whatsapp, ...parts } };
};

/**
 * The link's WhatsApp side, read from Meta now (two Graph calls: the Page's link fields, the
 * number's health), stored when it changed, with the fixes. A health read Meta refuses leaves the
 * last one standing.
 */
const refreshWhatsAppSide = (
  deps: WhatsAppRequestDeps,
  tenantId: string,
  linkId: string
): Promise<WhatsAppSideView> =>
  withGrant(deps, tenantId, linkId, async (link, key) => {
    const [{ metaLink }, health] = await Promise.all([
      readMetaLink(deps, link, key),
      deps.meta.readHealth(key.token, link.phoneNumberId).then(
        (read) => toNumberHealth(read, deps.clock.now(), link.whatsapp?.health),
        () => undefined
      ),
    ]);
    const stored = await store(deps, link, { metaLink, ...(health ? { health } : {}) });
    return { linkId, checkedAt: deps.clock.now().toISOString(), ...whatsappView(stored) };
  });

const withFix = (link: Link, metaLink: MetaLink): MetaLink & { fix?: string } => {
  const fix = metaLinkFix(metaLink.state, link, metaLink.pageNumber);
  return { ...metaLink, ...(fix ? { fix } : {}) };
};

const noPageToken = (link: Link): TandemError =>
  new ConflictError(
    `Meta gave no token for the Page ${link.pageName}: the Facebook user behind this link can no longer manage it. Sign in again as a Page admin and link it again.`,
    { linkId: link.linkId, pageId: link.pageId },
    'page_token_missing'
  );

/**
 * Makes Meta's Page <-> number link for the link's own number.
 *
 * Without a code:
 * 1. Read Meta's link: already linked -> `already_linked`, nothing sent.
 * 2. Ask Meta to send a code to the number (the Page's token), record the verification on the link
 *    (Tandem accepts its code for 15 minutes) -> `code_sent`.
 * With a code:
 * 1. Read Meta's link: already linked -> `already_linked`.
 * 2. A verification must be in progress and not expired, with fewer than 5 codes refused (409 with
 *    what to do otherwise).
 * 3. Send the number with the code: a refused code counts against the five and answers 400; an
 *    accepted one is checked by reading the Page again -> `linked`, or `accepted` when the Page does
 *    not show the number yet.
 *
 * @throws NotFoundError (the link, or its grant); ConflictError `verification_not_started`,
 * `verification_expired`, `verification_locked`, `page_token_missing`; ValidationError
 * `verification_code_invalid` / `verification_refused` with Meta's words.
 */
const linkPageOnMeta = (
  deps: WhatsAppRequestDeps,
  tenantId: string,
  linkId: string,
  input: { code?: string }
): Promise<MetaLinkChange> =>
  withGrant(deps, tenantId, linkId, async (link, key) => {
    const number = `+${e164Digits(link.displayPhoneNumber)}`;
    const now = deps.clock.now();
    const before = await readMetaLink(deps, link, key);
    if (before.metaLink.state === 'linked') {
      const stored = await store(deps, link, { metaLink: before.metaLink });
      return {
        linkId,
        outcome: 'already_linked',
        metaLink: withFix(stored, before.metaLink),
        message: `The Facebook Page ${link.pageName} is already linked to ${link.displayPhoneNumber} on Meta's side.`,
      };
    }
    if (!before.pageToken) throw noPageToken(link);
    const pageToken = before.pageToken;

    if (input.code === undefined) {
      const answer = await deps.meta.verifyPageWhatsAppNumber(pageToken, link.pageId, number);
      if (answer.message) {
        throw new ConflictError(
          `Meta did not send a code to ${link.displayPhoneNumber}: ${answer.message}`,
          { linkId, metaStatus: answer.status },
          'verification_refused'
        );
      }
      const metaLink: MetaLink = {
        ...before.metaLink,
        verification: {
          number: e164Digits(number),
          startedAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + VERIFICATION_TTL_SECONDS * 1000).toISOString(),
          failedAttempts: 0,
        },
      };
      const stored = await store(deps, link, { metaLink });
      return {
        linkId,
        outcome: 'code_sent',
        metaLink: withFix(stored, metaLink),
        message: `Meta sent a code to ${link.displayPhoneNumber} (a WhatsApp message or a call, as Meta chooses). Send it within ${VERIFICATION_TTL_SECONDS / 60} minutes: PUT /links/${linkId}/meta-link with { "code": "<the code>" }.`,
      };
    }

    const verification = before.metaLink.verification;
    const restart = `Ask for a new code with PUT /links/${linkId}/meta-link and an empty body {}.`;
    if (!verification || verification.number !== e164Digits(number)) {
      throw new ConflictError(
        `No code was asked for link ${linkId}. ${restart}`,
        { linkId },
        'verification_not_started'
      );
    }
    if (Date.parse(verification.expiresAt) <= now.getTime()) {
      throw new ConflictError(
        `The code for link ${linkId} was asked for at ${verification.startedAt} and is no longer accepted. ${restart}`,
        { linkId, expiresAt: verification.expiresAt },
        'verification_expired'
      );
    }
    if (verification.failedAttempts >= MAX_FAILED_CODES) {
      throw new ConflictError(
        `${MAX_FAILED_CODES} codes were refused for link ${linkId}. ${restart}`,
        { linkId },
        'verification_locked'
      );
    }
    try {
      await deps.meta.verifyPageWhatsAppNumber(pageToken, link.pageId, number, input.code);
    } catch (error) {
      if (error instanceof TandemError && error.code === 'verification_code_invalid') {
        await store(deps, link, {
          metaLink: {
            ...before.metaLink,
            verification: { ...verification, failedAttempts: verification.failedAttempts + 1 },
          },
        });
      }
      throw error;
    }
    // Meta took the code: the verification is over, whatever the Page shows yet.
    const settled = withoutVerification((await readMetaLink(deps, link, key)).metaLink);
    const stored = await store(deps, link, { metaLink: settled });
    const linked = settled.state === 'linked';
    return {
      linkId,
      outcome: linked ? 'linked' : 'accepted',
      metaLink: withFix(stored, settled),
      message: linked
        ? `The Facebook Page ${link.pageName} is now linked to ${link.displayPhoneNumber} on Meta's side: its WhatsApp button and Click-to-WhatsApp ads go to that number.`
        : `Meta accepted the code, but the Page does not show the number yet. Read it again shortly with GET /links/${linkId}/meta-link.`,
    };
  });

const withoutVerification = ({ verification: _v, ...metaLink }: MetaLink): MetaLink => metaLink;

export type { MetaLinkChange, MetaLinkOutcome, WhatsAppRequestDeps, WhatsAppSideView };
export { linkPageOnMeta, MAX_FAILED_CODES, refreshWhatsAppSide, VERIFICATION_TTL_SECONDS };
