import type { SyncField } from '../linking/model.js';
import { verticalFor, type WhatsAppVertical } from './verticals.js';

/**
 * Page -> WhatsApp business profile mapping: pure, deterministic, and explicit about every value it
 * had to change. Where Meta's docs and its OpenAPI spec disagree on a limit, the stricter one wins
 * (description: docs 512, spec 256 -> 256).
 */
const PROFILE_LIMITS = {
  about: 139,
  address: 256,
  description: 256,
  email: 128,
  website: 256,
  websites: 2,
} as const;

interface PageLocation {
  street?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
}

/** What Tandem reads from a Facebook Page, already validated by the Graph adapter. */
interface PageSnapshot {
  pageId: string;
  about?: string;
  description?: string;
  emails?: string[];
  website?: string;
  singleLineAddress?: string;
  location?: PageLocation;
  /** Primary category first, then the rest of category_list. */
  categories: string[];
  hours?: Record<string, string>;
  /** The picture's source URL and a hash of its bytes (URLs rotate; bytes decide "changed"). */
  picture?: { url: string; sha256: string };
}

/** The writable text fields of a WhatsApp business profile, in Tandem's naming. */
interface ProfileFields {
  about?: string;
  description?: string;
  address?: string;
  email?: string;
  websites?: string[];
  vertical?: WhatsAppVertical;
}

interface MappingNote {
  field: SyncField | 'hours';
  kind: 'truncated' | 'dropped' | 'unsupported' | 'fallback' | 'kept';
  message: string;
}

interface MappedProfile {
  fields: ProfileFields;
  picture: { url: string; sha256: string } | undefined;
  notes: MappingNote[];
  /**
   * Fields the Page leaves empty that WhatsApp cannot be told to clear: Meta's spec takes an email
   * only as a valid address (`format: email`), so an empty Page email leaves WhatsApp's as it is.
   */
  unclearable: 'email'[];
}

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Shortens text to at most `max` UTF-16 code units (the strictest way to count what WhatsApp
 * counts), never splitting a grapheme (emoji, accents), preferring a word boundary in the last fifth,
 * and ending with an ellipsis so readers can tell it was cut. Same input, same output.
 */
const truncate = (text: string, max: number): { value: string; truncated: boolean } => {
  if (text.length <= max) return { value: text, truncated: false };
  const budget = max - ELLIPSIS.length;
  let kept = '';
  let cutBeforeSpace = false;
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length + segment.length > budget) {
      cutBeforeSpace = /^\s/.test(segment);
      break;
    }
    kept += segment;
  }
  // Drop a half-cut last word, unless the cut already fell on a word boundary.
  const lastSpace = kept.search(/\s\S*$/);
  if (!cutBeforeSpace && lastSpace >= Math.floor(budget * 0.8)) kept = kept.slice(0, lastSpace);
  return { value: `${kept.trimEnd()}${ELLIPSIS}`, truncated: true };
};

const clean = (text: string | undefined): string => (text ?? '').replace(/\s+\n/g, '\n').trim();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const addressOf = (page: PageSnapshot): string => {
  const single = clean(page.singleLineAddress);
  if (single) return single;
  const loc = page.location;
  if (!loc) return '';
  const cityLine = [loc.city, [loc.state, loc.zip].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [loc.street, cityLine, loc.country]
    .map((part) => clean(part))
    .filter(Boolean)
    .join(', ');
};

/** Page `website` may hold several URLs separated by spaces or commas, with or without a scheme. */
const websitesOf = (raw: string | undefined): { urls: string[]; rejected: string[] } => {
  const urls: string[] = [];
  const rejected: string[] = [];
  for (const candidate of clean(raw)
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const withScheme = /^https?:\/\//i.test(candidate) ? candidate : `https://${candidate}`;
    let parsed: URL;
    try {
      parsed = new URL(withScheme);
    } catch {
      rejected.push(candidate);
      continue;
    }
    const href = parsed.href;
    if (!parsed.hostname.includes('.') || href.length > PROFILE_LIMITS.website)
      rejected.push(candidate);
    else if (!urls.includes(href)) urls.push(href);
  }
  return { urls, rejected };
};

type TextField = 'about' | 'description' | 'address' | 'email';

/**
 * Maps a Page snapshot onto the profile fields the link syncs. Fields not in `enabled` are left out
 * entirely (not cleared), so an opted-out field stays as the business set it on WhatsApp.
 */
const mapPageToProfile = (page: PageSnapshot, enabled: readonly SyncField[]): MappedProfile => {
  const on = new Set(enabled);
  const fields: ProfileFields = {};
  const notes: MappingNote[] = [];

  const text = (field: TextField, value: string, limit: number): void => {
    const { value: fitted, truncated } = truncate(value, limit);
    if (truncated) {
      notes.push({
        field,
        kind: 'truncated',
        message: `${field} is ${value.length} characters on the Page; WhatsApp allows ${limit}, so it was shortened.`,
      });
    }
    fields[field] = fitted;
  };

  if (on.has('about')) {
    const about = clean(page.about);
    // WhatsApp refuses an empty about (1-139), so an empty Page about leaves WhatsApp's as it is.
    if (about) text('about', about, PROFILE_LIMITS.about);
    else
      notes.push({
        field: 'about',
        kind: 'kept',
        message:
          'The Page has no about text; WhatsApp requires one, so its about was left unchanged.',
      });
  }
  if (on.has('description'))
    text('description', clean(page.description), PROFILE_LIMITS.description);
  if (on.has('address')) text('address', addressOf(page), PROFILE_LIMITS.address);
  const unclearable: MappedProfile['unclearable'] = [];
  if (on.has('email')) {
    const emails = (page.emails ?? []).map((email) => email.trim());
    const email = emails.find(
      (candidate) => EMAIL.test(candidate) && candidate.length <= PROFILE_LIMITS.email
    );
    if (email) fields.email = email;
    else unclearable.push('email');
    if (emails.length > 0 && email === undefined) {
      notes.push({
        field: 'email',
        kind: 'dropped',
        message: 'No Page email is a valid address of at most 128 characters.',
      });
    } else if (emails.length > 1) {
      notes.push({
        field: 'email',
        kind: 'dropped',
        message: `WhatsApp holds one email; ${email} was used and ${emails.length - 1} other(s) left out.`,
      });
    }
  }
  if (on.has('websites')) {
    const { urls, rejected } = websitesOf(page.website);
    fields.websites = urls.slice(0, PROFILE_LIMITS.websites);
    if (urls.length > PROFILE_LIMITS.websites) {
      notes.push({
        field: 'websites',
        kind: 'dropped',
        message: `WhatsApp holds at most 2 websites; ${urls.slice(2).join(', ')} left out.`,
      });
    }
    if (rejected.length > 0) {
      notes.push({
        field: 'websites',
        kind: 'dropped',
        message: `Not a usable web address: ${rejected.join(', ')}.`,
      });
    }
  }
  if (on.has('vertical')) {
    const match = verticalFor(page.categories);
    fields.vertical = match.vertical;
    if (match.from === undefined && page.categories.length > 0) {
      notes.push({
        field: 'vertical',
        kind: 'fallback',
        message: `No WhatsApp vertical matches the Page category "${page.categories[0]}"; OTHER was used.`,
      });
    }
  }
  if (page.hours && Object.keys(page.hours).length > 0) {
    notes.push({
      field: 'hours',
      kind: 'unsupported',
      message:
        "The Page has opening hours, but WhatsApp's Cloud API cannot set hours: set them in the WhatsApp Business app or WhatsApp Manager.",
    });
  }
  const picture = on.has('profilePicture') ? page.picture : undefined;
  return { fields, picture, notes, unclearable };
};

export type { MappedProfile, MappingNote, PageLocation, PageSnapshot, ProfileFields };
export { mapPageToProfile, PROFILE_LIMITS, truncate, websitesOf };
