import { isRecord } from '../http.js';
import type { WhatsAppProfile } from '../store.js';

/**
 * Validates a business-profile update as Meta would, taking the stricter of the docs and the v23.0
 * OpenAPI spec for each limit (description: 256, the spec's, not the docs' 512). Lengths are counted
 * in characters (code points), as JSON Schema's maxLength is.
 */

const VERTICALS = [
  'OTHER',
  'AUTO',
  'BEAUTY',
  'APPAREL',
  'EDU',
  'ENTERTAIN',
  'EVENT_PLAN',
  'FINANCE',
  'GROCERY',
  'GOVT',
  'HOTEL',
  'HEALTH',
  'NONPROFIT',
  'PROF_SERVICES',
  'RETAIL',
  'TRAVEL',
  'RESTAURANT',
  'ALCOHOL',
  'ONLINE_GAMBLING',
  'PHYSICAL_GAMBLING',
  'OTC_DRUGS',
] as const;

const KNOWN_KEYS = new Set([
  'messaging_product',
  'about',
  'address',
  'description',
  'email',
  'websites',
  'vertical',
  'profile_picture_handle',
]);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const chars = (text: string): number => [...text].length;

interface ProfileUpdate {
  fields: Partial<Omit<WhatsAppProfile, 'profilePictureUrl'>>;
  pictureHandle?: string;
}

type Check = { ok: true; update: ProfileUpdate } | { ok: false; message: string };

const textRule = (
  body: Record<string, unknown>,
  key: 'about' | 'address' | 'description',
  min: number,
  max: number
): string | undefined => {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `Param ${key} must be a string`;
  if (chars(value) < min) return `Param ${key} must be at least ${min} character long`;
  if (chars(value) > max) return `Param ${key} must be at most ${max} characters long`;
  return undefined;
};

const emailRule = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return 'Param email must be a string';
  if (chars(value) > 128) return 'Param email must be at most 128 characters long';
  if (value !== '' && !EMAIL.test(value)) return 'Param email must be a valid email address';
  return undefined;
};

const isHttpUrl = (value: string): boolean => {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

const websitesRule = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return 'Param websites must be an array of URLs';
  if (value.length > 2) return 'Param websites must contain at most 2 URLs';
  for (const site of value) {
    if (typeof site !== 'string') return 'Param websites must contain only strings';
    if (chars(site) > 256) return 'Each URL in param websites must be at most 256 characters long';
    if (!isHttpUrl(site)) return `Website URL '${site}' must start with http:// or https://`;
  }
  return undefined;
};

const verticalRule = (value: unknown): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !(VERTICALS as readonly string[]).includes(value)) {
    return `Param vertical must be one of {${VERTICALS.join(', ')}} or an empty string`;
  }
  return undefined;
};

const firstProblem = (body: Record<string, unknown>): string | undefined => {
  if (body.messaging_product !== 'whatsapp') return "Param messaging_product must be 'whatsapp'";
  const unknown = Object.keys(body).find((key) => !KNOWN_KEYS.has(key));
  if (unknown) return `Param ${unknown} is not a valid business profile field`;
  const handle = body.profile_picture_handle;
  if (handle !== undefined && (typeof handle !== 'string' || handle === '')) {
    return 'Param profile_picture_handle must be a non-empty string';
  }
  return (
    textRule(body, 'about', 1, 139) ??
    textRule(body, 'address', 0, 256) ??
    textRule(body, 'description', 0, 256) ??
    emailRule(body.email) ??
    websitesRule(body.websites) ??
    verticalRule(body.vertical)
  );
};

const checkProfileUpdate = (body: unknown): Check => {
  if (!isRecord(body)) return { ok: false, message: 'The request body must be a JSON object' };
  const problem = firstProblem(body);
  if (problem) return { ok: false, message: problem };
  const fields: ProfileUpdate['fields'] = {};
  for (const key of ['about', 'address', 'description', 'email', 'vertical'] as const) {
    const value = body[key];
    if (typeof value === 'string') fields[key] = value;
  }
  if (Array.isArray(body.websites)) fields.websites = body.websites.map(String);
  const handle = body.profile_picture_handle;
  return {
    ok: true,
    update: { fields, ...(typeof handle === 'string' ? { pictureHandle: handle } : {}) },
  };
};

export type { ProfileUpdate };
export { checkProfileUpdate, VERTICALS };
