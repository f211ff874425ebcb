import { OPTIMIZATION_GOALS } from '../../../functions/core/ads/enums.js';
import { createAdInput } from '../../../functions/core/ads/input.js';
import { checkRegions, type RegionalOutcome } from '../../../functions/core/ads/regions.js';
import { ValidationError } from '../../../functions/core/errors.js';

/**
 * The Click-to-WhatsApp ad form: what the user types (strings, money in major units, local times)
 * turned into the API's request body, checked with the very schema the API parses it with
 * (functions/core/ads/input.ts), so the form refuses exactly what the API would, with the same
 * messages, before anything is sent.
 */

interface AdForm {
  adAccountId: string;
  name: string;
  objective: string;
  optimizationGoal: string;
  bidStrategy: string;
  /** Major units (12.50), as people write money. */
  bidAmount: string;
  budgetKind: 'daily' | 'lifetime';
  budgetAmount: string;
  /** `datetime-local` values, in the browser's time zone. */
  start: string;
  end: string;
  /** Comma- or space-separated ISO codes. */
  countries: string;
  ageMin: string;
  ageMax: string;
  primaryText: string;
  headline: string;
  imageUrl: string;
  prefilledMessage: string;
  status: 'PAUSED' | 'ACTIVE';
  dsaBeneficiary: string;
  dsaPayor: string;
}

/** Whether the API's schema takes the EU's Digital Services Act fields (beneficiary and payor). */
const TAKES_DSA = 'dsa' in createAdInput.shape;

const blankAdForm = (now: Date = new Date()): AdForm => {
  const start = new Date(now.getTime() + 86_400_000);
  start.setMinutes(0, 0, 0);
  const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16);
  return {
    adAccountId: '',
    name: '',
    objective: 'OUTCOME_ENGAGEMENT',
    optimizationGoal: 'CONVERSATIONS',
    bidStrategy: 'LOWEST_COST_WITHOUT_CAP',
    bidAmount: '',
    budgetKind: 'daily',
    budgetAmount: '',
    start: local,
    end: '',
    countries: '',
    ageMin: '18',
    ageMax: '65',
    primaryText: '',
    headline: '',
    imageUrl: '',
    prefilledMessage: 'Hi! I would like to know more.',
    status: 'PAUSED',
    dsaBeneficiary: '',
    dsaPayor: '',
  };
};

/** The goals the API allows with an objective (Meta's Click-to-WhatsApp rules). */
const goalsFor = (objective: string): readonly string[] =>
  OPTIMIZATION_GOALS[objective as keyof typeof OPTIMIZATION_GOALS] ?? ['CONVERSATIONS'];

const minor = (major: string): number | string => {
  const value = Number(major.replace(',', '.'));
  return major.trim() === '' || !Number.isFinite(value) ? major : Math.round(value * 100);
};

const integer = (text: string): number | string =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;

const isoOf = (local: string): string => {
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? local : time.toISOString();
};

const countriesOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);

/** An image by its https URL, or by the hash of one already in the ad account's library. */
const IMAGE_HASH = /^[0-9a-f]{32}$/i;
const imageOf = (text: string): { url: string } | { hash: string } =>
  IMAGE_HASH.test(text.trim()) ? { hash: text.trim() } : { url: text.trim() };

/** The request body the form stands for (possibly invalid: the schema says how). */
const bodyOf = (form: AdForm): Record<string, unknown> => ({
  adAccountId: form.adAccountId.trim(),
  name: form.name,
  objective: form.objective,
  optimizationGoal: form.optimizationGoal,
  bidStrategy: form.bidStrategy,
  ...(form.bidStrategy !== 'LOWEST_COST_WITHOUT_CAP' && form.bidAmount.trim() !== ''
    ? { bidAmountMinor: minor(form.bidAmount) }
    : {}),
  budget: { kind: form.budgetKind, amountMinor: minor(form.budgetAmount) },
  schedule: { start: isoOf(form.start), ...(form.end ? { end: isoOf(form.end) } : {}) },
  targeting: {
    countries: countriesOf(form.countries),
    ageMin: integer(form.ageMin),
    ageMax: integer(form.ageMax),
  },
  creative: {
    primaryText: form.primaryText,
    headline: form.headline,
    image: imageOf(form.imageUrl),
    prefilledMessage: form.prefilledMessage,
  },
  status: form.status,
  ...(TAKES_DSA && (form.dsaBeneficiary.trim() || form.dsaPayor.trim())
    ? { dsa: { beneficiary: form.dsaBeneficiary, payor: form.dsaPayor } }
    : {}),
});

/** The form's own field for each path of the body, so the schema's messages land beside it. */
const FIELD_OF_PATH: Record<string, keyof AdForm> = {
  adAccountId: 'adAccountId',
  name: 'name',
  objective: 'objective',
  optimizationGoal: 'optimizationGoal',
  bidStrategy: 'bidStrategy',
  bidAmountMinor: 'bidAmount',
  'budget.kind': 'budgetKind',
  'budget.amountMinor': 'budgetAmount',
  'schedule.start': 'start',
  'schedule.end': 'end',
  'targeting.countries': 'countries',
  'targeting.ageMin': 'ageMin',
  'targeting.ageMax': 'ageMax',
  'creative.primaryText': 'primaryText',
  'creative.headline': 'headline',
  'creative.image': 'imageUrl',
  'creative.image.url': 'imageUrl',
  'creative.image.hash': 'imageUrl',
  'creative.prefilledMessage': 'prefilledMessage',
  status: 'status',
  'dsa.beneficiary': 'dsaBeneficiary',
  'dsa.payor': 'dsaPayor',
};

type FieldErrors = Partial<Record<keyof AdForm | 'form', string>>;

/** Maps API or schema messages by body path onto the form's fields; the rest goes to `form`. */
const errorsByField = (byPath: Record<string, string>): FieldErrors => {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(byPath)) {
    const field = FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.replace(/\.\d+$/, '')];
    const key = field ?? 'form';
    errors[key] ??= field ? message : `${path}: ${message}`;
  }
  return errors;
};

/**
 * The schema's generic messages in plain words; every other message (the ones Tandem wrote, such as
 * "must be an ad account id such as act_1234567890") is already plain and kept as it is.
 */
const plain = (message: string): string => {
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return 'Required.';
  if (/^Too small: expected array to have >=1 items?$/.test(message)) return 'Name at least one.';
  if (/expected number, received (string|NaN)/.test(message)) return 'Enter a number.';
  if (message === 'Invalid URL') return 'Enter an https address or an image hash.';
  const longest = /^Too big: expected string to have <=(\d+) characters?$/.exec(message);
  if (longest) return `At most ${longest[1]} characters.`;
  return message;
};

/**
 * The API's regional rules (functions/core/ads/regions.ts) applied to the targeted countries: which
 * are refused and why, which need the DSA fields, and what the ad will not do where. The deployment
 * may narrow the countries further (its own allow and deny lists), which only the API knows.
 */
const regionsOf = (form: AdForm): RegionalOutcome & { refused?: string } => {
  try {
    return checkRegions(countriesOf(form.countries), {});
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { dsaCountries: [], notes: [], refused: error.message };
  }
};

/** Checks the form as the API would; the body to send when it passes. */
const validateAdForm = (
  form: AdForm
): { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldErrors } => {
  const body = bodyOf(form);
  const parsed = createAdInput.safeParse(body);
  const { refused } = regionsOf(form);
  if (parsed.success && !refused) return { ok: true, body };
  const byPath: Record<string, string> = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    byPath[issue.path.map(String).join('.')] ??= plain(issue.message);
  }
  if (refused) byPath['targeting.countries'] ??= refused;
  return { ok: false, errors: errorsByField(byPath) };
};

export type { AdForm, FieldErrors };
export {
  blankAdForm,
  bodyOf,
  countriesOf,
  errorsByField,
  goalsFor,
  IMAGE_HASH,
  regionsOf,
  TAKES_DSA,
  validateAdForm,
};
