import { createHash } from 'node:crypto';
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
});

const readAccount = (ctx: GraphCtx, account: AdAccount): GraphResult => {
  usableAccount(ctx, account.id, false);
  return { json: selectFields(ctx, accountNode(account), ['account_id'], 'AdAccount') };
};

const isJpeg = (bytes: Buffer): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;

const imageBytes = async (ctx: GraphCtx): Promise<Buffer> => {
  const base64 = stringParam(ctx, 'bytes');
  if (base64) return Buffer.from(base64, 'base64');
  const url = stringParam(ctx, 'url');
  if (!url) required(ctx, 'bytes');
  try {
    const response = await fetch(url ?? '', { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  } catch {
    throw adsError(
      '(#100) Could not download the image from url',
      'Image Download Failed',
      `The image at ${url} could not be downloaded.`,
      1487242
    );
  }
};

const uploadImage = async (ctx: GraphCtx): Promise<GraphResult> => {
  const account = usableAccount(ctx, ctx.params.account ?? '', true);
  const bytes = await imageBytes(ctx);
  if (!isPng(bytes) && !isJpeg(bytes)) {
    throw adsError(
      '(#100) Invalid image: the file is not a JPEG or PNG image',
      'Invalid Image',
      'Upload a JPEG or PNG image.',
      1487242
    );
  }
  const hash = createHash('md5').update(bytes).digest('hex');
  const name = (stringParam(ctx, 'name') ?? stringParam(ctx, 'filename') ?? `${hash}.png`).slice(
    0,
    100
  );
  account.images.set(hash, { hash, name, bytes });
  const url = `${ctx.baseUrl()}/_media/adimages/${account.accountId}/${hash}`;
  return { json: { images: { [name]: { hash, url } } } };
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
  const campaign = createObject(ctx, account, 'campaign', name, status, {
    objective,
    special_ad_categories: categories,
    buying_type: 'AUCTION',
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

const createCreative = (ctx: GraphCtx): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', true);
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

interface Filter {
  field: string;
  operator: string;
  value: unknown;
}

const parseFilters = (ctx: GraphCtx): Filter[] => {
  const value = jsonParam(ctx, 'filtering') ?? [];
  if (!Array.isArray(value))
    throw adsError(
      '(#100) Param filtering must be a JSON array',
      'Invalid Filter',
      'filtering must be a list of {field, operator, value}.'
    );
  return value.map((item: Record<string, unknown>) => ({
    field:
      String(item.field ?? '')
        .split('.')
        .pop() ?? '',
    operator: String(item.operator ?? 'EQUAL'),
    value: item.value,
  }));
};

const passes = (node: Record<string, unknown>, filter: Filter): boolean => {
  const actual = String(node[filter.field] ?? '');
  const list = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)];
  switch (filter.operator) {
    case 'EQUAL':
      return actual === String(filter.value);
    case 'NOT_EQUAL':
      return actual !== String(filter.value);
    case 'CONTAIN':
      return actual.toLowerCase().includes(String(filter.value).toLowerCase());
    case 'NOT_CONTAIN':
      return !actual.toLowerCase().includes(String(filter.value).toLowerCase());
    case 'IN':
      return list.includes(actual);
    case 'NOT_IN':
      return !list.includes(actual);
    default:
      throw adsError(
        `(#100) Filter operator ${filter.operator} is not supported`,
        'Invalid Filter',
        'Use EQUAL, NOT_EQUAL, CONTAIN, NOT_CONTAIN, IN or NOT_IN.'
      );
  }
};

/** Lists an account's objects of one kind; deleted ones only when effective_status asks for them. */
const listObjects = (ctx: GraphCtx, kind: AdObjectKind): GraphResult => {
  const account = usableAccount(ctx, ctx.params.account ?? '', false);
  const filters = parseFilters(ctx);
  const statuses = jsonParam(ctx, 'effective_status');
  const wanted = Array.isArray(statuses) ? statuses.map(String) : undefined;
  const nodes = [...ctx.store.adObjects.values()]
    .filter((object) => object.kind === kind && object.accountId === account.id)
    .map((object) => objectNode(ctx, object))
    .filter((node) =>
      wanted ? wanted.includes(String(node.effective_status)) : node.status !== 'DELETED'
    )
    .filter((node) => filters.every((filter) => passes(node, filter)));
  return { json: paginate(ctx, nodes, (node) => selectFields(ctx, node, [], NODE_TYPES[kind])) };
};

const edge = (method: 'GET' | 'POST', name: string, handle: GraphRoute['handle']): GraphRoute => ({
  method,
  pattern: `/:account/${name}`,
  area: 'ads',
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
  edge('GET', 'ads', (ctx) => listObjects(ctx, 'ad')),
];

export { deleteObject, marketingRoutes, readAccount, readObject, updateObject };
