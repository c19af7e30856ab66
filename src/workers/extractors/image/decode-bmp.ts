// A small BMP decoder for the uncompressed variants scanners and Windows tools write
// (1, 4, 8-bit palette; 24 and 32-bit), bottom-up or top-down. Everything is bounds-checked,
// so a damaged file is a CORRUPT error and never an out-of-range read.
import { folioError } from '../../../shared/errors';
import type { RasterImage } from '../../engine/types';

const damaged = (what: string) => folioError('CORRUPT', `The BMP image is damaged: ${what}.`);

export function decodeBmp(bytes: Buffer): RasterImage {
  if (bytes.length < 26) throw damaged('the header is truncated');
  const dataOffset = bytes.readUInt32LE(10);
  const headerSize = bytes.readUInt32LE(14);
  const core = headerSize === 12;
  if (!core && (headerSize < 40 || bytes.length < 14 + headerSize)) {
    throw damaged('the header is truncated');
  }
  const width = core ? bytes.readUInt16LE(18) : bytes.readInt32LE(18);
  const rawHeight = core ? bytes.readUInt16LE(20) : bytes.readInt32LE(22);
  const bitCount = core ? bytes.readUInt16LE(24) : bytes.readUInt16LE(28);
  const compression = core ? 0 : bytes.readUInt32LE(30);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (!(width > 0 && height > 0)) throw damaged('it has no pixels');
  // 3 = BI_BITFIELDS, which for 32-bit files is the usual BGRX layout.
  if (!(compression === 0 || (compression === 3 && bitCount === 32))) {
    throw folioError(
      'UNSUPPORTED_TYPE',
      'Compressed BMP images (RLE) are not supported: save the image as PNG or TIFF.',
    );
  }
  if (![1, 4, 8, 24, 32].includes(bitCount)) throw damaged(`unsupported ${bitCount}-bit pixels`);

  let palette: number[][] = [];
  if (bitCount <= 8) {
    const entrySize = core ? 3 : 4;
    const declared = core ? 0 : bytes.readUInt32LE(46);
    const count = declared > 0 ? Math.min(declared, 256) : 1 << bitCount;
    const start = 14 + headerSize;
    if (start + count * entrySize > bytes.length) throw damaged('the palette is truncated');
    palette = Array.from({ length: count }, (_, i) => {
      const at = start + i * entrySize;
      return [bytes[at + 2], bytes[at + 1], bytes[at]];
    });
  }

  const stride = Math.ceil((width * bitCount) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) throw damaged('the pixel data is truncated');
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const src = dataOffset + (topDown ? row : height - 1 - row) * stride;
    for (let x = 0; x < width; x++) {
      const out = (row * width + x) * 4;
      let r: number, g: number, b: number;
      if (bitCount >= 24) {
        const at = src + x * (bitCount / 8);
        [b, g, r] = [bytes[at], bytes[at + 1], bytes[at + 2]];
      } else {
        const bitIndex = x * bitCount;
        const byte = bytes[src + (bitIndex >> 3)];
        const index = (byte >> (8 - bitCount - (bitIndex & 7))) & ((1 << bitCount) - 1);
        [r, g, b] = palette[index] ?? [255, 255, 255];
      }
      data[out] = r;
      data[out + 1] = g;
      data[out + 2] = b;
      data[out + 3] = 255;
    }
  }
  return { width, height, channels: 4, data };
}
