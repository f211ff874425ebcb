import type { Link } from './model.js';
import { e164Digits } from './numbers.js';
import type { MetaLink, MetaLinkState } from './whatsapp-side.js';

/**
 * Meta's own Page <-> WhatsApp number link, read from the Page fields `whatsapp_number`,
 * `has_whatsapp_number` and `has_whatsapp_business_number` (codegen Page.json; "readable with Page
 * Public Content Access or Page Public Metadata Access", https://developers.facebook.com/docs/graph-api/reference/page/).
 * No Page webhook carries it, so an unlink in the WhatsApp Business app or in Page settings is seen
 * only when Tandem reads it: at link time, in every reconcile run, and on demand.
 */

/** The Page fields that carry the link; asked for in the same request as the Page's other fields. */
const META_LINK_FIELDS = ['whatsapp_number', 'has_whatsapp_number', 'has_whatsapp_business_number'];

/** What Meta answered about the Page's WhatsApp number, or why it did not. */
type PageWhatsAppRead =
  | {
      answered: true;
      whatsappNumber?: string;
      hasWhatsAppNumber?: boolean;
      hasWhatsAppBusinessNumber?: boolean;
    }
  | { answered: false; reason: string };

/**
 * The link's Meta-side state from a read, compared on E.164 digits with the link's number. The
 * format of `whatsapp_number` is not documented, so only its digits count; a Page that says it has
 * a number but not which one is `unknown`, never `missing`. `since` carries over from `previous`
 * while nothing changed, and a verification in progress stays until the link exists.
 */
const classifyMetaLink = (
  read: PageWhatsAppRead,
  linkNumber: string,
  now: Date,
  previous?: MetaLink
): MetaLink => {
  const wanted = e164Digits(linkNumber);
  let next: Omit<MetaLink, 'since'>;
  if (!read.answered) {
    next = { state: 'unknown', reason: read.reason };
  } else {
    const pageNumber = e164Digits(read.whatsappNumber ?? '');
    const business =
      read.hasWhatsAppBusinessNumber === undefined
        ? {}
        : { businessNumber: read.hasWhatsAppBusinessNumber };
    if (pageNumber !== '') {
      next = {
        state: pageNumber === wanted ? 'linked' : 'other_number',
        pageNumber,
        ...business,
      };
    } else if (read.hasWhatsAppNumber === true) {
      next = {
        state: 'unknown',
        ...business,
        reason: 'Meta says the Page has a WhatsApp number but did not say which one.',
      };
    } else if (read.hasWhatsAppNumber === false || read.whatsappNumber !== undefined) {
      next = { state: 'missing' };
    } else {
      next = {
        state: 'unknown',
        reason: 'Meta answered the Page without its WhatsApp fields.',
      };
    }
  }
  const unchanged =
    previous !== undefined &&
    previous.state === next.state &&
    previous.pageNumber === next.pageNumber;
  const verification =
    next.state !== 'linked' && previous?.verification
      ? { verification: previous.verification }
      : {};
  return { ...next, since: unchanged ? previous.since : now.toISOString(), ...verification };
};

/** Whether storing `next` over `previous` would change what the link says (not just a re-read). */
const metaLinkChanged = (previous: MetaLink | undefined, next: MetaLink): boolean =>
  previous === undefined ||
  previous.state !== next.state ||
  previous.pageNumber !== next.pageNumber ||
  previous.businessNumber !== next.businessNumber ||
  previous.reason !== next.reason ||
  JSON.stringify(previous.verification) !== JSON.stringify(next.verification);

const HOW_TO_LINK = (link: Pick<Link, 'linkId' | 'displayPhoneNumber'>): string =>
  `Link it from Tandem with PUT /links/${link.linkId}/meta-link (Meta sends a code to ${link.displayPhoneNumber}, which you then send in { "code" }), or in the WhatsApp Business app (Settings > Business tools > Facebook & Instagram), or in the Page's settings (Linked accounts > WhatsApp).`;

/**
 * What the business can do about a state that is not `linked`; undefined for `linked`. Each says
 * what it costs them: without Meta's link there is no WhatsApp button on the Page and no
 * Click-to-WhatsApp ad for the number.
 */
const metaLinkFix = (
  state: MetaLinkState,
  link: Pick<Link, 'linkId' | 'pageName' | 'displayPhoneNumber'>,
  pageNumber?: string
): string | undefined => {
  switch (state) {
    case 'linked':
      return undefined;
    case 'missing':
      return `The Facebook Page ${link.pageName} has no WhatsApp number linked on Meta's side: no WhatsApp button on the Page, and no Click-to-WhatsApp ads for ${link.displayPhoneNumber}. ${HOW_TO_LINK(link)}`;
    case 'other_number':
      return `The Facebook Page ${link.pageName} is linked on Meta's side to WhatsApp number +${pageNumber ?? '?'}, not to ${link.displayPhoneNumber}: its WhatsApp button and Click-to-WhatsApp ads go to that number. ${HOW_TO_LINK(link)}`;
    case 'unknown':
      return `Meta did not say which WhatsApp number the Facebook Page ${link.pageName} is linked to, so Tandem cannot check it; Meta decides when an ad is created. If the Page has no WhatsApp button, ${HOW_TO_LINK(link).replace(/^L/, 'l')}`;
  }
};

export type { PageWhatsAppRead };
export { classifyMetaLink, META_LINK_FIELDS, metaLinkChanged, metaLinkFix };
