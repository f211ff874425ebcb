import { describe, expect, it } from 'vitest';
import { readMp4Head } from '../../../../functions/adapters/net/mp4-head.js';
import { storyMp4 } from '../../../../infra/local/meta-sandbox/src/mp4.js';

describe('Function: readMp4Head', () => {
  it('reads the brand, duration and the video track’s size from the file’s head', () => {
    // Prepare
    const file = storyMp4({ durationSeconds: 12.5, width: 1080, height: 1920, bytes: 200_000 });

    // Act
    const read = readMp4Head(file.subarray(0, 1024));

    // Assess
    expect(read).toEqual({
      ok: true,
      head: { container: 'mp4', durationSeconds: 12.5, width: 1080, height: 1920 },
    });
  });

  it('tells a QuickTime file from an MP4 one', () => {
    // Act
    const read = readMp4Head(
      storyMp4({ durationSeconds: 5, width: 720, height: 1280, brand: 'qt  ' })
    );

    // Assess
    expect(read.ok && read.head.container).toBe('mov');
  });

  it('refuses a file whose media data comes before its moov box', () => {
    // Act
    const read = readMp4Head(
      storyMp4({ durationSeconds: 5, width: 1080, height: 1920, mdatFirst: true })
    );

    // Assess
    expect(read).toEqual({ ok: false, problem: 'moov_not_at_front' });
  });

  it('refuses bytes that are not an ISO media file', () => {
    // Act
    const read = readMp4Head(new TextEncoder().encode('<html>not a video</html>'));

    // Assess
    expect(read).toEqual({ ok: false, problem: 'not_mp4' });
  });

  it('says when the bytes read end before the moov box does', () => {
    // Prepare
    const file = storyMp4({ durationSeconds: 5, width: 1080, height: 1920 });

    // Act
    const read = readMp4Head(file.subarray(0, 40));

    // Assess
    expect(read).toEqual({ ok: false, problem: 'moov_beyond_prefix' });
  });
});
