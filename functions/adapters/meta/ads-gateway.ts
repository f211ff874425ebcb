import type { AdObjectKind, AdsGateway } from '../../core/ads/ports.js';
import { ValidationError } from '../../core/errors.js';
import { META_LINK_FIELDS } from '../../core/linking/meta-link.js';
import * as z from '../../core/zod.js';
import type { GraphClient } from '../graph/index.js';
import { graphId, listOf, toPageWhatsAppRead } from '../graph/schemas.js';
import { type FetchRefusal, FetchRefusedError } from '../net/guarded-fetch.js';
import { graphCalls } from './graph-calls.js';

/**
 * The ads use cases' AdsGateway over the generic Graph client: one zod schema per Marketing API
 * response, Graph failures mapped to Tandem's typed errors (transient and rate limits stay retryable).
 */

/** Marketing API edges of an ad account, per object kind. */
const EDGE: Record<AdObjectKind, string> = {
  campaign: 'campaigns',
  adSet: 'adsets',
  creative: 'adcreatives',
  ad: 'ads',
};

/**
 * How many of the newest objects a name-tag lookup reads. Meta's specs declare no `filtering` on these
 * list edges, so the lookup reads the newest ones (one page) and checks the tag itself; it runs only
 * when a call resumes a step an earlier call may have left created, moments before.
 */
const LOOKUP_LIMIT = 100;

/**
 * Images are downloaded into the Lambda's memory and sent base64 in a JSON body; 8 MB keeps that
 * well inside memory and request limits while being far above what a feed image needs.
 */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const created = z.looseObject({ id: graphId });
const adAccount = z.looseObject({
  account_status: z.coerce.number().check(z.int()),
  currency: z.string().check(z.minLength(3)),
  default_dsa_beneficiary: z.optional(z.string()),
  default_dsa_payor: z.optional(z.string()),
});
const dsaRecommendations = listOf(
  z.looseObject({ recommendations: z._default(z.array(z.string()), []) })
);
const pageWhatsApp = z.looseObject({
  whatsapp_number: z.optional(z.string()),
  has_whatsapp_number: z.optional(z.boolean()),
  has_whatsapp_business_number: z.optional(z.boolean()),
});
const adImages = z.looseObject({
  images: z.record(z.string(), z.looseObject({ hash: z.string().check(z.minLength(1)) })),
});
const namedObjects = listOf(z.looseObject({ id: graphId, name: z.optional(z.string()) }));
/** Insights numbers arrive as decimal strings; a range with no delivery answers `data: []`. */
const insights = z.looseObject({
  data: z.array(
    z.looseObject({
      spend: z.optional(z.coerce.number()),
      impressions: z.optional(z.coerce.number()),
      actions: z.optional(
        z.array(z.looseObject({ action_type: z.string(), value: z.coerce.number() }))
      ),
    })
  ),
});

const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;
const isPng = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/** A download failure the caller can fix (bad URL, too big, not an image), as a clear 400. */
const imageProblem = (message: string, cause?: unknown, reason?: FetchRefusal): ValidationError =>
  new ValidationError(
    `The ad image could not be used: ${message}`,
    reason ? { reason } : undefined,
    'image_unusable',
    cause ? { cause } : undefined
  );

/**
 * Creates the gateway.
 *
 * @param graph - resolves the client; async because the app secret is fetched once, lazily
 * @example
 * const ads = createAdsGateway(graphClient());
 */
const createAdsGateway = (
  graph: () => Promise<GraphClient>,
  options: { maxImageBytes?: number } = {}
): AdsGateway => {
  const maxImageBytes = options.maxImageBytes ?? MAX_IMAGE_BYTES;
  const call = graphCalls(graph);

  const download = async (client: GraphClient, url: string) => {
    try {
      return await client.downloadImage(url, { maxBytes: maxImageBytes });
    } catch (error) {
      // The caller's URL, whatever went wrong with it (even a server that is down): a 4xx with the
      // reason, never "Meta is unavailable". The reasons are few and neutral (guarded-fetch.ts).
      if (!(error instanceof FetchRefusedError)) throw error;
      throw imageProblem(
        `${error.message}. Use a public HTTPS URL of a JPEG or PNG image.`,
        error,
        error.reason
      );
    }
  };

  /**
   * `POST /act_{id}/adimages` with the bytes base64-encoded, the one form Meta's codegen specs declare
   * for a new image (`bytes`). The same bytes answer the same hash, so a retried upload is harmless.
   */
  const upload = async (
    client: GraphClient,
    token: string,
    account: string,
    bytes: Uint8Array
  ): Promise<{ hash: string }> => {
    // The content type a client or server claims can lie; the bytes cannot.
    if (!isJpeg(bytes) && !isPng(bytes)) {
      throw imageProblem('the file is not a JPEG or PNG image.');
    }
    if (bytes.byteLength > maxImageBytes) {
      throw imageProblem(`the image is larger than ${maxImageBytes} bytes.`);
    }
    const { data } = await client.post(
      token,
      `${account}/adimages`,
      { bytes: Buffer.from(bytes).toString('base64') },
      adImages,
      { idempotent: true }
    );
    const first = Object.values(data.images)[0];
    if (!first) throw imageProblem('Meta answered the upload without an image hash.');
    return { hash: first.hash };
  };

  return {
    getPageWhatsApp: (token, pageId) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          encodeURIComponent(pageId),
          { fields: META_LINK_FIELDS.join(',') },
          pageWhatsApp
        );
        return toPageWhatsAppRead(data);
      }),

    getAdAccount: (token, account) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          account,
          { fields: 'account_status,currency,default_dsa_beneficiary,default_dsa_payor' },
          adAccount
        );
        return {
          accountStatus: data.account_status,
          currency: data.currency,
          ...(data.default_dsa_beneficiary
            ? { defaultDsaBeneficiary: data.default_dsa_beneficiary }
            : {}),
          ...(data.default_dsa_payor ? { defaultDsaPayor: data.default_dsa_payor } : {}),
        };
      }),

    uploadImageFromUrl: (token, account, url) =>
      call(async (client) => upload(client, token, account, (await download(client, url)).bytes)),

    uploadImage: (token, account, bytes) =>
      call(async (client) => upload(client, token, account, bytes)),

    getDsaRecommendations: (token, account) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          `${account}/dsa_recommendations`,
          {},
          dsaRecommendations
        );
        return [...new Set(data.data.flatMap((item) => item.recommendations))];
      }),

    findByNameTag: (token, account, kind, tag, parentId) =>
      call(async (client) => {
        const parent =
          (kind === 'adSet' || kind === 'ad') && parentId ? encodeURIComponent(parentId) : account;
        const { data } = await client.get(
          token,
          `${parent}/${EDGE[kind]}`,
          { fields: 'id,name', limit: LOOKUP_LIMIT },
          namedObjects
        );
        return data.data.find((object) => object.name?.includes(tag))?.id;
      }),

    create: (token, account, kind, params) =>
      call(async (client) => {
        // Not retried by the client: a lost answer may mean Meta created it; the use case looks
        // the object up by its name tag before creating it again.
        const { data } = await client.post(token, `${account}/${EDGE[kind]}`, params, created);
        return { id: data.id };
      }),

    delete: (token, id) =>
      call(async (client) => {
        await client.delete(token, encodeURIComponent(id));
      }),

    getInsights: (token, objectId, range) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          `${encodeURIComponent(objectId)}/insights`,
          {
            fields: 'spend,impressions,actions',
            time_range: JSON.stringify({ since: range.since, until: range.until }),
          },
          insights
        );
        const row = data.data[0];
        return {
          spend: row?.spend ?? 0,
          impressions: row?.impressions ?? 0,
          actions: Object.fromEntries(
            (row?.actions ?? []).map((action) => [action.action_type, action.value])
          ),
        };
      }),
  };
};

export { createAdsGateway, MAX_IMAGE_BYTES };
