// OCR words as the placed text items the PDF layout code reads (points, baseline, font size), so
// the alignment table detector built for text layers runs unchanged on scans. Pure.
import type { OcrLayout, OcrLayoutWord } from '../../engine/types';
import { median } from '../pdf/columns';
import type { PlacedItem } from '../pdf/text-items';

/**
 * A word's box is about this share of the font size tall: cap or ascender height plus any
 * descender (Liberation Sans, DejaVu, Times: 0.72–0.95; most words sit near the low end).
 */
const BOX_HEIGHT_EM = 0.75;
/** A line is at most this many times the page's median line size (a title is 1.5). */
const MAX_SIZE_RATIO = 2;
/** Body size assumed when the image's resolution is unknown (a photo without metadata). */
const ASSUMED_BODY_PT = 11;
/**
 * A word of signs only (`&`, `-`, `/`) is laid out when tesseract is this sure of it: below,
 * it is mostly a speck read as `.` or `|`, which would stand in a gutter as a column of its own.
 */
const MIN_SIGN_CONFIDENCE = 70;
/**
 * A line of one word this short and this unsure is a speck or a hair read as a letter ("2",
 * "~"): laid out, it would end a table's run of rows as a line in another size.
 */
const SPECK_CHARS = 2;
const MIN_SPECK_CONFIDENCE = 50;
/** An unsure word narrower than this (em) is no glyph at all: a scratch read as `ee`. */
const MIN_GLYPH_WIDTH_EM = 0.15;

/** Marks that a speck or a rule's edge is read as, even when tesseract is sure of them. */
const SPECK_MARKS = /^[|.,:;'`‘’"~_]+$/u;

/** A word of signs that is text (`&`, `-`, `/`, `%`), not a speck. */
function isSign(word: OcrLayoutWord): boolean {
  return word.confidence >= MIN_SIGN_CONFIDENCE && !SPECK_MARKS.test(word.text);
}

export interface LayoutItems {
  items: PlacedItem[];
  /** The layout word (index in `layout.words`) each item was made from. */
  wordOf: Map<PlacedItem, number>;
  /** Points per pixel of the image read (measured or assumed). */
  scale: number;
}

const height = (box: readonly number[]): number => box[3] - box[1];

/**
 * The middle value, the lower of the two middle ones in an even count: of a line's two words,
 * the one a hair or a rule's edge did not stretch down (its box, its bottom).
 */
function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1] ?? 0;
}

/**
 * One item per word, with the page's remaining lean sheared out (a row's cells on one baseline).
 * Each tesseract line gets one baseline (its words' median bottom, so a descender does not drop
 * a word onto the next line) and one size (from its median word height).
 */
export function layoutItems(layout: OcrLayout): LayoutItems {
  const { words } = layout;
  const laid = words
    .map((_, i) => i)
    .filter((i) => words[i].boxIndex !== undefined || isSign(words[i]));
  const scale =
    layout.pointsPerPixel ??
    (BOX_HEIGHT_EM * ASSUMED_BODY_PT) / (median(laid.map((i) => height(words[i].box))) || 1);
  const byLine = new Map<number, number[]>();
  for (const i of laid) {
    const same = byLine.get(words[i].line);
    if (same) same.push(i);
    else byLine.set(words[i].line, [i]);
  }
  const items: PlacedItem[] = [];
  const wordOf = new Map<PlacedItem, number>();
  const sizeOf = (members: readonly number[]) =>
    (lowerMedian(members.map((i) => height(words[i].box))) * scale) / BOX_HEIGHT_EM || 1;
  // A box a ruling ran into is tall; its line's size would make the line swallow its neighbours.
  const largest = MAX_SIZE_RATIO * median([...byLine.values()].map(sizeOf));
  for (const members of byLine.values()) {
    if (members.length === 1) {
      const only = words[members[0]];
      if (only.text.length <= SPECK_CHARS && only.confidence < MIN_SPECK_CONFIDENCE) continue;
    }
    const level = (i: number) => {
      const [x0, , x1, y1] = words[i].box;
      return y1 - layout.slope * ((x0 + x1) / 2);
    };
    const baseline = lowerMedian(members.map(level)) * scale;
    const size = Math.min(sizeOf(members), largest);
    for (const i of members) {
      const [x0, , x1] = words[i].box;
      if (
        (x1 - x0) * scale < MIN_GLYPH_WIDTH_EM * size &&
        words[i].confidence < MIN_SPECK_CONFIDENCE
      )
        continue;
      const item: PlacedItem = {
        text: words[i].text,
        x: x0 * scale,
        y: baseline,
        width: (x1 - x0) * scale,
        size,
        rtl: false,
      };
      items.push(item);
      wordOf.set(item, i);
    }
  }
  return { items, wordOf, scale };
}
