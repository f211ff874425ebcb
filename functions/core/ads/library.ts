import { openLink, openToken } from '../linking/open.js';
import * as z from '../zod.js';
import { requireScope } from './checks.js';
import { adAccountId } from './input.js';
import { accountPath } from './plan.js';
import type { AdsDeps } from './ports.js';

/**
 * What a client needs before creating an ad, through the link's grant: putting an image in the ad
 * account's library (so no client needs a public image URL), and the names Meta recommends as the
 * DSA beneficiary and payor of ads that reach the EU.
 */

/** The `adAccountId` query of the library routes. */
const adAccountQuery = z.strictObject({ adAccountId });

/**
 * Uploads a JPEG or PNG to the ad account's image library; answers Meta's image hash, which a
 * create request then names as `creative.image.hash`.
 *
 * @throws NotFoundError for an unknown link; PermissionError without ads_management;
 *   ValidationError `image_unusable` for bytes that are not a JPEG or PNG image.
 */
const uploadAdImage = async (
  deps: Pick<AdsDeps, 'links' | 'grants' | 'vault' | 'ads'>,
  tenantId: string,
  linkId: string,
  adAccountId: string,
  bytes: Uint8Array
): Promise<{ adAccountId: string; imageHash: string }> => {
  const { grant } = await openLink(deps, tenantId, linkId);
  requireScope(grant, ['ads_management'], 'uploading ad images');
  const account = accountPath(adAccountId);
  const { hash } = await deps.ads.uploadImage(await openToken(deps, grant), account, bytes);
  return { adAccountId: account, imageHash: hash };
};

/** The names Meta recommends as DSA beneficiary and payor for the account (`dsa_recommendations`). */
const dsaRecommendations = async (
  deps: Pick<AdsDeps, 'links' | 'grants' | 'vault' | 'ads'>,
  tenantId: string,
  linkId: string,
  adAccountId: string
): Promise<{ adAccountId: string; recommendations: string[] }> => {
  const { grant } = await openLink(deps, tenantId, linkId);
  requireScope(grant, ['ads_management', 'ads_read'], 'reading DSA recommendations');
  const account = accountPath(adAccountId);
  const recommendations = await deps.ads.getDsaRecommendations(
    await openToken(deps, grant),
    account
  );
  return { adAccountId: account, recommendations };
};

export { adAccountQuery, dsaRecommendations, uploadAdImage };
