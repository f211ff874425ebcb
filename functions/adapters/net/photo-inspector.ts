import { ValidationError } from '../../core/errors.js';
import { type InspectedPhoto, MAX_PHOTO_BYTES } from '../../core/stories/model.js';
import { FetchRefusedError, type GuardedFetch } from './guarded-fetch.js';

/**
 * Reads a story photo from the caller's URL through the guarded fetch (no private addresses, https
 * only, bounded size and time) and says what it is from its bytes: a server's content type can lie.
 */

const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;
const isPng = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

const mediaUnusable = (message: string, cause?: unknown): ValidationError =>
  new ValidationError(
    `The story photo could not be used: ${message}`,
    undefined,
    'media_unusable',
    cause ? { cause } : undefined
  );

/**
 * @example
 * const inspect = createPhotoInspector(createGuardedFetch({ userAgent: USER_AGENT }));
 * const photo = await inspect('https://cdn.example/story.jpg');
 */
const createPhotoInspector =
  (download: GuardedFetch) =>
  async (url: string): Promise<InspectedPhoto> => {
    let bytes: Uint8Array;
    try {
      ({ bytes } = await download(url, { maxBytes: MAX_PHOTO_BYTES }));
    } catch (error) {
      // The caller's URL, whatever went wrong with it: a 4xx with the reason, never a Meta outage.
      if (!(error instanceof FetchRefusedError)) throw error;
      throw mediaUnusable(`${error.message}. Use a public HTTPS URL of a JPEG image.`, error);
    }
    if (isJpeg(bytes)) return { type: 'image/jpeg', bytes: bytes.byteLength };
    if (isPng(bytes)) return { type: 'image/png', bytes: bytes.byteLength };
    throw mediaUnusable('the file is not a JPEG or PNG image.');
  };

export { createPhotoInspector };
