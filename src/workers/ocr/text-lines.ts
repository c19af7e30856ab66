// How many lines of text a page image shows, estimated from its pixels: rows that cross many short
// ink strokes (glyphs) are text rows, and each run of them is a line. Tesseract's automatic page
// layout can take most of a photographed page for a picture and read one line of it, with high
// confidence (a page on a dark desk, slightly in perspective: 7 words of 188, native tesseract
// the same), so a reading with far fewer lines than the page shows is read again as one block.
// Long dark runs (a desk, a border, a photo's shadow) are not strokes, so they count for nothing.
// Pure and cheap: one pass over every other row.
import type { GrayImage } from './raster';
import { inkThreshold } from './text-height';

/** A stroke is at most this share of the page's width (a bold capital at 300 dpi is ~1%). */
const MAX_STROKE_SHARE = 0.02;
/**
 * The page is measured in this many vertical strips: across a whole page, lines that lean (a
 * photo in perspective, a skew deskewing left) make every row cross some line and merge into one
 * run; within a strip a 2° lean moves a line only a third of its height.
 */
const STRIPS = 8;
/** A text row crosses at least this many strokes within a strip (a word crosses 8+). */
const MIN_STROKES = 4;
/** Runs of text rows shorter than this (px) are specks, not lines. */
const MIN_LINE_PX = 4;

function strokesInRow(
  image: GrayImage,
  row: number,
  from: number,
  to: number,
  threshold: number,
  maxStroke: number,
): number {
  const { width, data } = image;
  let strokes = 0;
  let run = 0;
  for (let x = from, i = row * width + from; x < to; x++, i++) {
    if (data[i] <= threshold) run++;
    else {
      if (run > 0 && run <= maxStroke) strokes++;
      run = 0;
    }
  }
  if (run > 0 && run <= maxStroke) strokes++;
  return strokes;
}

/**
 * Lines of dark text on a light page: in each vertical strip, runs of rows crossing several short
 * strokes; the page's count is the median over the strips that hold text (a picture or a margin in
 * one strip does not set it). 0 when there is no text.
 */
export function textLineCount(image: GrayImage): number {
  if (image.width < 16 * STRIPS || image.height < 16) return 0;
  const threshold = inkThreshold(image);
  const maxStroke = Math.max(2, Math.round(image.width * MAX_STROKE_SHARE));
  const step = image.height > 1200 ? 2 : 1;
  const minRun = Math.max(1, Math.ceil(MIN_LINE_PX / step));
  const counts: number[] = [];
  for (let s = 0; s < STRIPS; s++) {
    const from = Math.floor((s * image.width) / STRIPS);
    const to = Math.floor(((s + 1) * image.width) / STRIPS);
    let lines = 0;
    let run = 0;
    for (let y = 0; y < image.height; y += step) {
      if (strokesInRow(image, y, from, to, threshold, maxStroke) >= MIN_STROKES) run++;
      else {
        if (run >= minRun) lines++;
        run = 0;
      }
    }
    if (run >= minRun) lines++;
    if (lines > 0) counts.push(lines);
  }
  if (counts.length === 0) return 0;
  counts.sort((a, b) => a - b);
  return counts[counts.length >> 1];
}

/** Distinct tesseract lines in a reading (from its layout words). */
export function linesRead(words: readonly { line: number }[]): number {
  return new Set(words.map((w) => w.line)).size;
}
