// Turns tesseract's block/paragraph/line/word tree into Folio paragraphs, a page confidence
// and the orientation tesseract corrected for. Pure functions over plain data.
import type { Block } from '../../shared/model';
import type { OcrWord } from '../../shared/ocr-words';
import type { OcrLayout, OcrLayoutWord, OcrPageResult } from '../engine/types';

/** The subset of tesseract.js's result tree this module reads. */
export interface OcrTreeWord {
  text: string;
  confidence: number;
  /** Pixels of the image that was read. */
  bbox?: { x0: number; y0: number; x1: number; y1: number };
}
export interface OcrTreeLine {
  text: string;
  words: OcrTreeWord[];
  baseline: { x0: number; y0: number; x1: number; y1: number };
}
export interface OcrTreeParagraph {
  lines: OcrTreeLine[];
}
export interface OcrTreeBlock {
  paragraphs: OcrTreeParagraph[];
}

/** Words tesseract reports that carry no letter or digit (speckle read as `.` or `|`). */
const hasContent = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/**
 * Mean confidence of the words with content. Tesseract's page-level MeanTextConf weights by
 * character and counts noise; the per-word mean is what a reviewer expects "confidence" to mean.
 */
export function meanWordConfidence(words: OcrTreeWord[]): number {
  const scored = words.filter((w) => hasContent(w.text));
  if (scored.length === 0) return 0;
  return scored.reduce((sum, w) => sum + w.confidence, 0) / scored.length;
}

/**
 * The clockwise rotation that made the page upright, read from the direction of the recognized
 * baselines (tesseract reports them in the original image's coordinates): left-to-right text
 * upright has baselines pointing +x; a page turned 90° counter-clockwise has them pointing -y.
 */
export function rotationFromBaselines(lines: OcrTreeLine[]): 0 | 90 | 180 | 270 {
  const votes = [0, 0, 0, 0];
  for (const line of lines) {
    const dx = line.baseline.x1 - line.baseline.x0;
    const dy = line.baseline.y1 - line.baseline.y0;
    const length = Math.hypot(dx, dy);
    if (length === 0) continue;
    const direction = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? 0 : 2) : dy < 0 ? 1 : 3;
    votes[direction] += length;
  }
  const best = votes.indexOf(Math.max(...votes));
  return votes[best] === 0 ? 0 : ([0, 90, 180, 270] as const)[best];
}

/** Lines of a paragraph, trimmed, joined with newlines so normalization can de-hyphenate. */
function paragraphText(paragraph: OcrTreeParagraph): string {
  return paragraph.lines
    .map((line) => line.text.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The words with content and a box, boxes as fractions of the image read (see box-transform). */
function wordBoxes(words: OcrTreeWord[], size: { width: number; height: number }): OcrWord[] {
  const boxed: OcrWord[] = [];
  for (const w of words) {
    if (!w.bbox || size.width <= 0 || size.height <= 0) continue;
    const { x0, y0, x1, y1 } = w.bbox;
    boxed.push({
      text: w.text,
      confidence: Math.round(w.confidence),
      box: [x0 / size.width, y0 / size.height, x1 / size.width, y1 / size.height],
    });
  }
  return boxed;
}

/** A word with where it sits in the tree: the paragraph block and the line it belongs to. */
interface PlacedTreeWord {
  word: OcrTreeWord;
  block: number;
  line: number;
}

/**
 * Every boxed word in the frame it was read in, for layout; words with content point at their
 * entry in wordBoxes (which keeps the same words, in the same order).
 */
function layoutOf(
  placed: PlacedTreeWord[],
  lines: OcrTreeLine[],
  dpi: number | undefined,
): OcrLayout {
  const words: OcrLayoutWord[] = [];
  let boxIndex = 0;
  for (const { word, block, line } of placed) {
    if (!word.bbox) continue;
    const { x0, y0, x1, y1 } = word.bbox;
    const entry: OcrLayoutWord = {
      text: word.text,
      confidence: Math.round(word.confidence),
      box: [x0, y0, x1, y1],
      block,
      line,
    };
    if (hasContent(word.text)) entry.boxIndex = boxIndex++;
    words.push(entry);
  }
  return { ...(dpi ? { pointsPerPixel: 72 / dpi } : {}), slope: medianSlope(lines), words };
}

/** A baseline this long at least (pixels) says which way the page leans. */
const MIN_SLOPE_RUN = 40;
/** Beyond this slope (about 3°) the reading is not a straight page: no correction. */
const MAX_SLOPE = 0.05;

function medianSlope(lines: OcrTreeLine[]): number {
  const slopes = lines
    .map((l) => l.baseline)
    .filter((b) => b.x1 - b.x0 >= MIN_SLOPE_RUN)
    .map((b) => (b.y1 - b.y0) / (b.x1 - b.x0))
    .sort((a, b) => a - b);
  if (slopes.length === 0) return 0;
  const mid = slopes[slopes.length >> 1];
  return Math.abs(mid) <= MAX_SLOPE ? mid : 0;
}

/**
 * Converts tesseract's tree (already in reading order) into one page's OCR result; with the
 * size of the image read, the words' boxes too (and their layout, with its resolution if known).
 */
export function toOcrPageResult(
  tree: OcrTreeBlock[] | null,
  page: number,
  size?: { width: number; height: number },
  dpi?: number,
): OcrPageResult {
  const blocks: Block[] = [];
  const placed: PlacedTreeWord[] = [];
  const lines: OcrTreeLine[] = [];
  for (const block of tree ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          placed.push({ word, block: blocks.length, line: lines.length });
        }
        lines.push(line);
      }
      const text = paragraphText(paragraph);
      if (hasContent(text)) blocks.push({ type: 'paragraph', text, prov: { page, ocr: true } });
    }
  }
  const scoredPlaced = placed.filter((p) => hasContent(p.word.text));
  const scored = scoredPlaced.map((p) => p.word);
  // Absent rather than empty on a blank page: its result is what it was before boxes were kept.
  const boxes = size ? wordBoxes(scored, size) : [];
  return {
    blocks,
    confidence: Math.round(meanWordConfidence(scored) * 10) / 10,
    words: scored.length,
    rotation: rotationFromBaselines(lines),
    ...(boxes.length > 0 ? { wordBoxes: boxes, layout: layoutOf(placed, lines, dpi) } : {}),
  };
}
