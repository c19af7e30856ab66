// One page of a source file as an image for the extension's "source beside" view. PDF pages are
// painted by pdfjs onto a canvas (the OCR code's painter) and kept as PNG; a PNG or JPEG is
// shown as it is (copied, so the view only reads the image folder); BMP and TIFF frames are
// decoded by the extractor's own pure-JS decoders and written as PNG. Each image is written once
// under a name made of the source's path, size, mtime and page, so a changed file is rendered
// again. Runs on the child's main thread: a page takes tens of milliseconds, and the child, not
// the extension host, pays for it.
import { createCanvas } from '@napi-rs/canvas';
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { copyFileAtomic, writeFileAtomic } from '../../shared/atomic-file';
import type { RenderedPage, RenderPageRequest } from '../../shared/protocol';
import type { RasterImage } from '../engine/types';
import { detectType } from '../engine/detect-type';
import { decodeFrames } from '../extractors/image/decode-image';
import { loadPdfjs, pdfjsDocumentOptions } from '../extractors/pdf/load-pdfjs';
import { paintPdfPage } from '../ocr/render-pdf-page';
import { wordsOfPage } from './page-words';

/** Enough for a page beside the text on a laptop screen; a 4k screen still reads it. */
const VIEW_DPI = 144;
const MAX_PIXELS = 12_000_000;

type Request = Omit<RenderPageRequest, 'type' | 'requestId'>;

async function imagePathFor(request: Request, ext: string): Promise<string> {
  const info = await stat(request.source);
  const key = createHash('sha256')
    .update(`${request.source}\0${info.size}\0${info.mtimeMs}\0${VIEW_DPI}`)
    .digest('hex')
    .slice(0, 32);
  return path.join(request.imageDir, key.slice(0, 2), `${key}-p${request.page}.${ext}`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function pngOf(raster: RasterImage): Buffer {
  const canvas = createCanvas(raster.width, raster.height);
  const context = canvas.getContext('2d');
  const rgba =
    raster.channels === 4
      ? new Uint8ClampedArray(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength)
      : grayToRgba(raster);
  const data = context.createImageData(raster.width, raster.height);
  data.data.set(rgba);
  context.putImageData(data, 0, 0);
  return canvas.toBuffer('image/png');
}

function grayToRgba(raster: RasterImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(raster.width * raster.height * 4);
  for (let i = 0, j = 0; i < raster.data.length; i++, j += 4) {
    out[j] = out[j + 1] = out[j + 2] = raster.data[i]!;
    out[j + 3] = 255;
  }
  return out;
}

async function renderPdf(request: Request): Promise<RenderedPage> {
  const pdfjs = await loadPdfjs();
  const bytes = await readFile(request.source);
  const task = pdfjs.getDocument(
    pdfjsDocumentOptions(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      request.password || undefined,
    ),
  );
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw new Error(openFailure(error, Boolean(request.password)));
    });
    const pages = doc.numPages;
    const number = Math.min(Math.max(1, request.page), pages);
    const image = await imagePathFor({ ...request, page: number }, 'png');
    const page = await doc.getPage(number);
    const unit = page.getViewport({ scale: 1 });
    const size = (dpi: number) => ({
      width: Math.round((unit.width * dpi) / 72),
      height: Math.round((unit.height * dpi) / 72),
    });
    if (await exists(image)) return { image, page: number, pages, ...size(VIEW_DPI) };
    const { canvas } = await paintPdfPage(page, { dpi: VIEW_DPI, maxPixels: MAX_PIXELS });
    await mkdir(path.dirname(image), { recursive: true });
    await writeFileAtomic(image, canvas.toBuffer('image/png'));
    return { image, page: number, pages, width: canvas.width, height: canvas.height };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** A sentence for the panel, never the library's own message ("Invalid PDF structure."). */
function openFailure(error: unknown, passwordGiven: boolean): string {
  if ((error as { name?: unknown } | null)?.name === 'PasswordException') {
    return passwordGiven
      ? 'the password in the password file (setting folio.passwordFile) does not open this PDF.'
      : 'the PDF is password-protected: add its password to the password file (setting folio.passwordFile).';
  }
  return 'the PDF is damaged or truncated, so its pages cannot be drawn.';
}

async function renderImage(request: Request, mime: string): Promise<RenderedPage> {
  const bytes = await readFile(request.source);
  if (mime === 'image/png' || mime === 'image/jpeg') {
    const image = await imagePathFor({ ...request, page: 1 }, mime === 'image/png' ? 'png' : 'jpg');
    const [frame] = await firstFrames(bytes, mime, 1);
    if (!(await exists(image))) {
      await mkdir(path.dirname(image), { recursive: true });
      await copyFileAtomic(request.source, image);
    }
    return { image, page: 1, pages: 1, width: frame?.width ?? 0, height: frame?.height ?? 0 };
  }
  // BMP and TIFF: browsers show neither reliably, so the frame is written as PNG.
  const frames = await firstFrames(bytes, mime, Number.POSITIVE_INFINITY, request.page);
  const pages = frames.length;
  const number = Math.min(Math.max(1, request.page), pages);
  const raster = frames[number - 1];
  if (!raster) throw new Error('The image has no frame to show.');
  const image = await imagePathFor({ ...request, page: number }, 'png');
  if (!(await exists(image))) {
    await mkdir(path.dirname(image), { recursive: true });
    await writeFileAtomic(image, pngOf(raster));
  }
  return { image, page: number, pages, width: raster.width, height: raster.height };
}

/**
 * Decodes up to `limit` frames, keeping only the pixels of `keep` (1-based) so a long TIFF does
 * not hold every frame at once; the others are counted with their sizes.
 */
async function firstFrames(
  bytes: Buffer,
  mime: string,
  limit: number,
  keep = 1,
): Promise<RasterImage[]> {
  const frames: RasterImage[] = [];
  for await (const frame of decodeFrames(bytes, mime)) {
    const index = frames.length + 1;
    frames.push(index === keep ? frame : { ...frame, data: new Uint8Array(0) });
    if (frames.length >= limit) break;
  }
  if (keep > frames.length && frames.length > 0) {
    // The page asked for is past the end: the last frame is decoded again and shown.
    return firstFrames(bytes, mime, limit, frames.length);
  }
  return frames;
}

export async function renderSourcePage(request: Request): Promise<RenderedPage> {
  const type = await detectType(request.source, path.basename(request.source));
  let rendered: RenderedPage;
  if (type.kind === 'pdf') rendered = await renderPdf(request);
  else if (type.kind === 'image') rendered = await renderImage(request, type.mime);
  else throw new Error('Only PDF and image files have pages to show.');
  for (const cacheDir of request.cacheDirs ?? []) {
    const words = await wordsOfPage(request.source, cacheDir, rendered.page);
    if (words) return { ...rendered, words };
  }
  return rendered;
}
