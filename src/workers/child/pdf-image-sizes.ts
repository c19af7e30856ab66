// What a PDF's pages will hold once decoded, read from its raw bytes without a PDF parser: the
// dimensions of every image XObject and the largest page box. An image XObject is always a
// stream object, and stream objects never sit inside (compressed) object streams, so their
// dictionaries are in the file as plain text; page boxes usually are too (when they are not,
// the caller assumes a letter page).
import { open } from 'node:fs/promises';

export interface PdfImageSize {
  width: number;
  height: number;
  /** Colour components per pixel as stored (1 gray, 3 RGB, 4 CMYK; 1 for a 1-bit mask). */
  components: number;
}

export interface PdfSizes {
  images: PdfImageSize[];
  /** The largest /MediaBox found, in points; undefined when none is in plain text. */
  largestPagePt?: { width: number; height: number };
}

const CHUNK = 4 * 1024 * 1024;
/** An image dictionary is a few hundred bytes; this much overlap keeps one whole across chunks. */
const OVERLAP = 4096;
/** A file's dictionaries are read up to this many images: a scan has one a page. */
const MAX_IMAGES = 5000;

const IMAGE_SUBTYPE = /\/Subtype\s*\/Image(?![A-Za-z])/g;
const MEDIA_BOX = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/g;

function numberAfter(dict: string, key: string): number | undefined {
  // A direct integer only: `/Width 12 0 R` (indirect) is not followed.
  const match = new RegExp(`/${key}\\s+(\\d+)(?![\\d.])(?!\\s+\\d+\\s+R)`).exec(dict);
  return match ? Number(match[1]) : undefined;
}

function componentsOf(dict: string): number {
  if (/\/ImageMask\s+true/.test(dict)) return 1;
  if (/\/ColorSpace\s*\/(DeviceGray|CalGray|G)\b/.test(dict)) return 1;
  if (/\/ColorSpace\s*\/(DeviceCMYK|CMYK)\b/.test(dict)) return 4;
  // RGB, ICC-based, indexed, or not said: counted as three (the common colour scan).
  return 3;
}

/** The dictionary around an `/Subtype /Image` at `at`: from its object header to its stream. */
function dictionaryAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('obj', at), at - 2048, 0);
  const streamAt = text.indexOf('stream', at);
  const end = streamAt === -1 ? Math.min(text.length, at + 2048) : Math.min(streamAt, at + 2048);
  return text.slice(start, end);
}

/** Scans one piece of the file (latin1 text) for image dictionaries and page boxes. */
export function scanPdfText(text: string, into: PdfSizes, seen: Set<number>, base: number): void {
  for (const match of text.matchAll(IMAGE_SUBTYPE)) {
    const at = match.index;
    // Chunks overlap: an image is counted once, by its absolute offset.
    if (seen.has(base + at) || into.images.length >= MAX_IMAGES) continue;
    const dict = dictionaryAround(text, at);
    const width = numberAfter(dict, 'Width');
    const height = numberAfter(dict, 'Height');
    if (!width || !height) continue;
    seen.add(base + at);
    into.images.push({ width, height, components: componentsOf(dict) });
  }
  for (const box of text.matchAll(MEDIA_BOX)) {
    const [x0, y0, x1, y1] = box.slice(1, 5).map(Number);
    const width = Math.abs(x1 - x0);
    const height = Math.abs(y1 - y0);
    const largest = into.largestPagePt;
    if (width * height > (largest ? largest.width * largest.height : 0)) {
      into.largestPagePt = { width, height };
    }
  }
}

/** Image dimensions and the largest page box of the PDF at `filePath`, from its raw bytes. */
export async function readPdfSizes(filePath: string): Promise<PdfSizes> {
  const sizes: PdfSizes = { images: [] };
  const seen = new Set<number>();
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK + OVERLAP);
    let position = 0;
    let carried = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, carried, CHUNK, position);
      if (bytesRead === 0) break;
      const length = carried + bytesRead;
      scanPdfText(buffer.toString('latin1', 0, length), sizes, seen, position - carried);
      position += bytesRead;
      carried = Math.min(OVERLAP, length);
      buffer.copy(buffer, 0, length - carried, length);
    }
  } finally {
    await handle.close();
  }
  return sizes;
}
