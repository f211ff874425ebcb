import { createHash } from 'node:crypto';
import type { AdObjectKind, AdsGateway } from '../../core/ads/ports.js';
import { ValidationError } from '../../core/errors.js';
import * as z from '../../core/zod.js';
import type { GraphClient } from '../graph/index.js';
import { graphId, listOf } from '../graph/schemas.js';
import { graphCalls } from '../meta/graph-calls.js';
import { type FetchRefusal, FetchRefusedError } from '../net/guarded-fetch.js';

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
 * The field `filtering` matches names on, per edge. Meta's examples prefix the entity
 * (`campaign.name`); creatives have no such entity, so their plain `name` is used.
 */
const NAME_FIELD: Record<AdObjectKind, string> = {
  campaign: 'campaign.name',
  adSet: 'adset.name',
  creative: 'name',
  ad: 'ad.name',
};

/**
 * Images are downloaded into the Lambda's memory and sent base64 in a JSON body; 8 MB keeps that
 * well inside memory and request limits while being far above what a feed image needs.
 */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const created = z.looseObject({ id: graphId });
const adAccount = z.looseObject({
  account_status: z.coerce.number().check(z.int()),
  currency: z.string().check(z.minLength(3)),
});
const pageWhatsApp = z.looseObject({
  whatsapp_number: z.optional(z.string()),
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

  return {
    getPageWhatsApp: (token, pageId) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          encodeURIComponent(pageId),
          { fields: 'whatsapp_number,has_whatsapp_business_number' },
          pageWhatsApp
        );
        return {
          ...(data.whatsapp_number ? { whatsappNumber: data.whatsapp_number } : {}),
          hasWhatsAppBusinessNumber: data.has_whatsapp_business_number ?? false,
        };
      }),

    getAdAccount: (token, account) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          account,
          { fields: 'account_status,currency' },
          adAccount
        );
        return { accountStatus: data.account_status, currency: data.currency };
      }),

    uploadImageFromUrl: (token, account, url) =>
      call(async (client) => {
        const image = await download(client, url);
        // The content type a server claims can lie; the bytes cannot.
        if (!isJpeg(image.bytes) && !isPng(image.bytes)) {
          throw imageProblem('the file is not a JPEG or PNG image.');
        }
        const extension = isPng(image.bytes) ? 'png' : 'jpg';
        const name = `tandem-${createHash('sha256').update(image.bytes).digest('hex').slice(0, 16)}.${extension}`;
        // Uploading the same bytes twice answers the same hash, so a retried upload is harmless.
        const { data } = await client.post(
          token,
          `${account}/adimages`,
          { bytes: Buffer.from(image.bytes).toString('base64'), name },
          adImages,
          { idempotent: true }
        );
        const first = Object.values(data.images)[0];
        if (!first) throw imageProblem('Meta answered the upload without an image hash.');
        return { hash: first.hash };
      }),

    findByNameTag: (token, account, kind, tag) =>
      call(async (client) => {
        const { data } = await client.get(
          token,
          `${account}/${EDGE[kind]}`,
          {
            fields: 'id,name',
            filtering: JSON.stringify([
              { field: NAME_FIELD[kind], operator: 'CONTAIN', value: tag },
            ]),
            limit: 5,
          },
          namedObjects
        );
        // Filtering is a hint to Meta; the tag check is ours.
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
