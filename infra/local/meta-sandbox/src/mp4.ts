/**
 * Real MP4 headers without a media library: `ftyp`, then `moov` (mvhd with the duration, one video
 * trak with tkhd's display size and a `vide` hdlr), then `mdat` padding up to the size asked for,
 * laid out as ISO/IEC 14496-12 defines the boxes. Enough for a reader of the file's head, and for
 * the sandbox's own checks of a story video (sizes, duration, aspect ratio), not for playback.
 */

interface Mp4Shape {
  durationSeconds: number;
  width: number;
  height: number;
  /** Total size; the `mdat` box is padded to reach it. */
  bytes?: number;
  /** `qt  ` makes a QuickTime file. */
  brand?: 'isom' | 'qt  ';
  /** Puts `mdat` before `moov`, as a file not prepared for streaming has it. */
  mdatFirst?: boolean;
}

const box = (type: string, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length + 8);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

const TIMESCALE = 1000;

const mvhd = (durationSeconds: number): Buffer => {
  const body = Buffer.alloc(100);
  body.writeUInt32BE(TIMESCALE, 12);
  body.writeUInt32BE(Math.round(durationSeconds * TIMESCALE), 16);
  body.writeUInt32BE(0x00010000, 20); // rate 1.0
  body.writeUInt16BE(0x0100, 24); // volume 1.0
  body.writeUInt32BE(0x00010000, 36); // identity matrix
  body.writeUInt32BE(0x00010000, 52);
  body.writeUInt32BE(0x40000000, 68);
  body.writeUInt32BE(2, 96); // next track id
  return box('mvhd', body);
};

const tkhd = (width: number, height: number, durationSeconds: number): Buffer => {
  const body = Buffer.alloc(84);
  body.writeUInt32BE(0x00000003, 0); // enabled, in movie
  body.writeUInt32BE(1, 12); // track id
  body.writeUInt32BE(Math.round(durationSeconds * TIMESCALE), 20);
  body.writeUInt32BE(0x00010000, 40);
  body.writeUInt32BE(0x00010000, 56);
  body.writeUInt32BE(0x40000000, 72);
  body.writeUInt32BE(width * 65536, 76);
  body.writeUInt32BE(height * 65536, 80);
  return box('tkhd', body);
};

const hdlr = (): Buffer => {
  const body = Buffer.alloc(25);
  body.write('vide', 8, 'latin1');
  return box('hdlr', body);
};

/**
 * @example
 * const video = storyMp4({ durationSeconds: 10, width: 1080, height: 1920 });
 */
const storyMp4 = (shape: Mp4Shape): Buffer => {
  const brand = shape.brand ?? 'isom';
  const ftyp = box(
    'ftyp',
    Buffer.from(brand, 'latin1'),
    Buffer.alloc(4),
    Buffer.from(`${brand}mp42`, 'latin1')
  );
  const moov = box(
    'moov',
    mvhd(shape.durationSeconds),
    box('trak', tkhd(shape.width, shape.height, shape.durationSeconds), box('mdia', hdlr()))
  );
  const used = ftyp.length + moov.length + 8;
  const mdat = box('mdat', Buffer.alloc(Math.max(0, (shape.bytes ?? 4096) - used)));
  return Buffer.concat(shape.mdatFirst ? [ftyp, mdat, moov] : [ftyp, moov, mdat]);
};

/** What the sandbox reads back from a video's first bytes, as Meta would find it. */
interface VideoFacts {
  brand: string;
  durationSeconds: number;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Reads a video the way the sandbox's checks need it: the `ftyp` brand at the start, and the first
 * `mvhd` and `tkhd` boxes found by their type codes (version 0 layouts, as storyMp4 writes). Its
 * own reader, not Tandem's, so the sandbox stays an independent judge.
 */
const videoFacts = (file: Buffer): VideoFacts | undefined => {
  if (file.length < 16 || file.toString('latin1', 4, 8) !== 'ftyp') return undefined;
  const mvhdAt = file.indexOf('mvhd', 0, 'latin1');
  const tkhdAt = file.indexOf('tkhd', 0, 'latin1');
  if (mvhdAt < 0 || tkhdAt < 0 || tkhdAt + 4 + 84 > file.length) return undefined;
  const timescale = file.readUInt32BE(mvhdAt + 4 + 12);
  if (timescale === 0) return undefined;
  return {
    brand: file.toString('latin1', 8, 12),
    durationSeconds: file.readUInt32BE(mvhdAt + 4 + 16) / timescale,
    width: file.readUInt32BE(tkhdAt + 4 + 76) / 65536,
    height: file.readUInt32BE(tkhdAt + 4 + 80) / 65536,
    bytes: file.length,
  };
};

export type { Mp4Shape, VideoFacts };
export { storyMp4, videoFacts };
