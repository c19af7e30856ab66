// Text items into the cells of a grid: each item goes to the cell its centre lies in; a cell's
// text is its lines top to bottom, joined with a space. Rows and columns left without any text
// (the gap of a double rule, a decorative margin column) are removed.
import type { PlacedItem } from '../text-items';
import { groupLines, joinItems, splitFragments } from '../text-lines';
import type { GridCell } from './ruling-grid';
import type { DetectedCell, Rect } from './table-types';

/** The point an item is placed by: the middle of its advance, a third of an em above the baseline. */
export function itemCentre(item: PlacedItem): { x: number; y: number } {
  return { x: item.x + item.width / 2, y: item.y - 0.3 * item.size };
}

/** Index i with edges[i] <= v < edges[i + 1], or -1 outside. */
export function slot(edges: readonly number[], v: number): number {
  if (v < edges[0] || v > edges[edges.length - 1]) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function textOfItems(items: readonly PlacedItem[]): string {
  return groupLines(items)
    .map((line) => joinItems(line, false))
    .filter((t) => t.length > 0)
    .join(' ');
}

export interface FilledGrid {
  cells: DetectedCell[];
  rows: number;
  cols: number;
  xs: number[];
  ys: number[];
}

/**
 * Fills a grid with the items that fall in it; returns the filled grid, the items used and how
 * many of them run over a dividing line into another cell.
 * `cells` must give every grid position exactly one owner.
 */
export function fillGrid(
  xs: readonly number[],
  ys: readonly number[],
  cells: readonly GridCell[],
  items: readonly PlacedItem[],
): { grid: FilledGrid; used: Set<PlacedItem>; straddling: number } {
  const cols = xs.length - 1;
  const owner = new Map<number, number>();
  cells.forEach((cell, k) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner.set(r * cols + c, k);
  });
  const inCell: PlacedItem[][] = cells.map(() => []);
  const used = new Set<PlacedItem>();
  let straddling = 0;
  for (const item of items) {
    const { x, y } = itemCentre(item);
    const c = slot(xs, x);
    const r = slot(ys, y);
    if (c < 0 || r < 0) continue;
    const k = owner.get(r * cols + c);
    if (k === undefined) continue;
    inCell[k].push(item);
    used.add(item);
    // Text running over a dividing line (a label on a plot's grid) is not in a cell.
    const first = owner.get(r * cols + Math.max(0, slot(xs, item.x + 1)));
    const last = owner.get(r * cols + Math.max(0, slot(xs, item.x + item.width - 1)));
    if (first !== k || last !== k) straddling++;
  }
  const detected: DetectedCell[] = cells.flatMap((cell, k) =>
    splitByColumns(cell, inCell[k], xs).map(({ cell: part, items: partItems }) => ({
      ...part,
      box: cellBox(xs, ys, part),
      text: textOfItems(partItems),
    })),
  );
  return {
    straddling,
    grid: compact({ cells: detected, rows: ys.length - 1, cols, xs: [...xs], ys: [...ys] }),
    used,
  };
}

/**
 * A cell spanning columns whose text stands in separate runs under different columns is that
 * many cells: the rulings only miss the dividing lines (tables ruled between rows but not
 * between columns, or only in the header).
 */
export function splitByColumns(
  cell: GridCell,
  items: readonly PlacedItem[],
  xs: readonly number[],
): Array<{ cell: GridCell; items: PlacedItem[] }> {
  if (cell.colSpan <= 1 || items.length < 2) return [{ cell, items: [...items] }];
  const byColumn = new Map<number, PlacedItem[]>();
  for (const line of groupLines(items)) {
    for (const fragment of splitFragments(line)) {
      const mid = (fragment.x0 + fragment.x1) / 2;
      const c = Math.min(cell.col + cell.colSpan - 1, Math.max(cell.col, slot(xs, mid)));
      // A run over a column edge belongs to the span as a whole.
      if (slot(xs, fragment.x0 + 1) !== slot(xs, fragment.x1 - 1))
        return [{ cell, items: [...items] }];
      const list = byColumn.get(c) ?? [];
      list.push(...fragment.items);
      byColumn.set(c, list);
    }
  }
  if (byColumn.size < 2) return [{ cell, items: [...items] }];
  return Array.from({ length: cell.colSpan }, (_, i) => ({
    cell: { row: cell.row, col: cell.col + i, rowSpan: cell.rowSpan, colSpan: 1 },
    items: byColumn.get(cell.col + i) ?? [],
  }));
}

function cellBox(xs: readonly number[], ys: readonly number[], cell: GridCell): Rect {
  return {
    x0: xs[cell.col],
    y0: ys[cell.row],
    x1: xs[cell.col + cell.colSpan],
    y1: ys[cell.row + cell.rowSpan],
  };
}

/** Removes rows and columns that no cell with text covers. */
export function compact(grid: FilledGrid): FilledGrid {
  const rowUsed = Array<boolean>(grid.rows).fill(false);
  const colUsed = Array<boolean>(grid.cols).fill(false);
  for (const cell of grid.cells) {
    if (!cell.text) continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) rowUsed[r] = true;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) colUsed[c] = true;
  }
  const rowIndex = prefix(rowUsed);
  const colIndex = prefix(colUsed);
  const cells: DetectedCell[] = [];
  for (const cell of grid.cells) {
    const row = rowIndex[cell.row];
    const col = colIndex[cell.col];
    const rowSpan = rowIndex[cell.row + cell.rowSpan] - row;
    const colSpan = colIndex[cell.col + cell.colSpan] - col;
    if (rowSpan <= 0 || colSpan <= 0) continue;
    // A cell starting in a removed row or column is empty (no text covers it): drop it.
    if (!rowUsed[cell.row] || !colUsed[cell.col]) {
      if (!cell.text) continue;
    }
    cells.push({ ...cell, row, col, rowSpan, colSpan });
  }
  // Positions a dropped empty cell owned are filled by nothing; the renderer sees ''.
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const keptX = grid.xs.filter((_, i) => i === grid.cols || colUsed[i]);
  const keptY = grid.ys.filter((_, i) => i === grid.rows || rowUsed[i]);
  return {
    cells: dedupe(cells),
    rows: rowIndex[grid.rows],
    cols: colIndex[grid.cols],
    xs: keptX,
    ys: keptY,
  };
}

/** Two cells can land on one position after compaction only when one is empty: keep the other. */
function dedupe(cells: DetectedCell[]): DetectedCell[] {
  const seen = new Map<string, DetectedCell>();
  for (const cell of cells) {
    const key = `${cell.row},${cell.col}`;
    const other = seen.get(key);
    if (!other || (!other.text && cell.text)) seen.set(key, cell);
  }
  return [...seen.values()];
}

/** prefix[i] = how many of used[0..i) are true (length used.length + 1). */
function prefix(used: readonly boolean[]): number[] {
  const out = [0];
  for (const u of used) out.push(out[out.length - 1] + (u ? 1 : 0));
  return out;
}
