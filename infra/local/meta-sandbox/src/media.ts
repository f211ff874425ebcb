import type { ServerResponse } from 'node:http';
import type { Services } from './context.js';
import { sendBytes, sendJson } from './http.js';
import { storyMp4 } from './mp4.js';
import { solidPng } from './png.js';

/**
 * Files the sandbox hands out URLs for, standing in for Meta's CDNs: Page pictures, uploaded profile
 * pictures and ad images. Public, like CDN URLs, and cacheable.
 */

const notFound = (res: ServerResponse): void => sendJson(res, 404, { error: 'Not found' });

const servePagePicture = (services: Services, url: URL, res: ServerResponse): boolean => {
  const match = /^\/_media\/pages\/(\d+)\/picture\/(\d+)\.png$/.exec(url.pathname);
  if (!match) return false;
  const [, pageId = '', version = ''] = match;
  if (!services.store.pages.has(pageId)) {
    notFound(res);
    return true;
  }
  const size = Math.min(2048, Math.max(1, Number(url.searchParams.get('size') ?? 200) || 200));
  sendBytes(res, 200, 'image/png', solidPng(`${pageId}:${version}`, size), {
    'cache-control': 'public, max-age=31536000, immutable',
  });
  return true;
};

const serveUpload = (services: Services, url: URL, res: ServerResponse): boolean => {
  const match = /^\/_media\/uploads\/([0-9a-f]+)$/.exec(url.pathname);
  if (!match) return false;
  const session = services.store.uploads.get(match[1] ?? '');
  if (!session) notFound(res);
  else sendBytes(res, 200, session.fileType, Buffer.concat(session.chunks));
  return true;
};

const serveAdImage = (services: Services, url: URL, res: ServerResponse): boolean => {
  const match = /^\/_media\/adimages\/(\d+)\/([0-9a-f]+)$/.exec(url.pathname);
  if (!match) return false;
  const image = services.store.adAccounts.get(`act_${match[1] ?? ''}`)?.images.get(match[2] ?? '');
  if (!image) notFound(res);
  else sendBytes(res, 200, image.bytes[0] === 0xff ? 'image/jpeg' : 'image/png', image.bytes);
  return true;
};

/**
 * Bytes that start and end as a JPEG file does (SOI, a JFIF APP0 header, EOI), padded to `bytes`:
 * what Tandem's and the sandbox's format checks read. Not a decodable picture.
 */
const jpegLike = (seed: string, bytes: number): Buffer => {
  const head = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');
  const tail = Buffer.from('ffd9', 'hex');
  const body = Buffer.alloc(Math.max(0, bytes - head.length - tail.length), seed.length % 251);
  return Buffer.concat([head, body, tail]);
};

/** Story photos for tests and demos: `/_media/stories/<seed>.jpg|.png[?bytes=N]`. */
const serveStoryPhoto = (url: URL, res: ServerResponse): boolean => {
  const match = /^\/_media\/stories\/([A-Za-z0-9_-]{1,64})\.(jpg|png)$/.exec(url.pathname);
  if (!match) return false;
  const [, seed = '', type] = match;
  const size = Math.min(
    16 * 1024 * 1024,
    Math.max(64, Number(url.searchParams.get('bytes')) || 2048)
  );
  if (type === 'png') sendBytes(res, 200, 'image/png', solidPng(seed, 64));
  else sendBytes(res, 200, 'image/jpeg', jpegLike(seed, size));
  return true;
};

/**
 * Story videos: `/_media/stories/<seed>.mp4?seconds=10&width=1080&height=1920[&bytes=N][&brand=qt]
 * [&mdatFirst=1]`, a real MP4 head of that shape (storyMp4).
 */
const serveStoryVideo = (url: URL, res: ServerResponse): boolean => {
  if (!/^\/_media\/stories\/[A-Za-z0-9_-]{1,64}\.(mp4|mov)$/.test(url.pathname)) return false;
  const number = (name: string, fallback: number) => Number(url.searchParams.get(name)) || fallback;
  const video = storyMp4({
    durationSeconds: number('seconds', 10),
    width: number('width', 1080),
    height: number('height', 1920),
    bytes: Math.min(16 * 1024 * 1024, number('bytes', 64 * 1024)),
    ...(url.searchParams.get('brand') === 'qt' ? { brand: 'qt  ' as const } : {}),
    ...(url.searchParams.get('mdatFirst') ? { mdatFirst: true } : {}),
  });
  sendBytes(res, 200, url.pathname.endsWith('.mov') ? 'video/quicktime' : 'video/mp4', video);
  return true;
};

const serveMedia = (services: Services, url: URL, res: ServerResponse): void => {
  if (serveStoryPhoto(url, res)) return;
  if (serveStoryVideo(url, res)) return;
  if (servePagePicture(services, url, res)) return;
  if (serveUpload(services, url, res)) return;
  if (serveAdImage(services, url, res)) return;
  notFound(res);
};

export { serveMedia };
