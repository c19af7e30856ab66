// The resolution an image file declares, across and down: PNG pHYs, TIFF XResolution and
// YResolution, JPEG's JFIF header. OCR needs it only to tell non-square pixels (a fax at
// 200 × 100 dpi) from square ones; files that say nothing, or nonsense, give undefined.
import type UTIF from 'utif2';
import type { PixelResolution as Resolution } from '../../engine/types';

const INCH_CM = 2.54;

function sane(x: number, y: number): Resolution | undefined {
  const ok = (v: number) => Number.isFinite(v) && v >= 10 && v <= 10_000;
  return ok(x) && ok(y) ? { x, y } : undefined;
}

/** PNG: the pHYs chunk (pixels per metre when its unit byte is 1), before the image data. */
export function pngResolution(bytes: Uint8Array): Resolution | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT' || type === 'IEND') return undefined;
    if (type === 'pHYs' && length >= 9 && at + 17 <= bytes.length) {
      if (bytes[at + 16] !== 1) return undefined;
      const perInch = (perMetre: number) => (perMetre * INCH_CM) / 100;
      return sane(perInch(view.getUint32(at + 8)), perInch(view.getUint32(at + 12)));
    }
    at += 12 + length;
  }
  return undefined;
}

/** JPEG: the JFIF APP0 segment's density (unit 1 = per inch, 2 = per cm; 0 = aspect only). */
export function jpegResolution(bytes: Uint8Array): Resolution | undefined {
  // SOI, then APP0 "JFIF\0", version (2), units (1), X density (2), Y density (2).
  if (bytes.length < 18 || bytes[2] !== 0xff || bytes[3] !== 0xe0) return undefined;
  if (String.fromCharCode(...bytes.subarray(6, 11)) !== 'JFIF\0') return undefined;
  const units = bytes[13];
  const x = (bytes[14] << 8) | bytes[15];
  const y = (bytes[16] << 8) | bytes[17];
  if (units === 1) return sane(x, y);
  if (units === 2) return sane(x * INCH_CM, y * INCH_CM);
  return undefined;
}

/** TIFF: tags 282/283 (rationals, as utif2 reads them) in the unit of tag 296 (2 inch, 3 cm). */
export function tiffResolution(ifd: UTIF.IFD): Resolution | undefined {
  const tags = ifd as unknown as Record<string, unknown>;
  const value = (tag: string): number => {
    const v = (tags[tag] as unknown[] | undefined)?.[0];
    if (Array.isArray(v)) return Number(v[0]) / Number(v[1]);
    return Number(v);
  };
  const unit = (tags.t296 as number[] | undefined)?.[0] ?? 2;
  const factor = unit === 3 ? INCH_CM : unit === 2 ? 1 : NaN;
  return sane(value('t282') * factor, value('t283') * factor);
}
