// One page's tables: grids from ruling lines first (filled with the items inside them), then
// unruled tables found by alignment among the items left. Pure: items and segments in display
// space, as placeItems and operatorSegments give them.
import type { PlacedItem } from '../text-items';
import { joinItems, type Fragment } from '../text-lines';
import { alignedRows, alignedTables, type AlignedRow } from './alignment-grid';
import { fillGrid } from './cell-text';
import { ruledGrids } from './ruling-grid';
import type { Segment } from './segments';
import type { DetectedCell, DetectedTable } from './table-types';

/** A ruled box whose cells average more characters than this holds prose (a framed note). */
const MAX_MEAN_CELL_CHARS = 250;

/**
 * A grid is a plot or a diagram, not a table, when more of its text than this runs over its
 * lines, or when text starts in less than this share of its rows or of its columns (axis
 * labels round an empty grid; a few labels in the regions of a drawing).
 */
const MAX_STRADDLING_SHARE = 0.1;
const MIN_FILLED_SHARE = 0.6;

const NUMERIC = /^[-+−–(]?[\d\s.,'’%()€$£*/-]*\d[\d\s.,'’%()€$£*/-]*$/u;

function isNumeric(text: string): boolean {
  return NUMERIC.test(text.trim());
}

/**
 * Leading rows that are column titles: those before the first row holding a number, when some
 * row does and the leading ones hold none (at most 3). Tables of words have no recognizable header.
 */
export function headerRowsOf(cells: readonly DetectedCell[], rows: number): number {
  const numericRow = Array<boolean>(rows).fill(false);
  for (const cell of cells) if (cell.text && isNumeric(cell.text)) numericRow[cell.row] = true;
  const first = numericRow.indexOf(true);
  if (first <= 0 || first > 3) return 0;
  return first;
}

function table(
  cells: DetectedCell[],
  rows: number,
  cols: number,
  columnEdges: number[],
  source: DetectedTable['source'],
): DetectedTable {
  const box = {
    x0: columnEdges[0],
    y0: Math.min(...cells.map((c) => c.box.y0)),
    x1: columnEdges[columnEdges.length - 1],
    y1: Math.max(...cells.map((c) => c.box.y1)),
  };
  return { box, rows, cols, cells, headerRows: headerRowsOf(cells, rows), columnEdges, source };
}

const MIN_ALIGNED_PAIRS = 1;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Fragment edges this close (points) line up. */
const EDGE_MATCH = 2;

/** A fragment that could be a cell (a word, a number, a tick mark), not a formula's lone sign. */
function cellLike(f: Fragment): boolean {
  return LETTER_OR_DIGIT.test(joinItems(f.items, f.rtl));
}

function lineUp(a: AlignedRow, b: AlignedRow): boolean {
  for (let i = 1; i < a.fragments.length; i++) {
    const fa = a.fragments[i];
    if (!cellLike(fa)) continue;
    for (let j = 1; j < b.fragments.length; j++) {
      const fb = b.fragments[j];
      if (!cellLike(fb)) continue;
      if (
        Math.abs(fa.x0 - fb.x0) <= EDGE_MATCH ||
        Math.abs(fa.x1 - fb.x1) <= EDGE_MATCH ||
        Math.abs(fa.x0 + fa.x1 - fb.x0 - fb.x1) <= 2 * EDGE_MATCH
      )
        return true;
    }
  }
  return false;
}

/**
 * Cheap test on the text alone, before the operator list is fetched: a table (ruled or not)
 * has neighbouring lines broken into several runs with a run after the first lining up (left
 * edge, right edge or centre) at least MIN_ALIGNED_PAIRS times.
 */
export function mayHoldTable(
  items: readonly PlacedItem[],
  rows: readonly AlignedRow[] = alignedRows(items),
): boolean {
  let pairs = 0;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (a.fragments.length < 2 || b.fragments.length < 2) continue;
    if (b.y - a.y > 2.4 * Math.max(a.size, b.size)) continue;
    if (lineUp(a, b) && ++pairs >= MIN_ALIGNED_PAIRS) return true;
  }
  return false;
}

export interface PageTables {
  tables: DetectedTable[];
  /** The items not in any table, for the page's text layout. */
  rest: PlacedItem[];
}

/**
 * `rows` are alignedRows(items), when the caller already has them (from mayHoldTable): the
 * alignment pass reuses them unless a ruled table took some of the items.
 */
export function detectTables(
  items: readonly PlacedItem[],
  segments: readonly Segment[],
  rows?: readonly AlignedRow[],
): PageTables {
  const tables: DetectedTable[] = [];
  let free: PlacedItem[] = [...items];
  let untouched = true;
  for (const grid of ruledGrids(segments)) {
    const { grid: filled, used, straddling } = fillGrid(grid.xs, grid.ys, grid.cells, free);
    const texts = filled.cells.filter((c) => c.text);
    if (filled.rows < 2 || filled.cols < 2 || texts.length < 2) continue;
    if (straddling > MAX_STRADDLING_SHARE * used.size) continue;
    const rowsWithText = new Set(texts.map((c) => c.row)).size;
    const colsWithText = new Set(texts.map((c) => c.col)).size;
    if (rowsWithText < MIN_FILLED_SHARE * filled.rows) continue;
    if (colsWithText < MIN_FILLED_SHARE * filled.cols) continue;
    const chars = texts.reduce((n, c) => n + c.text.length, 0);
    if (chars / texts.length > MAX_MEAN_CELL_CHARS) continue;
    tables.push(table(filled.cells, filled.rows, filled.cols, filled.xs, 'rulings'));
    free = free.filter((i) => !used.has(i));
    untouched = false;
  }
  for (const t of alignedTables(free, untouched && rows ? rows : alignedRows(free))) {
    tables.push(table(t.cells, t.rows, t.cols, t.columnEdges, 'alignment'));
    const used = new Set(t.used);
    free = free.filter((i) => !used.has(i));
  }
  tables.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  return { tables, rest: free };
}
