// Reads the pixel dimensions an image declares, from its header only, so an image claiming
// 50,000 × 50,000 pixels is refused before anything tries to allocate 10 GB to decode it.
import UTIF from 'utif2';
import { folioError } from '../../../shared/errors';

export interface FrameSize {
  width: number;
  height: number;
}

const corrupt = (what: string) => folioError('CORRUPT', `The image is damaged: ${what}.`);

function pngSize(bytes: Buffer): FrameSize[] {
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height as big-endian uint32.
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw corrupt('the PNG header is missing');
  }
  return [{ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }];
}

/** Start-of-frame markers (baseline, progressive, lossless...), excluding DHT/JPG/DAC. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(bytes: Buffer): FrameSize[] {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw corrupt('the JPEG markers are out of order');
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // markers without a length
      continue;
    }
    if (SOF.has(marker)) {
      return [{ height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) }];
    }
    if (marker === 0xda || marker === 0xd9) break; // scan data before any frame header
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw corrupt('the JPEG has no frame header');
}

function bmpSize(bytes: Buffer): FrameSize[] {
  if (bytes.length < 26) throw corrupt('the BMP header is truncated');
  const headerSize = bytes.readUInt32LE(14);
  if (headerSize === 12) return [{ width: bytes.readUInt16LE(18), height: bytes.readUInt16LE(20) }];
  // Height is negative for top-down bitmaps.
  return [{ width: Math.abs(bytes.readInt32LE(18)), height: Math.abs(bytes.readInt32LE(22)) }];
}

/** Most frames a TIFF may hold; a fax or scan batch has tens, not thousands. */
const MAX_TIFF_FRAMES = 2000;

/**
 * Walks the chain of image directories before utif2 does: utif2 follows "next directory"
 * offsets without remembering where it has been, so a file whose chain loops would hang it.
 */
export function checkTiffChain(bytes: Buffer): void {
  if (bytes.length < 8) throw corrupt('the TIFF header is truncated');
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const seen = new Set<number>();
  let offset = u32(4);
  while (offset !== 0) {
    if (seen.has(offset)) throw corrupt('its directory chain loops back on itself');
    if (seen.size >= MAX_TIFF_FRAMES) throw corrupt(`it claims more than ${MAX_TIFF_FRAMES} pages`);
    if (offset + 2 > bytes.length) throw corrupt('a directory lies beyond the end of the file');
    seen.add(offset);
    const next = offset + 2 + u16(offset) * 12;
    if (next + 4 > bytes.length) throw corrupt('a directory is truncated');
    offset = u32(next);
  }
}

function tiffSize(bytes: Buffer): FrameSize[] {
  checkTiffChain(bytes);
  let ifds: UTIF.IFD[];
  try {
    // Parses the directories (tags) only; pixel data is decoded later, one frame at a time.
    ifds = UTIF.decode(bytes);
  } catch (error) {
    throw folioError('CORRUPT', 'The TIFF structure is damaged and cannot be read.', error);
  }
  const firstNumber = (tag: unknown): number =>
    Array.isArray(tag) && typeof tag[0] === 'number' ? tag[0] : NaN;
  const frames = ifds
    .filter((ifd) => Array.isArray(ifd.t256))
    .map((ifd) => ({ width: firstNumber(ifd.t256), height: firstNumber(ifd.t257) }));
  if (frames.length === 0) throw corrupt('the TIFF holds no image');
  return frames;
}

/** Declared dimensions of every frame (one for PNG, JPEG and BMP; one per page for TIFF). */
export function readFrameSizes(bytes: Buffer, mime: string): FrameSize[] {
  switch (mime) {
    case 'image/png':
      return pngSize(bytes);
    case 'image/jpeg':
      return jpegSize(bytes);
    case 'image/bmp':
      return bmpSize(bytes);
    case 'image/tiff':
      return tiffSize(bytes);
    default:
      throw folioError('UNSUPPORTED_TYPE', `Images of type ${mime} are not supported.`);
  }
}

/** Throws TOO_LARGE for a frame above the pixel limit, CORRUPT for a zero-sized one. */
export function checkFrameSizes(frames: FrameSize[], maxPixels: number): void {
  frames.forEach((frame, i) => {
    const where = frames.length > 1 ? ` (page ${i + 1})` : '';
    if (!(frame.width > 0 && frame.height > 0)) {
      throw corrupt(`it declares a size of ${frame.width} × ${frame.height} pixels${where}`);
    }
    if (frame.width * frame.height > maxPixels) {
      throw folioError(
        'TOO_LARGE',
        `The image declares ${frame.width.toLocaleString('en-US')} × ${frame.height.toLocaleString('en-US')} pixels${where}, ` +
          `above the limit of ${(maxPixels / 1e6).toLocaleString('en-US')} megapixels.`,
      );
    }
  });
}
