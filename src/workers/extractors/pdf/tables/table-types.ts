// What the table detectors produce, before it becomes a model block: a grid of cells in
// display space (points, y down), each cell with its place, its span and its text.

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface DetectedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Rect;
  text: string;
}

export interface DetectedTable {
  box: Rect;
  rows: number;
  cols: number;
  /** Row-major by (row, col) of each cell's top-left position. */
  cells: DetectedCell[];
  /** Rows at the top that are column titles (0 when none was recognized). */
  headerRows: number;
  /** Column boundaries (cols + 1 of them), used to join a table continued on the next page. */
  columnEdges: number[];
  source: 'rulings' | 'alignment';
}

/** The cell texts as a full grid: positions covered by a span hold ''. */
export function tableRows(table: DetectedTable): string[][] {
  const rows = Array.from({ length: table.rows }, () => Array<string>(table.cols).fill(''));
  for (const cell of table.cells) rows[cell.row][cell.col] = cell.text;
  return rows;
}

export function rectUnion(rects: readonly Rect[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x0);
    y0 = Math.min(y0, r.y0);
    x1 = Math.max(x1, r.x1);
    y1 = Math.max(y1, r.y1);
  }
  return { x0, y0, x1, y1 };
}
