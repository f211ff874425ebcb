import type { ProfileFields } from './mapping.js';

/**
 * Comparing WhatsApp profiles. WhatsApp may echo a value back slightly differently from how it was
 * written (surrounding spaces, a website with or without its trailing slash), so both sides are
 * normalised before they are compared; otherwise every sync would look like a direct edit.
 */
type ProfileField = keyof ProfileFields;

const PROFILE_FIELDS: readonly ProfileField[] = [
  'about',
  'description',
  'address',
  'email',
  'websites',
  'vertical',
];

interface FieldDiff {
  field: ProfileField;
  expected: string | string[] | undefined;
  actual: string | string[] | undefined;
}

const normaliseUrl = (url: string): string => {
  try {
    const parsed = new URL(url.trim());
    return parsed.href.replace(/\/$/, '').toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
};

const normalise = (field: ProfileField, value: unknown): string => {
  if (field === 'websites') {
    return (Array.isArray(value) ? value : []).map((url) => normaliseUrl(String(url))).join('\n');
  }
  if (value === undefined || value === null) return '';
  const text = String(value).trim();
  return field === 'email' ? text.toLowerCase() : text;
};

const sameValue = (field: ProfileField, a: unknown, b: unknown): boolean =>
  normalise(field, a) === normalise(field, b);

/**
 * The fields, among `fields`, whose values differ between `expected` and `actual`.
 *
 * @example
 * diffProfiles({ about: 'a' }, { about: 'b' }, ['about']) // [{ field: 'about', expected: 'a', actual: 'b' }]
 */
const diffProfiles = (
  expected: ProfileFields,
  actual: ProfileFields,
  fields: readonly ProfileField[] = PROFILE_FIELDS
): FieldDiff[] =>
  fields
    .filter((field) => !sameValue(field, expected[field], actual[field]))
    .map((field) => ({ field, expected: expected[field], actual: actual[field] }));

export type { FieldDiff, ProfileField };
export { diffProfiles, PROFILE_FIELDS, sameValue };
