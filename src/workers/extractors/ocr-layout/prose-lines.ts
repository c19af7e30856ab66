// Lines of prose kept out of table detection. A text layer's prose line is one fragment, but
// OCR boxes leave a wide gap now and then ("goods received  note."), and a paragraph under a
// table then joins the table's run, its long runs of words merging the table's columns. Pure.
import type { PlacedItem } from '../pdf/text-items';
import { groupLines, splitFragments } from '../pdf/text-lines';

/** A run of at least this many words, at least this wide (em), is prose, never a table cell. */
const PROSE_WORDS = 8;
const PROSE_WIDTH_EM = 25;

/** The items of every line that holds no run of prose. */
export function withoutProse(items: readonly PlacedItem[]): PlacedItem[] {
  const kept: PlacedItem[] = [];
  for (const line of groupLines(items)) {
    const prose = splitFragments(line).some(
      (f) => f.items.length >= PROSE_WORDS && f.x1 - f.x0 >= PROSE_WIDTH_EM * f.size,
    );
    if (!prose) kept.push(...line);
  }
  return kept;
}
