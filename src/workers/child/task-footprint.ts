// What a file's task will hold at its peak, estimated before it runs from what the file declares:
// image header dimensions, a PDF's image XObject dimensions and page box (read from its raw bytes),
// an Office package's uncompressed part sizes. Only one page of a file is decoded at a time, so a
// file's footprint is that of its biggest page plus what the extractor keeps for the whole file.
// The factors below were measured on this code (docs/performance.md, "Memory: admission by
// footprint"); they are meant to be roughly right and on the high side, not exact.
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractOptions } from '../../shared/options';
import { readFrameSizes } from '../extractors/image/image-header';
import { detectTypeFromHead } from '../engine/detect-type';
import { ZipPackage } from '../zip/zip-package';
import type { FileKind } from './file-job';
import { readPdfSizes, type PdfSizes } from './pdf-image-sizes';

export interface Footprint {
  /** MB the task may add to the child's RSS at its peak. */
  mb: number;
  /** Pixels of the largest page OCR will read (0 without OCR). */
  ocrPixels: number;
  /**
   * Of `mb`, tesseract's heap for that page: it grows to the largest page read and is kept for
   * the next file, so on a thread whose engine has read a page this large it is already held.
   */
  ocrHeapMb: number;
  /** What the estimate rests on, for a TOO_LARGE message. */
  basis: string;
}

const MB = 1024 * 1024;
/** Every task: its document model, rendering, module code first loaded. */
const TASK_BASE_MB = 20;
/**
 * Recognition's working memory in tesseract's wasm heap: a fixed part plus bytes per pixel of the
 * page it reads (a 600-dpi A3 scan shrunk to 300 dpi, 17 Mpx, added about 190 MB).
 */
const OCR_BASE_MB = 60;
const OCR_BYTES_PER_PIXEL = 8;
/** Pages above this resolution are shrunk to it before OCR (ocr-service, pdf-scan-image). */
const OCR_DPI = 300;
/** OCR never reads more pixels than this (render-pdf-page's maxPixels). */
const MAX_OCR_PIXELS = 35_000_000;
/** An image this large on a page is a scan: the page goes to OCR (large-image-probe). */
const SCAN_MIN_PIXELS = 1_000_000;
/** A letter page, in points, when a PDF's page boxes are not in plain text. */
const LETTER_PT = { width: 612, height: 792 };
/**
 * An image file decoded to RGBA (pngjs, utif2, pdfjs's JPEG decoder all give 4 bytes a pixel)
 * besides its inflated source rows, then folded to a one-byte gray copy.
 */
const IMAGE_FILE_BYTES_PER_PIXEL = 9;
/**
 * An Office part's XML read into a DOM (mammoth, exceljs) or its shared strings held while
 * streaming rows; measured on the generated batch, the 50,000-row ledger and the real corpus.
 */
const OFFICE_BYTES_PER_XML_BYTE = 8;
/** A streamed worksheet holds a window of rows, not the sheet. */
const STREAMED_SHEET_CAP_BYTES = 16 * MB;

const ocrMb = (pixels: number) =>
  pixels > 0 ? OCR_BASE_MB + (pixels * OCR_BYTES_PER_PIXEL) / MB : 0;
const dims = (w: number, h: number) =>
  `${w.toLocaleString('en-US')} × ${h.toLocaleString('en-US')} px`;

/** A PDF page's image: pdfjs's decoded stream, its RGB(A) image data and the gray copy for OCR. */
export function pdfFootprint(sizes: PdfSizes, fileBytes: number, ocr: boolean): Footprint {
  const page = sizes.largestPagePt ?? LETTER_PT;
  let worst = { mb: 0, ocrPixels: 0, basis: 'the document' };
  for (const image of sizes.images) {
    const pixels = image.width * image.height;
    // Stream bytes as stored, pdfjs's image data (3 bytes a pixel), the gray copy.
    const decodeMb = (pixels * (image.components + 3 + 1)) / MB;
    let ocrPixels = 0;
    if (ocr && pixels >= SCAN_MIN_PIXELS) {
      const dpi = Math.max(image.width, image.height) / (Math.max(page.width, page.height) / 72);
      const shrink = Math.min(1, (OCR_DPI / dpi) ** 2);
      ocrPixels = Math.min(MAX_OCR_PIXELS, Math.round(pixels * shrink));
    }
    const mb = decodeMb + ocrPixels / MB + ocrMb(ocrPixels);
    if (mb > worst.mb) {
      worst = { mb, ocrPixels, basis: `a ${dims(image.width, image.height)} page image` };
    }
  }
  // pdfjs keeps the file's bytes and its parsed objects for the whole document.
  const documentMb = (2 * fileBytes) / MB;
  return {
    ...worst,
    mb: Math.round(TASK_BASE_MB + documentMb + worst.mb),
    ocrHeapMb: Math.round(ocrMb(worst.ocrPixels)),
  };
}

/** An image file: one frame decoded at a time, the whole file's bytes held throughout. */
export function imageFootprint(
  frames: { width: number; height: number }[],
  fileBytes: number,
  ocr: boolean,
): Footprint {
  let worst = { mb: 0, ocrPixels: 0, basis: 'the image' };
  for (const { width, height } of frames) {
    const pixels = width * height;
    const ocrPixels = ocr ? Math.min(MAX_OCR_PIXELS, pixels) : 0;
    const mb = (pixels * IMAGE_FILE_BYTES_PER_PIXEL) / MB + ocrMb(ocrPixels);
    if (mb > worst.mb) worst = { mb, ocrPixels, basis: `a ${dims(width, height)} image` };
  }
  return {
    ...worst,
    mb: Math.round(TASK_BASE_MB + fileBytes / MB + worst.mb),
    ocrHeapMb: Math.round(ocrMb(worst.ocrPixels)),
  };
}

/** A DOCX or XLSX: its XML parts' uncompressed sizes, as the central directory declares them. */
export function officeFootprint(parts: { name: string; uncompressedSize: number }[]): Footprint {
  let xml = 0;
  let sheets = 0;
  for (const part of parts) {
    if (!part.name.endsWith('.xml')) continue;
    if (/^xl\/worksheets\//.test(part.name)) sheets += part.uncompressedSize;
    else xml += part.uncompressedSize;
  }
  const bytes = xml + Math.min(sheets, STREAMED_SHEET_CAP_BYTES);
  return {
    mb: Math.round(TASK_BASE_MB + (bytes * OFFICE_BYTES_PER_XML_BYTE) / MB),
    ocrPixels: 0,
    ocrHeapMb: 0,
    basis: `${Math.round((xml + sheets) / MB)} MB of XML`,
  };
}

/** A PNG's, JPEG's or BMP's size is in its first bytes; a TIFF's directories can be anywhere. */
const IMAGE_HEAD_BYTES = 1024 * 1024;
/** A TIFF is read whole for its directories only up to this size (the child holds it meanwhile). */
const TIFF_READ_MAX_BYTES = 64 * MB;

async function imageFrames(filePath: string, size: number) {
  const handle = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, IMAGE_HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    const { mime } = detectTypeFromHead(head, path.basename(filePath));
    if (mime !== 'image/tiff' || size <= head.length) return readFrameSizes(head, mime);
    if (size > TIFF_READ_MAX_BYTES) return undefined;
    return readFrameSizes(await readFile(filePath), mime);
  } finally {
    await handle.close();
  }
}

/**
 * The footprint of extracting `filePath`; a file that cannot be read for it gets the base
 * figure (its extraction will say what is wrong).
 */
export async function estimateFootprint(
  filePath: string,
  kind: FileKind,
  size: number,
  options: ExtractOptions,
): Promise<Footprint> {
  const ocr = options.ocr.enabled;
  try {
    if (kind === 'pdf') return pdfFootprint(await readPdfSizes(filePath), size, ocr);
    if (kind === 'image') {
      const frames = await imageFrames(filePath, size);
      if (frames) return imageFootprint(frames, size, ocr);
    }
    if (kind === 'docx' || kind === 'xlsx') {
      const pkg = await ZipPackage.open(filePath);
      try {
        return officeFootprint([...pkg.entries.values()]);
      } finally {
        pkg.close();
      }
    }
  } catch {
    // Damaged or unreadable: the extractor reports it; the estimate falls back below.
  }
  // Unknown pixels (a huge TIFF): compressed scans are a few bits a pixel, so a few times the
  // file's size, and OCR of a full page.
  const pixels = kind === 'image' && ocr ? 10_000_000 : 0;
  const mb = TASK_BASE_MB + (kind === 'image' ? (4 * size) / MB : size / MB) + ocrMb(pixels);
  return {
    mb: Math.round(mb),
    ocrPixels: pixels,
    ocrHeapMb: Math.round(ocrMb(pixels)),
    basis: 'the file',
  };
}
