// Items → visual lines → fragments (runs of a line separated by wide gaps), and the joining of
// items into text with a space only where the gap between them warrants one.
import type { PlacedItem } from './text-items';

export interface Fragment {
  items: PlacedItem[];
  x0: number;
  x1: number;
  /** Baseline of the fragment's main (largest-text) item. */
  y: number;
  /** Font size of the fragment's main item. */
  size: number;
  chars: number;
  /** Characters set in a bold font. */
  boldChars: number;
  rtl: boolean;
}

/** Items whose baselines differ by less than this share of the font size sit on one line. */
const SAME_LINE_EM = 0.45;
/** A gap wider than this (in em) splits a line into fragments: a column gutter (LaTeX puts
 * columns just 1 em apart) or a table cell. Justified word gaps stay below it. */
export const FRAGMENT_GAP_EM = 0.8;
/** A gap wider than this (in em) between two items is a word space. */
export const SPACE_GAP_EM = 0.12;

/** Groups items into lines by baseline, each line sorted left to right. */
export function groupLines(items: readonly PlacedItem[]): PlacedItem[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PlacedItem[][] = [];
  let current: PlacedItem[] = [];
  let baseline = 0;
  let lineSize = 0;
  for (const item of sorted) {
    const tolerance = SAME_LINE_EM * Math.max(item.size, lineSize);
    if (current.length > 0 && Math.abs(item.y - baseline) <= tolerance) {
      current.push(item);
      if (item.size > lineSize) lineSize = item.size;
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [item];
    baseline = item.y;
    lineSize = item.size;
  }
  if (current.length > 0) lines.push(current);
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

function gapBetween(left: PlacedItem, right: PlacedItem): number {
  return right.x - (left.x + left.width);
}

function isDuplicate(a: PlacedItem, b: PlacedItem): boolean {
  // Some producers fake bold by painting the same run twice, slightly offset.
  const near = 0.2 * Math.min(a.size, b.size);
  return a.text === b.text && Math.abs(a.x - b.x) < near && Math.abs(a.y - b.y) < near;
}

export function makeFragment(items: PlacedItem[]): Fragment {
  let main = items[0];
  let x0 = Infinity;
  let x1 = -Infinity;
  let chars = 0;
  let rtlChars = 0;
  let boldChars = 0;
  for (const item of items) {
    if (item.text.length > main.text.length) main = item;
    x0 = Math.min(x0, item.x);
    x1 = Math.max(x1, item.x + item.width);
    chars += item.text.length;
    if (item.rtl) rtlChars += item.text.length;
    if (item.bold) boldChars += item.text.length;
  }
  return { items, x0, x1, y: main.y, size: main.size, chars, boldChars, rtl: rtlChars * 2 > chars };
}

/** Splits a left-to-right sorted line where the gap exceeds FRAGMENT_GAP_EM. */
export function splitFragments(line: readonly PlacedItem[]): Fragment[] {
  const fragments: Fragment[] = [];
  let run: PlacedItem[] = [];
  let runEnd = -Infinity;
  for (const item of line) {
    if (run.length > 0) {
      const last = run[run.length - 1];
      if (isDuplicate(last, item)) continue;
      const gap = item.x - runEnd;
      if (gap > FRAGMENT_GAP_EM * Math.min(last.size, item.size)) {
        fragments.push(makeFragment(run));
        run = [];
      }
    }
    run.push(item);
    runEnd = run.length === 1 ? item.x + item.width : Math.max(runEnd, item.x + item.width);
  }
  if (run.length > 0) fragments.push(makeFragment(run));
  return fragments;
}

/**
 * pdfjs expands a lam-alef ligature glyph to "لا" and then reverses the whole right-to-left
 * run, leaving "ال" + alef: the article before an alef-initial word comes out as "األ" for "الأ".
 * Two alefs never follow each other in Arabic or Persian, so that one case is safe to repair.
 */
export function repairArticle(text: string): string {
  return text.replace(/\u0627([\u0622\u0623\u0625\u0627])\u0644/gu, '\u0627\u0644$1');
}

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Joins items (sorted left to right) into text. Right-to-left runs are read from the right.
 * A space goes in where the visual gap exceeds SPACE_GAP_EM and neither side has one already.
 */
export function joinItems(items: readonly PlacedItem[], rtl: boolean): string {
  const ordered = rtl ? [...items].reverse() : items;
  let text = '';
  let prev: PlacedItem | undefined;
  for (const item of ordered) {
    if (prev) {
      const gap = rtl ? gapBetween(item, prev) : gapBetween(prev, item);
      const threshold = SPACE_GAP_EM * Math.min(prev.size, item.size);
      // Where the script direction changes (a Latin name inside Arabic), pdfjs trims the space
      // at the run boundary, so the runs abut: separate two words there.
      const directionChange =
        prev.rtl !== item.rtl && WORD_END.test(text) && WORD_START.test(item.text);
      if ((gap > threshold || directionChange) && !/\s$/.test(text) && !/^\s/.test(item.text))
        text += ' ';
    }
    text += item.rtl ? repairArticle(item.text) : item.text;
    prev = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}
