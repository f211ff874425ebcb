import { readFileSync } from 'node:fs';
import { decoded } from './structured.js';
import { atLeast } from './versions.js';
import { type Violation, violation } from './violation.js';

/**
 * Rules Meta documents that the codegen specs cannot express (a parameter required only with another
 * value, or from one version on). Each cites the Meta page it comes from. The exact `error_subcode`
 * and message text Meta answers for them are not documented: clients must classify by `code`.
 */

interface RuleCall {
  method: string;
  version: string;
  node: string;
  edge?: string;
  params: Record<string, unknown>;
  /** Lower-case request headers. */
  headers: Record<string, string | undefined>;
}

const BUDGET_SHARING =
  'https://developers.facebook.com/documentation/ads-commerce/marketing-api/bidding/guides/adset-budget-sharing';
const ADVANTAGE_AUDIENCE =
  'https://developers.facebook.com/documentation/ads-commerce/marketing-api/audiences/reference/targeting-expansion/advantage-audience';
const DSA =
  'https://developers.facebook.com/blog/post/2023/05/16/new-marketing-mpa-api-requirements-for-facebook-and-instagram-ads-targeting-eu/';
const BATCH = 'https://developers.facebook.com/docs/graph-api/batch-requests';
const RESUMABLE_UPLOAD = 'https://developers.facebook.com/docs/graph-api/resumable-upload-api';

const EU_COUNTRIES: readonly string[] = (
  JSON.parse(
    readFileSync(
      new URL('../../../../../test/fixtures/contracts/eu-member-states.json', import.meta.url),
      'utf8'
    )
  ) as { countries: string[] }
).countries;

const record = (value: unknown): Record<string, unknown> => {
  const parsed = decoded(value);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
};

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

const isAdAccountEdge = (call: RuleCall, edge: string): boolean =>
  call.method === 'POST' && call.node === 'AdAccount' && call.edge === edge;

/** From v24.0 a campaign whose budget sits on its ad sets must say whether they share it. */
const budgetSharing = (call: RuleCall): Violation[] => {
  if (!isAdAccountEdge(call, 'campaigns') || !atLeast(call.version, 'v24.0')) return [];
  const campaignBudget = present(call.params.daily_budget) || present(call.params.lifetime_budget);
  if (campaignBudget || present(call.params.is_adset_budget_sharing_enabled)) return [];
  return [
    violation(
      'documented_rule',
      'Must specify True or False in is_adset_budget_sharing_enabled field when the budget is set at the ad set level',
      BUDGET_SHARING,
      {
        param: 'is_adset_budget_sharing_enabled',
        userTitle: 'Ad set budget sharing required',
        userMessage:
          'Starting with v24.0, pass True or False in is_adset_budget_sharing_enabled for campaigns whose ad sets hold the budget.',
      }
    ),
  ];
};

/** Targeting Meta counts as its default: countries only, all ages 18-65, everyone. */
const isDefaultTargeting = (targeting: Record<string, unknown>): boolean => {
  const ageMin = targeting.age_min === undefined ? 18 : Number(targeting.age_min);
  const ageMax = targeting.age_max === undefined ? 65 : Number(targeting.age_max);
  const narrowing = [
    'genders',
    'flexible_spec',
    'interests',
    'behaviors',
    'custom_audiences',
    'excluded_custom_audiences',
    'exclusions',
  ].some((key) => present(targeting[key]));
  return ageMin === 18 && ageMax === 65 && !narrowing;
};

/** From v23.0 an ad set with non-default targeting must opt in or out of Advantage+ audience. */
const advantageAudience = (call: RuleCall): Violation[] => {
  if (!isAdAccountEdge(call, 'adsets') || !atLeast(call.version, 'v23.0')) return [];
  const targeting = record(call.params.targeting);
  if (isDefaultTargeting(targeting)) return [];
  const flag = record(targeting.targeting_automation).advantage_audience;
  if (flag === 0 || flag === 1 || flag === '0' || flag === '1') return [];
  return [
    violation(
      'documented_rule',
      'Advantage Audience Flag Required: set targeting.targeting_automation.advantage_audience to 1 or 0',
      ADVANTAGE_AUDIENCE,
      {
        param: 'targeting.targeting_automation.advantage_audience',
        userTitle: 'Advantage Audience Flag Required',
        userMessage:
          'Beginning with v23.0, ad sets with custom age, gender or detailed targeting must set advantage_audience to 1 or 0.',
      }
    ),
  ];
};

/** Ad sets reaching any part of the EU carry who benefits from the ad and who pays for it. */
const digitalServicesAct = (call: RuleCall): Violation[] => {
  if (!isAdAccountEdge(call, 'adsets')) return [];
  const geo = record(record(call.params.targeting).geo_locations);
  const countries = Array.isArray(geo.countries) ? geo.countries.map(String) : [];
  const eu = countries.filter((country) => EU_COUNTRIES.includes(country));
  if (eu.length === 0) return [];
  return (['dsa_beneficiary', 'dsa_payor'] as const)
    .filter((name) => !present(call.params[name]))
    .map((name) =>
      violation(
        'documented_rule',
        `The parameter ${name} is required for ads targeting the European Union (${eu.join(', ')})`,
        DSA,
        {
          param: name,
          userTitle: 'Beneficiary and payer required',
          userMessage:
            'Ads that reach people in the EU must say who benefits from them and who pays for them (dsa_beneficiary, dsa_payor).',
        }
      )
    );
};

/** A batch's fallback token is the `access_token` parameter of the batch call itself. */
const batchToken = (call: RuleCall): Violation[] => {
  if (call.node !== 'Batch' || present(call.params.access_token)) return [];
  return [
    violation(
      'documented_rule',
      'A batch request takes its fallback token as the access_token parameter of the batch call',
      BATCH,
      { param: 'access_token', code: 104 }
    ),
  ];
};

/** Resumable Upload transfers take the token as `Authorization: OAuth` and the offset as a header. */
const uploadTransfer = (call: RuleCall): Violation[] => {
  if (call.node !== 'UploadSession' || call.method !== 'POST') return [];
  const out: Violation[] = [];
  if (!/^OAuth\s+\S+/.test(call.headers.authorization ?? '')) {
    out.push(
      violation(
        'documented_rule',
        'The upload endpoint takes the access token only as an "Authorization: OAuth <token>" header',
        RESUMABLE_UPLOAD,
        { param: 'Authorization' }
      )
    );
  }
  if (call.headers.file_offset === undefined) {
    out.push(
      violation('documented_rule', 'The file_offset header is required', RESUMABLE_UPLOAD, {
        param: 'file_offset',
      })
    );
  }
  return out;
};

const BUSINESS_PROFILES =
  'https://developers.facebook.com/documentation/business-messaging/whatsapp/business-profiles/';

/** Profile websites must carry their scheme: "You must include the http:// or https:// portion". */
const profileWebsites = (call: RuleCall): Violation[] => {
  if (call.method !== 'POST' || call.edge !== 'whatsapp_business_profile') return [];
  const websites = decoded(call.params.websites);
  if (!Array.isArray(websites)) return [];
  return websites
    .filter((site) => !/^https?:\/\//i.test(String(site)))
    .map((site) =>
      violation(
        'documented_rule',
        `Website URL '${String(site)}' must start with http:// or https://`,
        BUSINESS_PROFILES,
        { param: 'websites' }
      )
    );
};

const RULES = [
  budgetSharing,
  advantageAudience,
  digitalServicesAct,
  batchToken,
  uploadTransfer,
  profileWebsites,
];

/** Every documented rule a call breaks. */
const checkDocumentedRules = (call: RuleCall): Violation[] => RULES.flatMap((rule) => rule(call));

export type { RuleCall };
export { checkDocumentedRules, EU_COUNTRIES };
