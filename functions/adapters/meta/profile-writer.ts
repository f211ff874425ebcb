import { PermissionError, TandemError } from '../../core/errors.js';
import { openGrantToken } from '../../core/linking/grants.js';
import type { Link } from '../../core/linking/model.js';
import type { GrantRepository, TokenVault } from '../../core/linking/ports.js';
import type { PictureOutcome, ProfileWriter, WriteOutcome } from '../../core/sync/ports.js';
import {
  type BusinessProfileUpdate,
  type GraphClient,
  GraphTokenError,
  isUnanswered,
  toTandemError,
  type UploadMime,
} from '../graph/index.js';
import { graphCalls } from './graph-calls.js';

/**
 * The ProfileWriter over the Graph client: a partial `whatsapp_business_profile` update with the
 * grant's user token, then the Page picture when it changed, uploaded through Meta's Resumable Upload
 * API with Tandem's own system user token: an upload session needs "an Administrator or Developer
 * role on the app" (https://developers.facebook.com/docs/graph-api/reference/application/uploads/),
 * which no customer has. The handle is then set with the grant's token, in a write of its own.
 * A write Meta never answers comes back as `unanswered` (the picture's as `unconfirmed`) rather than
 * an error, and is not repeated: Meta may still apply it, and the run must find out what WhatsApp
 * now holds, where a retry would only guess.
 */

interface ProfileWriterDeps {
  graph: () => Promise<GraphClient>;
  grants: GrantRepository;
  vault: TokenVault;
  /** The app's system user token (Secrets Manager in AWS). */
  uploadToken: () => Promise<string>;
}

const PICTURE_TYPES: Record<string, UploadMime> = {
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/png': 'image/png',
};

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Creates the writer.
 *
 * @example
 * await createProfileWriter({ graph, grants, vault, uploadToken }).write(link, { about: 'Hi' }, undefined);
 */
const createProfileWriter = (deps: ProfileWriterDeps): ProfileWriter => {
  const call = graphCalls(deps.graph);

  /** The picture, start to end; every failure becomes its outcome, never the write's. */
  const writePicture = async (
    link: Link,
    token: string,
    picture: { url: string }
  ): Promise<PictureOutcome> => {
    let uploadToken: string;
    try {
      uploadToken = await deps.uploadToken();
    } catch (error) {
      return { outcome: 'failed', reason: messageOf(error) };
    }
    const client = await deps.graph();
    try {
      const image = await client.downloadImage(picture.url);
      const mime = PICTURE_TYPES[image.contentType];
      if (!mime) {
        return {
          outcome: 'failed',
          reason: `The Page picture is ${image.contentType}; WhatsApp takes JPEG or PNG only.`,
        };
      }
      const extension = mime === 'image/png' ? 'png' : 'jpg';
      let handle: string;
      try {
        const upload = await client.uploadProfilePicture(
          uploadToken,
          image.bytes,
          mime,
          `page-${link.pageId}.${extension}`
        );
        handle = upload.data.handle;
      } catch (error) {
        // Tandem's own token, not the customer's: the operator's to renew, never a reason to re-link.
        if (error instanceof GraphTokenError) {
          return {
            outcome: 'failed',
            reason: `Meta refused Tandem's upload token (${error.reason}); the operator must put a new system user token in the secret. The text fields were written.`,
          };
        }
        throw error;
      }
      try {
        await client.updateBusinessProfile(token, link.phoneNumberId, {
          profile_picture_handle: handle,
        });
      } catch (error) {
        if (!isUnanswered(error)) throw error;
        return {
          outcome: 'unconfirmed',
          reason:
            'Meta did not answer the profile picture write; it may still apply it. The picture is sent again on the next sync of this link.',
        };
      }
      return { outcome: 'applied' };
    } catch (error) {
      const mapped = error instanceof TandemError ? error : toTandemError(error);
      return {
        outcome: 'failed',
        reason: `The profile picture was not updated: ${mapped.message}${mapped.retryable ? ' It is tried again on the next sync of this link.' : ''}`,
      };
    }
  };

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
      const update: BusinessProfileUpdate = { ...changes };
      const fields = await call(async (client): Promise<WriteOutcome> => {
        if (Object.keys(update).length === 0) return 'confirmed';
        try {
          await client.updateBusinessProfile(token, link.phoneNumberId, update);
          return 'confirmed';
        } catch (error) {
          if (isUnanswered(error)) return 'unanswered';
          throw error;
        }
      });
      return picture ? { fields, picture: await writePicture(link, token, picture) } : { fields };
    },
  };
};

export type { ProfileWriterDeps };
export { createProfileWriter };
