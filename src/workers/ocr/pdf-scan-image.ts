// Fast path for the commonest page that needs OCR: a scan, i.e. a page whose only painting is
// one raster image. Rather than having pdfjs draw it onto a 300-dpi canvas (decoded image, an
// RGBA copy for the canvas, the canvas itself: about 360 MB and 3 s for a 600-dpi scan), take
// the decoded image pdfjs already holds, fold it to gray and shrink it to about 300 dpi.
// Anything else (text, vector drawing, several images, masks) returns undefined and the caller
// renders the page normally. Orientation is left to OCR, which corrects 90/180/270.
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { PixelResolution } from '../engine/types';
import { resizeGray, type GrayImage } from './raster';
import type { PointMap } from './box-transform';
import { scanToPage } from './scan-placement';
import { squarePixels } from './square-pixels';

/** pdfjs ImageKind values. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

type Ops = (typeof import('pdfjs-dist/legacy/build/pdf.mjs'))['OPS'];

/**
 * pdfjs's operator codes. Imported when first needed, never statically: the page handed in
 * comes from a pdfjs already loaded (through extractors/pdf/load-pdfjs, which keeps its
 * polyfills from replacing the thread's natives), so this is that same module.
 */
let ops: Promise<Ops> | undefined;
const loadOps = () => (ops ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => m.OPS));

/** Operators that set up state without painting anything visible. */
const setupOps = (OPS: Ops) =>
  new Set<number>([
    OPS.save,
    OPS.restore,
    OPS.transform,
    OPS.dependency,
    OPS.setGState,
    OPS.paintFormXObjectBegin,
    OPS.paintFormXObjectEnd,
    OPS.clip,
    OPS.eoClip,
    OPS.endPath,
    OPS.setRenderingIntent,
    OPS.beginMarkedContent,
    OPS.beginMarkedContentProps,
    OPS.endMarkedContent,
  ]);
let setup: Set<number> | undefined;

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied after `ctm`, as a PDF `cm` operator composes them. */
function multiply(m: Matrix, ctm: Matrix): Matrix {
  return [
    m[0] * ctm[0] + m[1] * ctm[2],
    m[0] * ctm[1] + m[1] * ctm[3],
    m[2] * ctm[0] + m[3] * ctm[2],
    m[2] * ctm[1] + m[3] * ctm[3],
    m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
    m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
  ];
}

const isMatrix = (v: unknown): v is Matrix =>
  (Array.isArray(v) || ArrayBuffer.isView(v)) &&
  (v as ArrayLike<number>).length === 6 &&
  Array.from(v as ArrayLike<number>).every(Number.isFinite);

interface SoleImage {
  name: string;
  /** The transform the image's unit square is painted with (user space, points). */
  ctm: Matrix;
}

/** The single image a scanned page paints, or undefined when the page is anything else. */
async function soleImage(page: PDFPageProxy): Promise<SoleImage | undefined> {
  const OPS = await loadOps();
  const SETUP_OPS = (setup ??= setupOps(OPS));
  const list = await page.getOperatorList();
  let name: string | undefined;
  let ctm = IDENTITY;
  let painted = IDENTITY;
  const saved: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    // The transform is followed only to learn the image's resolution across and down.
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) saved.push(ctm);
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? IDENTITY;
    if (fn === OPS.transform && isMatrix(args)) ctm = multiply(Array.from(args) as Matrix, ctm);
    if (fn === OPS.paintFormXObjectBegin && isMatrix(args?.[0])) {
      ctm = multiply(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
    }
    if (fn === OPS.paintImageXObject) {
      if (name !== undefined) return undefined;
      name = String(args?.[0]);
      painted = ctm;
    } else if (fn === OPS.constructPath) {
      // A path that is only used as a clip ends with endPath; one that is filled or stroked paints.
      if (args?.[0] !== OPS.endPath) return undefined;
    } else if (!SETUP_OPS.has(fn)) {
      return undefined;
    }
  }
  return name === undefined ? undefined : { name, ctm: painted };
}

function decodedImage(page: PDFPageProxy, name: string): Promise<DecodedImage | undefined> {
  const objs = (name.startsWith('g_') ? page.commonObjs : page.objs) as unknown as {
    get(id: string, callback: (data: unknown) => void): void;
  };
  return new Promise((resolve) => objs.get(name, (data) => resolve(data as DecodedImage)));
}

function grayOf(image: DecodedImage): GrayImage | undefined {
  const { width, height, kind, data } = image;
  if (!data || !(width > 0 && height > 0)) return undefined;
  const gray = new Uint8Array(width * height);
  if (kind === GRAYSCALE_1BPP) {
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) return undefined;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = data[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7));
        gray[y * width + x] = bit ? 255 : 0;
      }
    }
    return { width, height, data: gray };
  }
  const channels = kind === RGB_24BPP ? 3 : kind === RGBA_32BPP ? 4 : 0;
  if (channels === 0 || data.length < width * height * channels) return undefined;
  for (let i = 0, j = 0; j < gray.length; i += channels, j++) {
    gray[j] = (data[i] * 77 + data[i + 1] * 150 + data[i + 2] * 29) >> 8;
  }
  return { width, height, data: gray };
}

export interface ScanImage {
  image: GrayImage;
  /** Resolution of the image on the page, after any shrinking. */
  dpi: number;
  /** From a point of the image to the page as shown (for the OCR'd words' boxes). */
  toPage: PointMap;
}

/**
 * The page's scan as gray pixels at no more than `maxDpi`, or undefined when the page is not a
 * plain scan (the caller then renders it).
 */
export async function scanImageOfPage(
  page: PDFPageProxy,
  maxDpi: number,
  maxPixels: number,
): Promise<ScanImage | undefined> {
  const sole = await soleImage(page);
  if (sole === undefined) return undefined;
  const decoded = await decodedImage(page, sole.name);
  if (!decoded) return undefined;
  const gray = grayOf(decoded);
  if (!gray) return undefined;
  // A fax's 200 × 100 dpi image is stretched to square pixels first.
  const viewport = page.getViewport({ scale: 1 });
  const toPage = scanToPage(viewport, sole.ctm);
  const square = squarePixels(gray, placedResolution(gray, sole.ctm), maxDpi, maxPixels);
  if (square) return { ...square, toPage };
  // The image may be placed rotated; comparing long sides gives its resolution either way.
  const { width, height } = viewport;
  const dpi = Math.max(gray.width, gray.height) / (Math.max(width, height) / 72);
  const scale = Math.min(1, maxDpi / dpi, Math.sqrt(maxPixels / (gray.width * gray.height)));
  if (scale > 0.9) return { image: gray, dpi, toPage };
  return { image: resizeGray(gray, scale), dpi: dpi * scale, toPage };
}

/**
 * The image's resolution along its own rows and columns where it is painted: its unit square
 * is mapped to the page by `ctm`, so its width spans |(a, b)| points and its height |(c, d)|.
 */
export function placedResolution(
  image: { width: number; height: number },
  ctm: readonly number[],
): PixelResolution | undefined {
  const across = Math.hypot(ctm[0], ctm[1]) / 72;
  const down = Math.hypot(ctm[2], ctm[3]) / 72;
  if (!(across > 0 && down > 0)) return undefined;
  return { x: image.width / across, y: image.height / down };
}
