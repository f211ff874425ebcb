import { ValidationError } from '../../core/errors.js';
import { type Fetched, FetchRefusedError, type GuardedFetch } from './guarded-fetch.js';

/** What the photo and video inspectors share: the refusal they answer, and how they download. */

const mediaUnusable = (
  kind: 'photo' | 'video',
  message: string,
  cause?: unknown
): ValidationError =>
  new ValidationError(
    `The story ${kind} could not be used: ${message}`,
    undefined,
    'media_unusable',
    cause ? { cause } : undefined
  );

/**
 * Downloads the caller's media; whatever went wrong with the URL is a 4xx with the reason (and
 * `hint`), never a Meta outage.
 */
const downloadMedia = async (
  download: GuardedFetch,
  kind: 'photo' | 'video',
  url: string,
  options: Parameters<GuardedFetch>[1],
  hint: string
): Promise<Fetched> => {
  try {
    return await download(url, options);
  } catch (error) {
    if (!(error instanceof FetchRefusedError)) throw error;
    throw mediaUnusable(kind, `${error.message}. ${hint}`, error);
  }
};

export { downloadMedia, mediaUnusable };
