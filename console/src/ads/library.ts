import { unwrap } from '../api/call.js';
import type { Api } from '../api/client.js';

/**
 * The ad account's library through Tandem: an image put in it (POST /links/{linkId}/ads/images,
 * the JPEG or PNG itself as the body) for the creative to name by hash, and the names Meta
 * recommends as the DSA beneficiary and payor (GET /links/{linkId}/ads/dsa-recommendations).
 *
 * docs/openapi.json declares neither route's success body (only "2XX", no content), so the
 * generated types cannot say what comes back: the two shapes below are functions/core/ads/library.ts's
 * return types, written here once, until the description declares them.
 */

interface UploadedImage {
  adAccountId: string;
  imageHash: string;
}

interface DsaRecommendations {
  adAccountId: string;
  recommendations: string[];
}

const uploadImage = async (
  api: Api,
  linkId: string,
  adAccountId: string,
  file: File
): Promise<UploadedImage> =>
  (await unwrap(
    api.POST('/links/{linkId}/ads/images', {
      params: { path: { linkId }, query: { adAccountId } },
      // The file's bytes as they are: the route takes the image itself, not JSON or a form.
      body: file as unknown as string,
      bodySerializer: (body) => body,
      headers: { 'content-type': file.type },
      parseAs: 'json',
    })
  )) as unknown as UploadedImage;

const dsaRecommendations = async (
  api: Api,
  linkId: string,
  adAccountId: string
): Promise<DsaRecommendations> =>
  (await unwrap(
    api.GET('/links/{linkId}/ads/dsa-recommendations', {
      params: { path: { linkId }, query: { adAccountId } },
      parseAs: 'json',
    })
  )) as unknown as DsaRecommendations;

/** A local preview of the chosen file (a data: URL, which the console's CSP allows for images). */
const previewOf = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

export { dsaRecommendations, previewOf, uploadImage };
