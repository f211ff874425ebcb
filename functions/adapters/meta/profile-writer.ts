import { PermissionError } from '../../core/errors.js';
import { openGrantToken } from '../../core/linking/grants.js';
import type { GrantRepository, TokenVault } from '../../core/linking/ports.js';
import type { ProfileWriter, WriteOutcome } from '../../core/sync/ports.js';
import {
  type BusinessProfileUpdate,
  type GraphClient,
  GraphValidationError,
  isUnanswered,
  type UploadMime,
} from '../graph/index.js';
import { graphCalls } from './graph-calls.js';

/**
 * The ProfileWriter over the Graph client: a partial `whatsapp_business_profile` update with the
 * grant's user token, and the Page picture through Meta's resumable upload when it changed. An update
 * Meta never answers comes back as `unanswered` rather than an error: the run must find out what
 * WhatsApp now holds, where a retry would only guess.
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
const createProfileWriter = (deps: ProfileWriterDeps): ProfileWriter => {
  const call = graphCalls(deps.graph);
  return {
    write: async (link, changes, picture) => {
      const grant = await deps.grants.get(link.tenantId, link.grantId);
      if (!grant) {
        throw new PermissionError(
          `The grant behind link ${link.linkId} is gone; sign in again and re-link.`,
          { linkId: link.linkId },
          'meta_token_invalid'
        );
      }
      const token = await openGrantToken(deps, grant);
      return call(async (client): Promise<WriteOutcome> => {
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
        if (Object.keys(update).length === 0) return 'confirmed';
        try {
          await client.updateBusinessProfile(token, link.phoneNumberId, update);
          return 'confirmed';
        } catch (error) {
          if (isUnanswered(error)) return 'unanswered';
          throw error;
        }
      });
    },
  };
};

export type { ProfileWriterDeps };
export { createProfileWriter };
