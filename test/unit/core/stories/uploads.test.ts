import { describe, expect, it } from 'vitest';
import type { Link } from '../../../../functions/core/linking/model.js';
import {
  MAX_PHOTO_BYTES,
  MAX_VIDEO_BYTES,
  PHOTO_LIMITS,
  UPLOAD_TYPES,
  VIDEO_LIMITS,
} from '../../../../functions/core/stories/model.js';
import type { MediaStore, StoredObject } from '../../../../functions/core/stories/ports.js';
import {
  fetchableMedia,
  linkUploadPrefix,
  linkUploadRemoval,
  openUpload,
  requestUpload,
  UPLOAD_ID,
  UPLOAD_LIFETIME_SECONDS,
  uploadKey,
} from '../../../../functions/core/stories/uploads.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const HEX = '0123456789abcdef0123456789abcdef';
const LINK = 'lnk_0123456789abcdef0123456789abcdef';

/** An in-memory store standing in for the MediaStore port: what was signed, what is held. */
const fakeMedia = () => {
  const objects = new Map<string, StoredObject>();
  const signedPuts: { key: string; contentType: string; bytes: number; expiresIn: number }[] = [];
  const media: MediaStore = {
    presignPut: async (key, { contentType, bytes, expiresInSeconds }) => {
      signedPuts.push({ key, contentType, bytes, expiresIn: expiresInSeconds });
      return { url: `https://store.example/${key}?put`, headers: { 'content-type': contentType } };
    },
    presignGet: async (key, seconds) => `https://store.example/${key}?get=${seconds}`,
    head: async (key) => objects.get(key),
    removeUnder: async (prefix) => {
      const keys = [...objects.keys()].filter((key) => key.startsWith(prefix));
      for (const key of keys) objects.delete(key);
      return keys.length;
    },
  };
  return { media, objects, signedPuts };
};

const deps = (linked = true) => {
  const store = fakeMedia();
  return {
    ...store,
    deps: {
      links: { get: async () => (linked ? ({ linkId: LINK } as Link) : undefined) },
      media: store.media,
      clock: { now: () => NOW },
      newUploadHex: () => HEX,
    },
  };
};

describe('Function: requestUpload', () => {
  it('signs a PUT bound to the declared type and size under a key of the tenant and link', async () => {
    // Prepare
    const { deps: d, signedPuts } = deps();

    // Act
    const upload = await requestUpload(d, 'tenant-a', LINK, {
      contentType: 'image/jpeg',
      bytes: 2048,
    });

    // Assess
    expect(upload.uploadId).toBe(`upl_${HEX}.jpg`);
    expect(upload.uploadId).toMatch(UPLOAD_ID);
    expect(signedPuts).toEqual([
      {
        key: uploadKey('tenant-a', LINK, upload.uploadId),
        contentType: 'image/jpeg',
        bytes: 2048,
        expiresIn: 900,
      },
    ]);
    expect(signedPuts[0]?.key.startsWith(linkUploadPrefix('tenant-a', LINK))).toBe(true);
    expect(signedPuts[0]?.key).not.toContain('tenant-a');
    expect(upload.expiresAt).toBe('2026-03-01T12:15:00.000Z');
    expect(upload.usableForSeconds).toBe(UPLOAD_LIFETIME_SECONDS);
  });

  it('names each type by its extension, so Meta sees a file name of that type', async () => {
    for (const [contentType, { extension }] of Object.entries(UPLOAD_TYPES)) {
      const { deps: d } = deps();
      const upload = await requestUpload(d, 'tenant-a', LINK, {
        contentType: contentType as keyof typeof UPLOAD_TYPES,
        bytes: 10,
      });
      expect(upload.uploadId.endsWith(`.${extension}`)).toBe(true);
    }
  });

  it('refuses a size over Meta’s limit with 413 before signing anything', async () => {
    // Prepare
    const { deps: d, signedPuts } = deps();

    // Act
    const photo = requestUpload(d, 'tenant-a', LINK, {
      contentType: 'image/png',
      bytes: MAX_PHOTO_BYTES + 1,
    });
    const video = requestUpload(d, 'tenant-a', LINK, {
      contentType: 'video/mp4',
      bytes: MAX_VIDEO_BYTES + 1,
    });

    // Assess
    await expect(photo).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(video).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(signedPuts).toHaveLength(0);
  });

  it('refuses a link the tenant does not have with 404', async () => {
    const { deps: d, signedPuts } = deps(false);
    await expect(
      requestUpload(d, 'tenant-a', LINK, { contentType: 'image/jpeg', bytes: 10 })
    ).rejects.toMatchObject({ code: 'link_not_found' });
    expect(signedPuts).toHaveLength(0);
  });

  it('keeps each type’s limit the largest any target takes', () => {
    expect(UPLOAD_TYPES['image/jpeg'].maxBytes).toBe(
      Math.max(PHOTO_LIMITS.facebook.maxBytes, PHOTO_LIMITS.instagram.maxBytes)
    );
    expect(UPLOAD_TYPES['video/mp4'].maxBytes).toBe(
      Math.max(VIDEO_LIMITS.facebook.maxBytes, VIDEO_LIMITS.instagram.maxBytes)
    );
  });
});

describe('Function: openUpload', () => {
  const uploadId = `upl_${HEX}.jpg`;
  const stored = (object: Partial<StoredObject> = {}): StoredObject => ({
    bytes: 2048,
    contentType: 'image/jpeg',
    uploadedAt: new Date(NOW.getTime() - 60_000),
    ...object,
  });

  it('answers a signed GET URL of an upload held under the tenant’s link', async () => {
    // Prepare
    const { deps: d, objects } = deps();
    objects.set(uploadKey('tenant-a', LINK, uploadId), stored());

    // Act
    const media = await openUpload(d, 'tenant-a', LINK, { type: 'photo', uploadId });

    // Assess
    expect(media).toEqual({
      type: 'photo',
      url: `https://store.example/${uploadKey('tenant-a', LINK, uploadId)}?get=3600`,
    });
  });

  it('answers 404 for another tenant’s or another link’s upload, as for an unknown one', async () => {
    // Prepare
    const { deps: d, objects } = deps();
    objects.set(uploadKey('tenant-b', LINK, uploadId), stored());
    objects.set(uploadKey('tenant-a', 'lnk_ffffffffffffffffffffffffffffffff', uploadId), stored());

    // Act
    const opened = openUpload(d, 'tenant-a', LINK, { type: 'photo', uploadId });

    // Assess
    await expect(opened).rejects.toMatchObject({ code: 'upload_not_found' });
  });

  it('refuses an upload older than its lifetime with 409 upload_expired', async () => {
    const { deps: d, objects } = deps();
    objects.set(
      uploadKey('tenant-a', LINK, uploadId),
      stored({ uploadedAt: new Date(NOW.getTime() - UPLOAD_LIFETIME_SECONDS * 1000) })
    );
    await expect(
      openUpload(d, 'tenant-a', LINK, { type: 'photo', uploadId })
    ).rejects.toMatchObject({ code: 'upload_expired' });
  });

  it('refuses with 415 an upload whose stored type is not the story’s kind', async () => {
    const { deps: d, objects } = deps();
    objects.set(uploadKey('tenant-a', LINK, uploadId), stored({ contentType: 'video/mp4' }));
    await expect(
      openUpload(d, 'tenant-a', LINK, { type: 'photo', uploadId })
    ).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses with 415 an object of a type no upload may have', async () => {
    const { deps: d, objects } = deps();
    objects.set(uploadKey('tenant-a', LINK, uploadId), stored({ contentType: 'image/gif' }));
    await expect(
      openUpload(d, 'tenant-a', LINK, { type: 'photo', uploadId })
    ).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses with 413 an object larger than the type allows, whatever was declared', async () => {
    const { deps: d, objects } = deps();
    objects.set(uploadKey('tenant-a', LINK, uploadId), stored({ bytes: MAX_PHOTO_BYTES + 1 }));
    await expect(
      openUpload(d, 'tenant-a', LINK, { type: 'photo', uploadId })
    ).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});

describe('Function: fetchableMedia', () => {
  it('passes a caller’s URL through and signs an upload afresh', async () => {
    const { media } = fakeMedia();
    const url = 'https://cdn.example/a.jpg';
    expect(await fetchableMedia(media, 'tenant-a', LINK, { type: 'photo', url })).toEqual({
      type: 'photo',
      url,
    });
    const uploadId = `upl_${HEX}.mp4`;
    expect(await fetchableMedia(media, 'tenant-a', LINK, { type: 'video', uploadId })).toEqual({
      type: 'video',
      url: `https://store.example/${uploadKey('tenant-a', LINK, uploadId)}?get=3600`,
    });
  });
});

describe('Function: linkUploadRemoval', () => {
  it('removes every upload of the link and nothing of another link or tenant', async () => {
    // Prepare
    const { media, objects } = fakeMedia();
    const other = 'lnk_ffffffffffffffffffffffffffffffff';
    const object = { bytes: 1, contentType: 'image/jpeg', uploadedAt: NOW };
    objects.set(uploadKey('tenant-a', LINK, `upl_${HEX}.jpg`), object);
    objects.set(uploadKey('tenant-a', LINK, `upl_${HEX}.mp4`), object);
    objects.set(uploadKey('tenant-a', other, `upl_${HEX}.jpg`), object);
    objects.set(uploadKey('tenant-b', LINK, `upl_${HEX}.jpg`), object);

    // Act
    const removed = await linkUploadRemoval(media).removeForLink('tenant-a', LINK);

    // Assess
    expect(removed).toBe(2);
    expect(objects.size).toBe(2);
  });
});
