// Tables without rulings, found from alignment: consecutive lines broken into several fragments
// (runs separated by wide gaps) whose fragments stack into columns with whitespace gutters that
// no line crosses. Prose never qualifies (its lines are one fragment each), nor two-column text
// (both columns are wide, full lines), nor a list (markers in a column of their own beside text).
// One file of under 400 lines on purpose: finding candidate rows, testing gutters and assigning
// columns share one set of thresholds that were measured together (docs/pdf-tables.md); split
// apart, a change to one would silently shift the others.
import { median } from '../columns';
import { listMarker } from '../paragraphs';
import type { PlacedItem } from '../text-items';
import { groupLines, joinItems, splitFragments, type Fragment } from '../text-lines';
import type { DetectedCell, Rect } from './table-types';

/** Consecutive table rows are at most this many em apart (baseline to baseline). */
const MAX_ROW_GAP_EM = 2.4;
/** Sizes differing by more than this share are different styles (a heading, a note). */
const SIZE_CHANGE_SHARE = 0.15;
/** A table has at least this many lines of two or more fragments. */
const MIN_MULTI_ROWS = 3;
/** A gutter is at least this wide (em). */
const MIN_GUTTER_EM = 0.5;
/**
 * A column of prose: its fragments' median width is at least this many em (measured in em, not
 * characters, so that it holds for CJK text too). Two such columns side by side are two-column
 * text, not a table.
 */
const PROSE_WIDTH_EM = 12;

export interface AlignedRow {
  y: number;
  size: number;
  fragments: Fragment[];
}

export interface AlignedTable {
  box: Rect;
  columnEdges: number[];
  rows: number;
  cols: number;
  cells: DetectedCell[];
  used: PlacedItem[];
}

/** The page's lines with their fragments, top to bottom. */
export function alignedRows(items: readonly PlacedItem[]): AlignedRow[] {
  return groupLines(items).map((line) => {
    // Fragments without a letter, digit or sign of their own (a check box drawn with a
    // whitespace glyph) neither make a column nor a cell.
    const fragments = splitFragments(line).filter((f) => joinItems(f.items, f.rtl) !== '');
    return { y: line[0].y, size: median(fragments.map((f) => f.size)) || 10, fragments };
  });
}

/** Runs of consecutive rows that may be a table: they start and end with multi-fragment rows. */
export function candidateRuns(rows: readonly AlignedRow[]): AlignedRow[][] {
  const runs: AlignedRow[][] = [];
  let run: AlignedRow[] = [];
  const flush = () => {
    while (run.length > 0 && run[run.length - 1].fragments.length < 2) run.pop();
    if (run.filter((r) => r.fragments.length >= 2).length >= MIN_MULTI_ROWS) runs.push(run);
    run = [];
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const prev = run[run.length - 1];
    const close =
      prev !== undefined && row.y - prev.y <= MAX_ROW_GAP_EM * Math.max(row.size, prev.size);
    if (prev && !close) flush();
    if (run.length === 0) {
      if (row.fragments.length >= 2) run.push(row);
      continue;
    }
    if (row.fragments.length >= 2) {
      run.push(row);
      continue;
    }
    // A one-fragment line stays in the run only between table rows (a wrapped cell, a section row).
    const next = rows[i + 1];
    const nextClose =
      next !== undefined && next.y - row.y <= MAX_ROW_GAP_EM * Math.max(row.size, next.size);
    // A line in another size is a heading between two tables, not part of either.
    const sameSize = Math.abs(row.size - prev.size) <= SIZE_CHANGE_SHARE * prev.size;
    if (nextClose && sameSize && next.fragments.length >= 2) run.push(row);
    else flush();
  }
  flush();
  return runs;
}

/** Column edges from the whitespace gutters that the run's multi-fragment lines leave open. */
export function columnEdges(run: readonly AlignedRow[]): number[] {
  const frags = run.filter((r) => r.fragments.length >= 2).flatMap((r) => r.fragments);
  const x0 = Math.min(...frags.map((f) => f.x0));
  const x1 = Math.max(...frags.map((f) => f.x1));
  const em = median(frags.map((f) => f.size)) || 10;
  const spans = frags.map((f) => [f.x0, f.x1] as const).sort((a, b) => a[0] - b[0]);
  const edges = [x0];
  let reach = spans[0][1];
  for (const [from, to] of spans) {
    if (from - reach >= MIN_GUTTER_EM * em) edges.push((from + reach) / 2);
    reach = Math.max(reach, to);
  }
  edges.push(x1);
  return mergeThinColumns(edges, frags);
}

/**
 * A column that only one fragment stands in (the second word of a header split off by a wide
 * space) is not a column: it joins its left neighbour (the first column, its right one).
 */
export function mergeThinColumns(edges: number[], frags: readonly Fragment[]): number[] {
  const out = [...edges];
  for (let c = 0; c + 1 < out.length && out.length > 2;) {
    const inside = frags.filter(
      (f) => (f.x0 + f.x1) / 2 > out[c] && (f.x0 + f.x1) / 2 < out[c + 1],
    );
    if (inside.length >= 2) {
      c++;
      continue;
    }
    out.splice(c === 0 ? 1 : c, 1);
    if (c > 0) c--;
  }
  return out;
}

function proseColumn(widths: readonly number[], em: number): boolean {
  return median(widths) >= PROSE_WIDTH_EM * em;
}

function overlapsCol(f: Fragment, edges: readonly number[], c: number): boolean {
  return Math.min(f.x1, edges[c + 1]) - Math.max(f.x0, edges[c]) > 0;
}

/** The first and last column a fragment reaches into. */
function columnsOf(f: Fragment, edges: readonly number[]): [number, number] {
  let first = -1;
  let last = -1;
  for (let c = 0; c + 1 < edges.length; c++) {
    if (!overlapsCol(f, edges, c)) continue;
    if (first < 0) first = c;
    last = c;
  }
  if (first < 0) {
    const mid = (f.x0 + f.x1) / 2;
    first = last = mid < edges[0] ? 0 : edges.length - 2;
  }
  return [first, last];
}

/** Line numbers down the first column (a transcript, a pleading): numbered text, not a table. */
function lineNumbered(first: readonly string[]): boolean {
  // A number line whose text is empty joins the cell above it: "10 11".
  const numbers = first.filter((t) => t !== '').flatMap((t) => t.split(' '));
  if (numbers.length < 3 || !numbers.every((t) => /^\d{1,4}$/.test(t))) return false;
  // Counting on (a skipped number where a cell wrapped is tolerated).
  let steps = 0;
  for (let i = 1; i < numbers.length; i++) {
    const step = Number(numbers[i]) - Number(numbers[i - 1]);
    if (step <= 0) return false;
    if (step === 1) steps++;
  }
  return steps >= 0.8 * (numbers.length - 1);
}

/** A cell of no letter or digit, a glyph or two: a bullet or a check box. */
function isMarker(text: string): boolean {
  return text.length <= 2 && !/[\p{L}\p{N}]/u.test(text);
}

/** Column cells line up on their left edge, right edge or centre within this (points). */
const ALIGN_TOLERANCE = 2.5;
/** ...at least this share of them, against the most common position. */
const MIN_ALIGNED_SHARE = 0.5;
/**
 * A table's cells are mostly words, numbers or nil dashes: at most this share are lone letters
 * and signs (the pieces of a formula).
 */
const MAX_SYMBOL_CELLS = 0.3;
const WORD_OR_NUMBER = /[\p{L}\p{N}]{2}|\p{N}|^[-–—]+$/u;

/** The most values within ALIGN_TOLERANCE of one of them. */
function bestCluster(values: readonly number[]): number {
  let best = 0;
  for (const v of values) {
    let n = 0;
    for (const w of values) if (Math.abs(v - w) <= ALIGN_TOLERANCE) n++;
    best = Math.max(best, n);
  }
  return best;
}

/**
 * Whether a column's cells line up (left, right or centred), as a table's do; the fragments of
 * formulas and figure labels that happen to leave gutters do not.
 */
function aligned(lefts: readonly number[], rights: readonly number[]): boolean {
  const centres = lefts.map((l, i) => (l + rights[i]) / 2);
  const best = Math.max(bestCluster(lefts), bestCluster(rights), bestCluster(centres));
  return best >= MIN_ALIGNED_SHARE * lefts.length;
}

/** Table rows are a line apart at least; the stacked parts of a formula are closer. */
const MIN_ROW_GAP_EM = 0.8;

function formulaLike(rows: readonly { y: number; size: number }[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].y - rows[i - 1].y < MIN_ROW_GAP_EM * Math.max(rows[i].size, rows[i - 1].size))
      return true;
  }
  return false;
}

/**
 * Two left-aligned columns of about the same width, split near the middle: two columns of
 * short lines (an index, a glossary in two columns), not a table of two.
 */
function twoColumnText(
  perColumn: readonly { lefts: number[]; rights: number[] }[],
  edges: readonly number[],
): boolean {
  if (perColumn.length !== 2) return false;
  const widths = perColumn.map((p) => Math.max(...p.rights) - Math.min(...p.lefts));
  const leftAligned = perColumn.every((p) => bestCluster(p.lefts) >= 0.5 * p.lefts.length);
  const total = edges[2] - edges[0];
  const split = (edges[1] - edges[0]) / total;
  return (
    leftAligned && Math.min(...widths) >= 0.7 * Math.max(...widths) && split > 0.4 && split < 0.6
  );
}

interface RowCells {
  y: number;
  size: number;
  cells: Map<number, { last: number; frags: Fragment[] }>;
}

/** Header lines closer than this (em, baseline to baseline) are one header wrapped. */
const HEADER_LINE_EM = 1.3;

/**
 * Column titles wrapped over lines ("to air" over "kg/year"): leading rows with nothing in the
 * first column (where every later row has its label) that are set tight and fill the same
 * columns are one header row. Merged in place.
 */
function mergeHeaderLines(rows: RowCells[]): void {
  let lead = 0;
  while (lead < rows.length && !rows[lead].cells.has(0)) lead++;
  if (lead < 2 || rows.slice(lead).some((r) => !r.cells.has(0))) return;
  for (let i = lead - 1; i > 0; i--) {
    const above = rows[i - 1];
    const below = rows[i];
    const sameColumns =
      above.cells.size === below.cells.size &&
      [...below.cells.keys()].every((c) => above.cells.has(c));
    if (!sameColumns || below.y - above.y > HEADER_LINE_EM * Math.max(above.size, below.size))
      continue;
    for (const [c, cell] of below.cells) {
      const target = above.cells.get(c);
      if (!target) continue;
      target.frags.push(...cell.frags);
      target.last = Math.max(target.last, cell.last);
    }
    rows.splice(i, 1);
  }
}

/** One run as a table, or null when it is prose, a list or too thin to be a table. */
export function tableOfRun(run: readonly AlignedRow[]): AlignedTable | null {
  const edges = columnEdges(run);
  const cols = edges.length - 1;
  if (cols < 2) return null;
  const rows: RowCells[] = [];
  for (const row of run) {
    const placed = row.fragments.map((f) => ({ f, span: columnsOf(f, edges) }));
    const prev = rows[rows.length - 1];
    // A lone fragment within one column continues the cell above it (a wrapped cell).
    if (placed.length === 1 && prev && placed[0].span[0] === placed[0].span[1]) {
      const cell = prev.cells.get(placed[0].span[0]);
      if (cell) {
        cell.frags.push(placed[0].f);
        continue;
      }
    }
    const cells = new Map<number, { last: number; frags: Fragment[] }>();
    for (const { f, span } of placed) {
      const cell = cells.get(span[0]);
      if (cell) {
        cell.frags.push(f);
        cell.last = Math.max(cell.last, span[1]);
      } else cells.set(span[0], { last: span[1], frags: [f] });
    }
    rows.push({ y: row.y, size: row.size, cells });
  }
  const text = (frags: readonly Fragment[]) =>
    frags
      .map((f) => joinItems(f.items, f.rtl))
      .filter((t) => t)
      .join(' ');
  const em = median(run.map((r) => r.size)) || 10;
  const perColumn = Array.from({ length: cols }, () => ({
    texts: [] as string[],
    widths: [] as number[],
    lefts: [] as number[],
    rights: [] as number[],
  }));
  for (const row of rows) {
    for (const [c, cell] of row.cells) {
      if (cell.last !== c) continue;
      perColumn[c].texts.push(text(cell.frags));
      perColumn[c].lefts.push(Math.min(...cell.frags.map((f) => f.x0)));
      perColumn[c].rights.push(Math.max(...cell.frags.map((f) => f.x1)));
      perColumn[c].widths.push(
        Math.max(...cell.frags.map((f) => f.x1)) - Math.min(...cell.frags.map((f) => f.x0)),
      );
    }
  }
  if (perColumn.filter((p) => proseColumn(p.widths, em)).length >= 2) return null;
  if (perColumn.some((p) => p.texts.length < 2)) return null;
  if (perColumn.some((p) => !aligned(p.lefts, p.rights))) return null;
  const texts = perColumn.flatMap((p) => p.texts);
  if (texts.filter((t) => !WORD_OR_NUMBER.test(t)).length > MAX_SYMBOL_CELLS * texts.length)
    return null;
  // Bullets, numbers or check boxes down the first column make a list or a form.
  let markers = 0;
  const firstColumnMarkers = rows.every((row) => {
    const cell = row.cells.get(0);
    if (!cell) return true;
    const t = text(cell.frags);
    const marker =
      cell.last === 0 && (isMarker(t) || (cols === 2 && listMarker(t + ' x') !== null));
    if (marker) markers++;
    return marker;
  });
  if (firstColumnMarkers && markers >= 2) return null;
  if (
    cols === 2 &&
    lineNumbered(rows.map((row) => row.cells.get(0)).map((c) => (c ? text(c.frags) : '')))
  )
    return null;
  if (rows.filter((r) => r.cells.size >= 2).length < MIN_MULTI_ROWS) return null;
  if (formulaLike(rows) || twoColumnText(perColumn, edges)) return null;
  mergeHeaderLines(rows);

  // Row bands: halfway between baselines, the first from an em above its baseline.
  const tops = rows.map((r, i) =>
    i === 0 ? r.y - 1.1 * r.size : (rows[i - 1].y + r.y) / 2 - 0.3 * r.size,
  );
  const last = run[run.length - 1];
  const bottom = last.y + 0.3 * last.size;
  const ys = [...tops, bottom];
  const cells: DetectedCell[] = [];
  const used: PlacedItem[] = [];
  rows.forEach((row, r) => {
    for (const [c, cell] of [...row.cells].sort((a, b) => a[0] - b[0])) {
      const colSpan = cell.last - c + 1;
      cells.push({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan,
        box: { x0: edges[c], y0: ys[r], x1: edges[c + colSpan], y1: ys[r + 1] },
        text: text(cell.frags),
      });
      for (const f of cell.frags) used.push(...f.items);
    }
  });
  return {
    box: { x0: edges[0], y0: ys[0], x1: edges[cols], y1: bottom },
    columnEdges: edges,
    rows: rows.length,
    cols,
    cells,
    used,
  };
}

/**
 * Every unruled table among these items (items already in a ruled table left out); `rows` are
 * alignedRows(items), when the caller already has them.
 */
export function alignedTables(
  items: readonly PlacedItem[],
  rows: readonly AlignedRow[] = alignedRows(items),
): AlignedTable[] {
  return candidateRuns(rows)
    .map(tableOfRun)
    .filter((t): t is AlignedTable => t !== null);
}
