/**
 * Reads what Tandem checks of a story video from the first bytes of an MP4 or QuickTime file (ISO
 * base media file format, ISO/IEC 14496-12): the brand (`ftyp`), the duration (`moov/mvhd`) and the
 * video track's display size (`moov/trak/tkhd` of the track whose `mdia/hdlr` is `vide`).
 *
 * Hand-written rather than a library: it needs four box types out of a prefix, about 100 lines;
 * the demuxers on npm (mp4box, mux.js) parse whole files and weigh hundreds of kilobytes in every
 * stories bundle. Instagram wants the `moov` box at the front of the file ("moov atom at the front",
 * https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-user/media),
 * so a file whose `mdat` comes first is refused rather than read further.
 */

interface Mp4Head {
  /** `mp4` for an ISO/MP4 brand, `mov` for QuickTime (`qt  `). */
  container: 'mp4' | 'mov';
  durationSeconds: number;
  width: number;
  height: number;
}

type Mp4Problem =
  | 'not_mp4'
  | 'moov_not_at_front'
  | 'moov_beyond_prefix'
  | 'no_video_track'
  | 'malformed';

type Mp4Read = { ok: true; head: Mp4Head } | { ok: false; problem: Mp4Problem };

interface Box {
  type: string;
  /** Where the box's content starts and ends (after the header). */
  start: number;
  end: number;
  /** false when the bytes read end inside the box. */
  complete: boolean;
}

const typeAt = (bytes: Uint8Array, offset: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));

/** The boxes directly inside [start, end); a box running past `end` ends the list (truncated). */
const boxesIn = (bytes: Uint8Array, view: DataView, start: number, end: number): Box[] => {
  const boxes: Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    const type = typeAt(bytes, offset + 4);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) break;
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header) break;
    boxes.push({
      type,
      start: offset + header,
      end: Math.min(offset + size, end),
      complete: offset + size <= end,
    });
    if (offset + size > end) break;
    offset += size;
  }
  return boxes;
};

const child = (
  bytes: Uint8Array,
  view: DataView,
  box: Box | undefined,
  type: string
): Box | undefined =>
  box ? boxesIn(bytes, view, box.start, box.end).find((inner) => inner.type === type) : undefined;

/** mvhd: version 0 has 32-bit times, version 1 64-bit; timescale then duration. */
const durationOf = (view: DataView, mvhd: Box): number | undefined => {
  if (mvhd.end - mvhd.start < 4) return undefined;
  const version = view.getUint8(mvhd.start);
  const need = version === 1 ? 32 : 20;
  if (mvhd.end - mvhd.start < need) return undefined;
  const timescale = view.getUint32(mvhd.start + (version === 1 ? 20 : 12));
  const duration =
    version === 1 ? Number(view.getBigUint64(mvhd.start + 24)) : view.getUint32(mvhd.start + 16);
  return timescale > 0 ? duration / timescale : undefined;
};

/** tkhd ends with width and height as 16.16 fixed-point numbers. */
const sizeOf = (view: DataView, tkhd: Box): { width: number; height: number } | undefined => {
  if (tkhd.end - tkhd.start < 4) return undefined;
  const version = view.getUint8(tkhd.start);
  const widthAt = tkhd.start + (version === 1 ? 88 : 76);
  if (widthAt + 8 > tkhd.end) return undefined;
  return {
    width: Math.round(view.getUint32(widthAt) / 65536),
    height: Math.round(view.getUint32(widthAt + 4) / 65536),
  };
};

/**
 * @example
 * const read = readMp4Head(firstMegabyte);
 * if (read.ok) console.log(read.head.durationSeconds);
 */
const readMp4Head = (bytes: Uint8Array): Mp4Read => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const top = boxesIn(bytes, view, 0, bytes.byteLength);
  const ftyp = top[0];
  if (ftyp?.type !== 'ftyp' || ftyp.end - ftyp.start < 4) {
    return { ok: false, problem: 'not_mp4' };
  }
  const container = typeAt(bytes, ftyp.start) === 'qt  ' ? 'mov' : 'mp4';
  const moovIndex = top.findIndex((box) => box.type === 'moov');
  const mdatIndex = top.findIndex((box) => box.type === 'mdat');
  if (mdatIndex !== -1 && (moovIndex === -1 || mdatIndex < moovIndex)) {
    return { ok: false, problem: 'moov_not_at_front' };
  }
  const moov = top[moovIndex];
  if (!moov?.complete) return { ok: false, problem: 'moov_beyond_prefix' };
  const mvhd = child(bytes, view, moov, 'mvhd');
  const durationSeconds = mvhd ? durationOf(view, mvhd) : undefined;
  if (durationSeconds === undefined) return { ok: false, problem: 'malformed' };
  for (const trak of boxesIn(bytes, view, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue;
    const hdlr = child(bytes, view, child(bytes, view, trak, 'mdia'), 'hdlr');
    // hdlr: version/flags (4), pre_defined (4), then the handler type.
    if (!hdlr || hdlr.end - hdlr.start < 12 || typeAt(bytes, hdlr.start + 8) !== 'vide') continue;
    const tkhd = child(bytes, view, trak, 'tkhd');
    const size = tkhd ? sizeOf(view, tkhd) : undefined;
    if (!size) return { ok: false, problem: 'malformed' };
    return { ok: true, head: { container, durationSeconds, ...size } };
  }
  return { ok: false, problem: 'no_video_track' };
};

export type { Mp4Head, Mp4Problem, Mp4Read };
export { readMp4Head };
