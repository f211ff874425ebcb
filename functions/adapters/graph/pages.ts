import { createHash } from 'node:crypto';
import type * as z from '../../core/zod.js';
import type { GuardedFetch } from '../net/guarded-fetch.js';
import type { GraphHttp, GraphResult } from './http.js';
import { collectPages } from './paging.js';
import {
  accessToken,
  numberVerification,
  type Page,
  type PageAccount,
  type PagePicture,
  page,
  pageAccount,
  pagePicture,
  success,
} from './schemas.js';
import type { GraphUsage } from './usage.js';

/** Facebook Pages: the Pages a user can manage, a Page's fields, and its picture. */

/** The result of a conditional read: either unchanged since `etag`, or the new Page. */
type ConditionalPage =
  | { notModified: true; etag: string | undefined; usage: GraphUsage }
  | { notModified: false; data: Page; etag: string | undefined; usage: GraphUsage };

/** Downloaded image bytes and what is needed to decide whether they changed. */
interface DownloadedImage {
  bytes: Uint8Array;
  contentType: string;
  sha256: string;
}

interface PageOperations {
  /** Every Page the user can act on, with Page tokens, following cursors up to `maxPages`. */
  listPages(
    userToken: string,
    options?: { maxPages?: number }
  ): Promise<GraphResult<PageAccount[]> & { truncated: boolean }>;
  /**
   * Reads `fields` of a Page. With `etag`, sends `If-None-Match` and reports `notModified` when
   * Graph answers 304, which saves the body and the mapping work in the reconciler.
   */
  getPage(
    token: string,
    pageId: string,
    fields: readonly string[],
    options?: { etag?: string }
  ): Promise<ConditionalPage>;
  /** The Page's profile picture URL (a short-lived CDN URL: compare bytes, not URLs). */
  getPagePicture(token: string, pageId: string): Promise<GraphResult<PagePicture>>;
  /**
   * Downloads an image from a URL (one Graph returned, or a caller's) through the guarded fetch,
   * bounded in size; throws FetchRefusedError when it cannot.
   */
  downloadImage(url: string, options?: { maxBytes?: number }): Promise<DownloadedImage>;
  /**
   * Subscribes the app to the Page's webhooks for `fields` (which replaces any earlier list).
   * Meta delivers only fields subscribed at both the app and the Page level, and takes the call
   * with the Page's own token, which is fetched with the user's.
   * https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps
   */
  subscribePage(
    userToken: string,
    pageId: string,
    fields: readonly string[]
  ): Promise<GraphResult<boolean>>;
  /** Removes the app's subscription to the Page's webhooks (Page token, fetched the same way). */
  unsubscribePage(userToken: string, pageId: string): Promise<GraphResult<boolean>>;
  /** The Page's own token (`GET /{page-id}?fields=access_token` with the user's). */
  pageToken(userToken: string, pageId: string): Promise<string>;
  /**
   * Links a WhatsApp number to the Page on Meta's side (the Page's WhatsApp button):
   * `POST /{page-id}/page_whatsapp_number_verification` with `whatsapp_number` (required) and
   * `verification_code` (codegen Page.json). Without the code Meta sends one to the number; with it
   * the link is made. Not repeated: a second code request sends a second code.
   */
  verifyPageWhatsAppNumber(
    pageToken: string,
    pageId: string,
    whatsappNumber: string,
    verificationCode?: string
  ): Promise<GraphResult<z.output<typeof numberVerification>>>;
}

/** WhatsApp profile pictures are at most 5 MB; nothing Tandem downloads needs more. */
const DEFAULT_MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Creates the Page operations; `download` is the guarded fetch (functions/adapters/net). */
const createPages = (http: GraphHttp, download: GuardedFetch): PageOperations => {
  /** The Page's own token, which the subscription edge requires. */
  const pageToken = async (userToken: string, pageId: string): Promise<string> => {
    const { data } = await http.request(
      {
        method: 'GET',
        path: encodeURIComponent(pageId),
        token: userToken,
        query: { fields: 'access_token' },
      },
      accessToken
    );
    return data.access_token;
  };

  return {
    pageToken,
    subscribePage: async (userToken, pageId, fields) =>
      http.request(
        {
          method: 'POST',
          path: `${encodeURIComponent(pageId)}/subscribed_apps`,
          token: await pageToken(userToken, pageId),
          form: { subscribed_fields: fields.join(',') },
          // Setting the same field list twice is the same as once.
          idempotent: true,
        },
        success
      ),

    unsubscribePage: async (userToken, pageId) =>
      http.request(
        {
          method: 'DELETE',
          path: `${encodeURIComponent(pageId)}/subscribed_apps`,
          token: await pageToken(userToken, pageId),
        },
        success
      ),

    verifyPageWhatsAppNumber: (pageToken, pageId, whatsappNumber, verificationCode) =>
      http.request(
        {
          method: 'POST',
          path: `${encodeURIComponent(pageId)}/page_whatsapp_number_verification`,
          token: pageToken,
          form: {
            whatsapp_number: whatsappNumber,
            ...(verificationCode ? { verification_code: verificationCode } : {}),
          },
        },
        numberVerification
      ),

    listPages: (userToken, options) =>
      collectPages(
        http,
        {
          method: 'GET',
          path: 'me/accounts',
          token: userToken,
          // Fields of the Page node (codegen Page.json): the user's tasks on a Page are not one.
          query: { fields: 'id,name,access_token,category', limit: 100 },
        },
        pageAccount,
        options?.maxPages
      ),

    getPage: async (token, pageId, fields, options) => {
      const request = {
        method: 'GET' as const,
        path: encodeURIComponent(pageId),
        token,
        query: { fields: fields.join(',') },
        headers: options?.etag ? { 'if-none-match': options.etag } : undefined,
      };
      const raw = await http.send(request);
      const etag = raw.headers.get('etag') ?? undefined;
      if (raw.status === 304) return { notModified: true, etag, usage: raw.usage };
      return {
        notModified: false,
        data: http.validate(raw.body, page, request),
        etag,
        usage: raw.usage,
      };
    },

    getPagePicture: async (token, pageId) => {
      const result = await http.request(
        {
          method: 'GET',
          path: `${encodeURIComponent(pageId)}/picture`,
          token,
          // redirect=0 returns JSON instead of a 302 to the image.
          query: { redirect: 0, type: 'large' },
        },
        pagePicture
      );
      return { data: result.data.data, usage: result.usage };
    },

    downloadImage: async (url, options) => {
      const { bytes, contentType } = await download(url, {
        maxBytes: options?.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES,
      });
      return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
  };
};

export type { ConditionalPage, DownloadedImage, PageOperations };
export { createPages, DEFAULT_MAX_IMAGE_BYTES };
