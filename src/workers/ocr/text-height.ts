// How tall a page's text lines are, in pixels, measured from the pixels before any recognition
// pass: a page scanned at 72 dpi, a screenshot or a small photo has lines 8–16 px tall, which
// tesseract reads poorly (its own advice: x-height of 20 px or more), so such a page is enlarged
// before its first pass instead of being read twice (as-is, then enlarged). Pure and cheap: one
// histogram and one row profile over a sample of the pixels.
import type { GrayImage } from './raster';

/** Otsu's threshold over a sampled histogram: the gray level that best splits ink from paper. */
export function inkThreshold(image: GrayImage, step = 3): number {
  const histogram = new Uint32Array(256);
  const { data } = image;
  const pixels = image.width * image.height;
  let count = 0;
  for (let i = 0; i < pixels; i += step) {
    histogram[data[i]]++;
    count++;
  }
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v];
  let below = 0;
  let belowSum = 0;
  let best = 127;
  let bestSpread = -1;
  for (let v = 0; v < 256; v++) {
    below += histogram[v];
    if (below === 0) continue;
    const above = count - below;
    if (above === 0) break;
    belowSum += v * histogram[v];
    const meanBelow = belowSum / below;
    const meanAbove = (sum - belowSum) / above;
    const spread = below * above * (meanBelow - meanAbove) ** 2;
    if (spread > bestSpread) {
      bestSpread = spread;
      best = v;
    }
  }
  return best;
}

/** A row holds text when at least this share of its (sampled) pixels is ink. */
const INK_ROW_SHARE = 0.004;
/** Runs of inked rows shorter than this are specks or rules, not text lines. */
const MIN_LINE_PX = 4;
/** Fewer lines than this and the page says too little to judge. */
const MIN_LINES = 3;

/**
 * Runs of consecutive inked rows (`byRows`) or columns: one run per text line when the lines
 * run across that direction.
 */
function inkRuns(image: GrayImage, threshold: number, darkInk: boolean, byRows: boolean): number[] {
  const { width, height, data } = image;
  const lines = byRows ? height : width;
  const across = byRows ? width : height;
  const step = across > 2000 ? 3 : across > 1000 ? 2 : 1;
  const minInk = Math.max(1, Math.round(Math.ceil(across / step) * INK_ROW_SHARE));
  const runs: number[] = [];
  let run = 0;
  for (let i = 0; i < lines; i++) {
    let ink = 0;
    for (let j = 0; j < across; j += step) {
      const v = data[byRows ? i * width + j : j * width + i];
      if (darkInk ? v <= threshold : v > threshold) ink++;
    }
    if (ink >= minInk) run++;
    else {
      if (run >= MIN_LINE_PX) runs.push(run);
      run = 0;
    }
  }
  if (run >= MIN_LINE_PX) runs.push(run);
  return runs;
}

/**
 * Median height of the page's text lines, or undefined when fewer than three are found. Lines
 * are runs of inked rows, or of inked columns on a page turned a quarter: whichever direction
 * has more runs is the one the lines run across (across the lines, every row or column meets
 * some ink, so the other direction shows few, long runs). Lines of several columns that do not
 * line up merge into taller runs, as do lines of a skewed page: the measure errs towards "tall
 * enough", never towards enlarging a page that does not need it.
 */
export function medianLineHeight(image: GrayImage): number | undefined {
  if (image.width < 8 || image.height < 8) return undefined;
  const threshold = inkThreshold(image);
  // Dark text on a light page is the normal case; a negative (light on dark) inverts the ink.
  const darkInk = inkShare(image, threshold) < 0.5;
  const rows = inkRuns(image, threshold, darkInk, true);
  const columns = inkRuns(image, threshold, darkInk, false);
  const runs = columns.length > rows.length ? columns : rows;
  if (runs.length < MIN_LINES) return undefined;
  runs.sort((a, b) => a - b);
  return runs[runs.length >> 1];
}

function inkShare(image: GrayImage, threshold: number): number {
  const pixels = image.width * image.height;
  let dark = 0;
  let n = 0;
  for (let i = 0; i < pixels; i += 7) {
    if (image.data[i] <= threshold) dark++;
    n++;
  }
  return n > 0 ? dark / n : 0;
}

/** Lines shorter than this (px) are enlarged before the first pass. */
export const SMALL_LINE_PX = 20;
/**
 * ...to about this height, at most 2×. Measured on a 72-dpi TIFF page (10 px lines): 43% at 1×,
 * 85% at 2× (2.4 CPU s), 86% at 3× (3.0 CPU s); a photo of a bill (12 px): 91% at 1×, 92% at
 * 2× in the same time.
 */
const TARGET_LINE_PX = 24;
const MAX_SCALE = 2;

/**
 * The factor to enlarge a page by before recognition (1 when its text is tall enough, when no
 * lines were found, or when the result would exceed `maxPixels`).
 */
export function enlargementFor(image: GrayImage, maxPixels: number): number {
  const line = medianLineHeight(image);
  if (line === undefined || line >= SMALL_LINE_PX) return 1;
  const wanted = Math.min(MAX_SCALE, TARGET_LINE_PX / line);
  const room = Math.sqrt(maxPixels / (image.width * image.height));
  const scale = Math.min(wanted, room);
  return scale >= 1.25 ? Math.round(scale * 4) / 4 : 1;
}
