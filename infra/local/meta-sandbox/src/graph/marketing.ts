import { createHash } from 'node:crypto';
import { requirePermission } from '../auth.js';
import type { GraphCtx, GraphResult, GraphRoute } from '../context.js';
import { isPng } from '../png.js';
import type { AdAccount, AdObject, AdObjectKind } from '../store.js';
import { checkAdSet } from './adsets.js';
import { jsonParam, paginate, selectFields, stringParam } from './common.js';
import {
  adsError,
  createObject,
  nowIso,
  objectParam,
  oneOf,
  ownObject,
  required,
  statusParam,
  usableAccount,
  usableObject,
} from './marketing-common.js';
import { CALL_TO_ACTION_TYPES, OBJECTIVES, SPECIAL_AD_CATEGORIES } from './marketing-enums.js';

/** The Marketing API objects of a Click-to-WhatsApp flow: account, images, campaign → ad. */

const accountNode = (account: AdAccount): Record<string, unknown> => ({
  id: account.id,
  account_id: account.accountId,
  name: account.name,
  currency: account.currency,
  account_status: account.accountStatus,
  timezone_name: 'America/Chicago',
  amount_spent: '0',
  default_dsa_beneficiary: account.defaultDsaBeneficiary,
  default_dsa_payor: account.defaultDsaPayor,
});

const readAccount = (ctx: GraphCtx, account: AdAccount): GraphResult => {
  usableAccount(ctx, account.id, false);
  return { json: selectFields(ctx, accountNode(account), ['account_id'], 'AdAccount') };
};

/** `POST /act_{id}`: the account settings Tandem's users may set, the DSA defaults among them. */
const updateAccount = (ctx: GraphCtx, account: AdAccount): GraphResult => {
  usableAccount(ctx, account.id, true);
  const beneficiary = stringParam(ctx, 'default_dsa_beneficiary');
  const payor = stringParam(ctx, 'default_dsa_payor');
  if (beneficiary !== undefined) account.defaultDsaBeneficiary = beneficiary;
  if (payor !== undefined) account.defaultDsaPayor = payor;
  return { json: { success: true } };
};

const isJpeg = (bytes: Buffer): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;

/**
 * `POST /act_{id}/adimages` with `bytes` (base64), the one way the codegen specs declare for new
 * images; Graph keys the answer by the upload's name, `bytes` for an upload by bytes.
 */
const uploadImage = (ctx: GraphCtx): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', true);
  const bytes = Buffer.from(required(ctx, 'bytes'), 'base64');
  if (!isPng(bytes) && !isJpeg(bytes)) {
    throw adsError(
      '(#100) Invalid image: the file is not a JPEG or PNG image',
      'Invalid Image',
      'Upload a JPEG or PNG image.',
      1487242
    );
  }
  const hash = createHash('md5').update(bytes).digest('hex');
  account.images.set(hash, { hash, name: `${hash}.${isPng(bytes) ? 'png' : 'jpg'}`, bytes });
  const url = `${ctx.baseUrl()}/_media/adimages/${account.accountId}/${hash}`;
  return { json: { images: { bytes: { hash, url } } } };
};

const specialCategories = (ctx: GraphCtx): string[] => {
  const value = jsonParam(ctx, 'special_ad_categories');
  if (value === undefined) required(ctx, 'special_ad_categories');
  const list = Array.isArray(value) ? value : [value];
  const bad = list.find(
    (item) => typeof item !== 'string' || !SPECIAL_AD_CATEGORIES.includes(item)
  );
  if (bad !== undefined) {
    throw adsError(
      `(#100) Param special_ad_categories[0] must be one of {${SPECIAL_AD_CATEGORIES.join(', ')}}`,
      'Invalid Special Ad Category',
      `'${String(bad)}' is not a special ad category.`
    );
  }
  return list.map(String);
};

const createCampaign = (ctx: GraphCtx): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', true);
  const name = required(ctx, 'name');
  const objective = oneOf(ctx, 'objective', OBJECTIVES);
  const categories = specialCategories(ctx);
  const status = statusParam(ctx, 'ACTIVE');
  const sharing = stringParam(ctx, 'is_adset_budget_sharing_enabled');
  const campaign = createObject(ctx, account, 'campaign', name, status, {
    objective,
    special_ad_categories: categories,
    buying_type: 'AUCTION',
    ...(sharing !== undefined
      ? { is_adset_budget_sharing_enabled: /^(true|1)$/i.test(sharing) }
      : {}),
  });
  return { json: { id: campaign.id } };
};

const createAdSet = (ctx: GraphCtx): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', true);
  const { name, fields } = checkAdSet(ctx, account);
  const status = statusParam(ctx, 'ACTIVE');
  const adset = createObject(ctx, account, 'adset', name, status, fields);
  return { json: { id: adset.id } };
};

const checkLinkData = (
  account: AdAccount,
  linkData: Record<string, unknown>,
  pageHasWhatsApp: boolean
): void => {
  const hash = linkData.image_hash;
  if (hash !== undefined && !account.images.has(String(hash))) {
    throw adsError(
      `(#100) Invalid image hash: ${String(hash)}`,
      'Image Not Found',
      'The image hash does not match an image uploaded to this ad account.',
      1487242
    );
  }
  const cta = linkData.call_to_action as Record<string, unknown> | undefined;
  const type = cta?.type;
  if (type !== undefined && (typeof type !== 'string' || !CALL_TO_ACTION_TYPES.includes(type))) {
    throw adsError(
      '(#100) Param object_story_spec[link_data][call_to_action][type] must be a valid call to action type',
      'Invalid Call To Action',
      `'${String(type)}' is not a call to action type.`
    );
  }
  if (type === 'WHATSAPP_MESSAGE' && !pageHasWhatsApp) {
    throw adsError(
      '(#100) The Page has no WhatsApp number connected',
      'WhatsApp Number Not Connected',
      'Link a WhatsApp number to the Page before using the WHATSAPP_MESSAGE call to action.',
      2446885
    );
  }
};

/**
 * A Click-to-WhatsApp creative speaks for the Page: Meta's guide requires pages_manage_ads besides
 * ads_management (https://developers.facebook.com/documentation/ads-commerce/marketing-api/ad-creative/messaging-ads/click-to-whatsapp).
 */
const createCreative = (ctx: GraphCtx): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', true);
  requirePermission(ctx, 'pages_manage_ads');
  const spec = objectParam(ctx, 'object_story_spec');
  if (!spec) required(ctx, 'object_story_spec');
  const pageId = String(spec?.page_id ?? '');
  const page = ctx.store.pages.get(pageId);
  const caller = ctx.caller;
  if (!page || caller?.kind !== 'USER' || !page.roles.has(caller.userId)) {
    throw adsError(
      `(#100) Param object_story_spec[page_id] must be a valid Page ID: ${pageId}`,
      'Invalid Page',
      'Choose a Facebook Page you can advertise for.',
      1487472
    );
  }
  const linkData = spec?.link_data;
  if (typeof linkData !== 'object' || linkData === null) {
    throw adsError(
      '(#100) object_story_spec must include link_data',
      'Missing Ad Content',
      'Add the ad text, image and call to action (link_data).'
    );
  }
  checkLinkData(account, linkData as Record<string, unknown>, page.whatsappNumber !== undefined);
  const name = stringParam(ctx, 'name') ?? `Creative ${nowIso()}`;
  const creative = createObject(ctx, account, 'adcreative', name, 'ACTIVE', {
    object_story_spec: spec,
    ...(ctx.req.params.degrees_of_freedom_spec
      ? { degrees_of_freedom_spec: objectParam(ctx, 'degrees_of_freedom_spec') }
      : {}),
  });
  return { json: { id: creative.id } };
};

const createAd = (ctx: GraphCtx): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', true);
  const name = required(ctx, 'name');
  const adset = ownObject(ctx, required(ctx, 'adset_id'), 'adset', account);
  const creativeSpec = objectParam(ctx, 'creative');
  if (!creativeSpec) required(ctx, 'creative');
  const creative = ownObject(ctx, String(creativeSpec?.creative_id ?? ''), 'adcreative', account);
  const status = statusParam(ctx);
  const ad = createObject(ctx, account, 'ad', name, status, {
    adset_id: adset.id,
    campaign_id: adset.fields.campaign_id,
    creative: { id: creative.id },
  });
  return { json: { id: ad.id } };
};

/** Meta's effective status: a paused parent pauses everything under it. */
const effectiveStatus = (ctx: GraphCtx, object: AdObject): string => {
  if (object.status !== 'ACTIVE' || object.kind === 'adcreative') return object.status;
  const campaign = ctx.store.adObjects.get(String(object.fields.campaign_id ?? ''));
  if (campaign && campaign.status !== 'ACTIVE') return 'CAMPAIGN_PAUSED';
  const adset = ctx.store.adObjects.get(String(object.fields.adset_id ?? ''));
  if (adset && adset.status !== 'ACTIVE') return 'ADSET_PAUSED';
  return object.status;
};

const objectNode = (ctx: GraphCtx, object: AdObject): Record<string, unknown> => ({
  id: object.id,
  name: object.name,
  status: object.status,
  effective_status: effectiveStatus(ctx, object),
  account_id: object.accountId.replace(/^act_/, ''),
  created_time: object.createdTime,
  updated_time: object.updatedTime,
  ...object.fields,
});

const NODE_TYPES: Record<AdObjectKind, string> = {
  campaign: 'Campaign',
  adset: 'AdSet',
  adcreative: 'AdCreative',
  ad: 'Ad',
};

const readObject = (ctx: GraphCtx, object: AdObject): GraphResult => {
  usableObject(ctx, object, false);
  return { json: selectFields(ctx, objectNode(ctx, object), [], NODE_TYPES[object.kind]) };
};

const UPDATABLE = new Set(['name', 'status', 'daily_budget', 'lifetime_budget', 'end_time']);
const CONTROL = new Set(['access_token', 'appsecret_proof', 'method']);

const updateObject = (ctx: GraphCtx, object: AdObject): GraphResult => {
  usableObject(ctx, object, true);
  if (object.status === 'DELETED') {
    throw adsError(
      '(#100) Cannot edit a deleted object',
      'Object Deleted',
      `${NODE_TYPES[object.kind]} ${object.id} has been deleted and cannot be edited.`,
      1487056
    );
  }
  const keys = Object.keys(ctx.req.params).filter((key) => !CONTROL.has(key));
  const unknown = keys.find((key) => !UPDATABLE.has(key));
  if (unknown)
    throw adsError(
      `(#100) Param ${unknown} cannot be updated here`,
      'Invalid Parameter',
      `${unknown} cannot be changed on an existing ${NODE_TYPES[object.kind]}.`
    );
  if (keys.includes('status')) object.status = statusParam(ctx);
  if (keys.includes('name')) object.name = required(ctx, 'name');
  for (const key of ['daily_budget', 'lifetime_budget', 'end_time']) {
    const value = stringParam(ctx, key);
    if (value !== undefined) object.fields[key] = value;
  }
  object.updatedTime = nowIso();
  return { json: { success: true } };
};

const deleteObject = (ctx: GraphCtx, object: AdObject): GraphResult => {
  usableObject(ctx, object, true);
  object.status = 'DELETED';
  object.updatedTime = nowIso();
  return { json: { success: true } };
};

/** Which objects an edge lists: an account's of one kind, or the children of a campaign or ad set. */
const parentFilter = (ctx: GraphCtx, kind: AdObjectKind): ((object: AdObject) => boolean) => {
  const id = ctx.params.account ?? '';
  const parent = ctx.store.adObjects.get(id);
  if (parent && (parent.kind === 'campaign' || parent.kind === 'adset')) {
    usableObject(ctx, parent, false);
    const key = parent.kind === 'campaign' ? 'campaign_id' : 'adset_id';
    return (object) => object.kind === kind && object.fields[key] === parent.id;
  }
  const account = usableAccount(ctx, id, false);
  return (object) => object.kind === kind && object.accountId === account.id;
};

/**
 * Lists objects of one kind, newest first; deleted ones only when effective_status asks for them.
 * (Meta's order for these edges is not documented; newest first is what its tools show.)
 */
const listObjects = (ctx: GraphCtx, kind: AdObjectKind): GraphResult => {
  const belongs = parentFilter(ctx, kind);
  const statuses = jsonParam(ctx, 'effective_status');
  const wanted = Array.isArray(statuses) ? statuses.map(String) : undefined;
  const nodes = [...ctx.store.adObjects.values()]
    .filter(belongs)
    .reverse()
    .map((object) => objectNode(ctx, object))
    .filter((node) =>
      wanted ? wanted.includes(String(node.effective_status)) : node.status !== 'DELETED'
    );
  return { json: paginate(ctx, nodes, (node) => selectFields(ctx, node, [], NODE_TYPES[kind])) };
};

/** `GET /act_{id}/dsa_recommendations`: names to prefill the DSA beneficiary and payor with. */
const dsaRecommendations = (ctx: GraphCtx): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', false);
  const recommendations = [
    ...new Set(
      [
        account.defaultDsaBeneficiary,
        account.defaultDsaPayor,
        account.name.replace(/ Ads$/, ''),
      ].filter((name): name is string => Boolean(name))
    ),
  ];
  return { json: { data: [{ recommendations }] } };
};

const edge = (method: 'GET' | 'POST', name: string, handle: GraphRoute['handle']): GraphRoute => ({
  method,
  pattern: `/:account/${name}`,
  auth: 'token',
  handle,
});

const marketingRoutes: GraphRoute[] = [
  edge('POST', 'adimages', uploadImage),
  edge('POST', 'campaigns', createCampaign),
  edge('POST', 'adsets', createAdSet),
  edge('POST', 'adcreatives', createCreative),
  edge('POST', 'ads', createAd),
  edge('GET', 'campaigns', (ctx) => listObjects(ctx, 'campaign')),
  edge('GET', 'adsets', (ctx) => listObjects(ctx, 'adset')),
  edge('GET', 'adcreatives', (ctx) => listObjects(ctx, 'adcreative')),
  edge('GET', 'dsa_recommendations', dsaRecommendations),
  edge('GET', 'ads', (ctx) => listObjects(ctx, 'ad')),
];

export { deleteObject, marketingRoutes, readAccount, readObject, updateAccount, updateObject };
