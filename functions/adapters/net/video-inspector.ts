import type { InspectedVideo } from '../../core/stories/model.js';
import type { GuardedFetch } from './guarded-fetch.js';
import { type Mp4Problem, readMp4Head } from './mp4-head.js';
import { downloadMedia, mediaUnusable } from './story-media.js';

/**
 * Reads a story video's head from the caller's URL through the guarded fetch (no private addresses,
 * https only, bounded time) and says what it is: container, duration and size from the MP4 boxes,
 * the file's size from the server's Content-Length. Only the first megabyte is read: the `moov` box
 * of a story-length video prepared for streaming fits in it many times over, and Meta downloads the
 * whole file itself.
 */

/** How much of a video Tandem reads to inspect it. */
const VIDEO_HEAD_BYTES = 1024 * 1024;

const PROBLEMS: Record<Mp4Problem, string> = {
  not_mp4: 'the file is not an MP4 or MOV video.',
  moov_not_at_front:
    'its moov atom comes after the media data; Meta wants it at the front (re-encode with "faststart").',
  moov_beyond_prefix: `its moov atom does not end within the first ${VIDEO_HEAD_BYTES} bytes; re-encode it with "faststart".`,
  no_video_track: 'the file has no video track.',
  malformed: 'its MP4 boxes could not be read.',
};

/**
 * @example
 * const inspect = createVideoInspector(createGuardedFetch({ userAgent: USER_AGENT }));
 * const video = await inspect('https://cdn.example/story.mp4');
 */
const createVideoInspector =
  (download: GuardedFetch) =>
  async (url: string): Promise<InspectedVideo> => {
    const fetched = await downloadMedia(
      download,
      'video',
      url,
      { maxBytes: VIDEO_HEAD_BYTES, prefix: true },
      'Use a public HTTPS URL of an MP4 video.'
    );
    const read = readMp4Head(fetched.bytes);
    if (!read.ok) throw mediaUnusable('video', PROBLEMS[read.problem]);
    const whole = fetched.bytes.byteLength < VIDEO_HEAD_BYTES;
    const bytes = fetched.declaredBytes ?? (whole ? fetched.bytes.byteLength : undefined);
    if (bytes === undefined) {
      throw mediaUnusable(
        'video',
        'the server did not say how large the file is (Content-Length).'
      );
    }
    return { ...read.head, bytes };
  };

export { createVideoInspector, VIDEO_HEAD_BYTES };
