// A tesseract result tree built from lines placed in points (baseline y, left x or right edge),
// as tesseract gives a scan: each block one paragraph, a table's columns often blocks of their
// own. Words are 0.5 em a character at 11 pt, boxes 8 pt tall; pixels at `dpi`, leaning by
// `slope` (dy/dx) as a scan left a little skewed does.
import type { OcrTreeBlock, OcrTreeWord } from '../../src/workers/ocr/ocr-result';

export interface TreeLine {
  text: string;
  /** Left edge, or the right edge when `right`. */
  x: number;
  /** Baseline. */
  y: number;
  right?: boolean;
  confidence?: number;
}

const CHAR_PT = 5.5;
const SPACE_PT = 3;
const BOX_PT = 8;

export const LETTER_PX_300 = { width: 2550, height: 3300 };

export function ocrTree(
  blocks: readonly (readonly TreeLine[])[],
  dpi = 300,
  slope = 0,
): OcrTreeBlock[] {
  const px = (pt: number) => (pt * dpi) / 72;
  return blocks.map((lines) => ({
    paragraphs: [
      {
        lines: lines.map((line) => {
          const texts = line.text.split(' ');
          const width =
            texts.reduce((w, t) => w + t.length * CHAR_PT, 0) + SPACE_PT * (texts.length - 1);
          let x = line.right ? line.x - width : line.x;
          const start = x;
          const words: OcrTreeWord[] = texts.map((text) => {
            const w = text.length * CHAR_PT;
            const lean = slope * px(x + w / 2);
            const word = {
              text,
              confidence: line.confidence ?? 92,
              bbox: {
                x0: px(x),
                y0: px(line.y - BOX_PT) + lean,
                x1: px(x + w),
                y1: px(line.y) + lean,
              },
            };
            x += w + SPACE_PT;
            return word;
          });
          return {
            text: line.text,
            words,
            baseline: {
              x0: px(start),
              y0: px(line.y) + slope * px(start),
              x1: px(start + width),
              y1: px(line.y) + slope * px(start + width),
            },
          };
        }),
      },
    ],
  }));
}

/** Lines down a column, `step` points apart from `top`. */
export function column(
  texts: readonly string[],
  x: number,
  top: number,
  step = 19,
  right = false,
): TreeLine[] {
  return texts.map((text, i) => ({ text, x, y: top + i * step, right }));
}
