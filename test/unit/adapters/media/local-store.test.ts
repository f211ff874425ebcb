import { describe, expect, it } from 'vitest';
import {
  createLocalMediaStore,
  verifyLocalMediaUrl,
} from '../../../../functions/adapters/media/local-store.js';

const SECRET = Buffer.alloc(32, 3);
const NOW = Date.parse('2026-03-01T12:00:00Z');
const store = createLocalMediaStore('http://127.0.0.1:3000', SECRET, () => NOW);
const put = () =>
  store.presignPut('stories/t/l/upl_a.jpg', {
    contentType: 'image/jpeg',
    bytes: 10,
    expiresInSeconds: 900,
  });

describe('Adapter: local media store signatures', () => {
  it('verifies its own PUT URL until it expires, with the signed type and size', async () => {
    const url = new URL((await put()).url);
    expect(verifyLocalMediaUrl(SECRET, 'PUT', url, NOW)).toEqual({
      ok: true,
      method: 'PUT',
      key: 'stories/t/l/upl_a.jpg',
      contentType: 'image/jpeg',
      bytes: 10,
    });
    expect(verifyLocalMediaUrl(SECRET, 'PUT', url, NOW + 901_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a URL used for another method, with another key, size or secret', async () => {
    const url = new URL((await put()).url);
    const otherKey = new URL(url);
    otherKey.pathname = '/_local/media/stories/t/l/upl_b.jpg';
    const otherSize = new URL(url);
    otherSize.searchParams.set('bytes', '11');
    const refused = { ok: false, reason: 'bad_signature' };
    expect(verifyLocalMediaUrl(SECRET, 'GET', url, NOW)).toEqual(refused);
    expect(verifyLocalMediaUrl(SECRET, 'PUT', otherKey, NOW)).toEqual(refused);
    expect(verifyLocalMediaUrl(SECRET, 'PUT', otherSize, NOW)).toEqual(refused);
    expect(verifyLocalMediaUrl(Buffer.alloc(32, 4), 'PUT', url, NOW)).toEqual(refused);
  });

  it('refuses a key that climbs out of the store, whatever its signature', async () => {
    const climbing = new URL(await store.presignGet('stories/../../etc/passwd', 60));
    expect(verifyLocalMediaUrl(SECRET, 'GET', climbing, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});
