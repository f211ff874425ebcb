import { type InspectedPhoto, MAX_PHOTO_BYTES } from '../../core/stories/model.js';
import type { GuardedFetch } from './guarded-fetch.js';
import { downloadMedia, mediaUnusable } from './story-media.js';

/**
 * Reads a story photo from the caller's URL through the guarded fetch (no private addresses, https
 * only, bounded size and time) and says what it is from its bytes: a server's content type can lie.
 */

const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;
const isPng = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/**
 * @example
 * const inspect = createPhotoInspector(createGuardedFetch({ userAgent: USER_AGENT }));
 * const photo = await inspect('https://cdn.example/story.jpg');
 */
const createPhotoInspector =
  (download: GuardedFetch) =>
  async (url: string): Promise<InspectedPhoto> => {
    const { bytes } = await downloadMedia(
      download,
      'photo',
      url,
      { maxBytes: MAX_PHOTO_BYTES },
      'Use a public HTTPS URL of a JPEG image.'
    );
    if (isJpeg(bytes)) return { type: 'image/jpeg', bytes: bytes.byteLength };
    if (isPng(bytes)) return { type: 'image/png', bytes: bytes.byteLength };
    throw mediaUnusable('photo', 'the file is not a JPEG or PNG image.');
  };

export { createPhotoInspector };
