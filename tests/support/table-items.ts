// Placed text items and ruling segments in display space (points, y down), for the table
// detector's tests, which run without pdfjs.
import type { Segment } from '../../src/workers/extractors/pdf/tables/segments';
import type { PlacedItem } from '../../src/workers/extractors/pdf/text-items';

/** A left-to-right item with its baseline at (x, y); 0.5 em per character unless `width`. */
export function placed(text: string, x: number, y: number, size = 10, width?: number): PlacedItem {
  return { text, x, y, width: width ?? text.length * size * 0.5, size, rtl: false };
}

export const hLine = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
export const vLine = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });

/** The rulings of a full grid: verticals at xs, horizontals at ys. */
export function gridLines(xs: readonly number[], ys: readonly number[]): Segment[] {
  const top = ys[0];
  const bottom = ys[ys.length - 1];
  const left = xs[0];
  const right = xs[xs.length - 1];
  return [...ys.map((y) => hLine(y, left, right)), ...xs.map((x) => vLine(x, top, bottom))];
}

/**
 * An unruled table: one item per cell, columns starting at `xs`, rows 14 pt apart from `top`
 * (baselines), cell texts row-major.
 */
export function alignedItems(
  rows: readonly (readonly string[])[],
  xs: readonly number[],
  top = 100,
): PlacedItem[] {
  return rows.flatMap((row, r) =>
    row.flatMap((text, c) => (text ? [placed(text, xs[c], top + 14 * r)] : [])),
  );
}

/** Prose: one item per line, `lines` lines of about `chars` characters from (x, top). */
export function proseItems(lines: number, x: number, top: number, chars = 80): PlacedItem[] {
  const words =
    'the auditor reviewed each confirmation against the ledger and noted every difference found';
  return Array.from({ length: lines }, (_, i) =>
    placed((words + ' ' + words).slice(0, chars), x, top + 12 * i),
  );
}
