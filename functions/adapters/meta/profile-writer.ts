import { PermissionError } from '../../core/errors.js';
import type { GrantRepository, TokenVault } from '../../core/linking/ports.js';
import type { ProfileWriter } from '../../core/sync/ports.js';
import {
  type BusinessProfileUpdate,
  type GraphClient,
  GraphValidationError,
  toTandemError,
  type UploadMime,
} from '../graph/index.js';

/**
 * The ProfileWriter over the Graph client: a partial `whatsapp_business_profile` update with the
 * grant's user token, and the Page picture through Meta's resumable upload when it changed.
 */

interface ProfileWriterDeps {
  graph: () => Promise<GraphClient>;
  grants: GrantRepository;
  vault: TokenVault;
}

const PICTURE_TYPES: Record<string, UploadMime> = {
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/png': 'image/png',
};

/**
 * Creates the writer.
 *
 * @example
 * await createProfileWriter({ graph, grants, vault }).write(link, { about: 'Hi' }, undefined);
 */
const createProfileWriter = (deps: ProfileWriterDeps): ProfileWriter => ({
  write: async (link, changes, picture) => {
    const grant = await deps.grants.get(link.tenantId, link.grantId);
    if (!grant) {
      throw new PermissionError(
        `The grant behind link ${link.linkId} is gone; sign in again and re-link.`,
        { linkId: link.linkId },
        'meta_token_invalid'
      );
    }
    const token = await deps.vault.open(grant.token, {
      tenantId: grant.tenantId,
      grantId: grant.grantId,
      purpose: 'meta_user_token',
    });
    const client = await deps.graph();
    try {
      const update: BusinessProfileUpdate = { ...changes };
      if (picture) {
        const image = await client.downloadImage(picture.url);
        const mime = PICTURE_TYPES[image.contentType];
        if (!mime) {
          throw new GraphValidationError({
            message: `The Page picture is ${image.contentType}; WhatsApp takes JPEG or PNG only.`,
          });
        }
        const extension = mime === 'image/png' ? 'png' : 'jpg';
        const { data } = await client.uploadProfilePicture(
          token,
          image.bytes,
          mime,
          `page-${link.pageId}.${extension}`
        );
        update.profile_picture_handle = data.handle;
      }
      if (Object.keys(update).length === 0) return;
      await client.updateBusinessProfile(token, link.phoneNumberId, update);
    } catch (error) {
      throw toTandemError(error);
    }
  },
});

export type { ProfileWriterDeps };
export { createProfileWriter };
