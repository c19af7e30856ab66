// Ruling lines → table grids. Lines are snapped (nearly equal positions are one line), joined
// (collinear pieces that touch become one), and grouped by intersection: each group of crossing
// horizontal and vertical lines is one table. Its column edges are the verticals' positions (and
// the horizontals' ends, for tables open at the sides), its row edges the horizontals'; a grid
// cell whose dividing line is missing is merged with its neighbour (a spanning cell).
import type { Segment } from './segments';
import type { Rect } from './table-types';

/** Lines closer than this (points) are the same line (double rules, thin bars' two edges). */
const SNAP = 2;
/** Collinear pieces with a gap up to this are one line; lines this close to crossing do cross. */
const JOIN = 3;
/** Rows or columns thinner than this are the gap of a double rule, not cells. */
const MIN_CELL = 4;
/** A dividing line must cover this share of a cell's side to divide it. */
const COVER = 0.5;

export interface Line {
  /** The fixed coordinate: y of a horizontal line, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface RuledGrid {
  /** Column edges, left to right (columns = xs.length - 1). */
  xs: number[];
  /** Row edges, top to bottom. */
  ys: number[];
  cells: GridCell[];
  box: Rect;
}

/** Snaps and joins lines of one direction. */
export function mergeLines(lines: readonly Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => a.at - b.at || a.from - b.from);
  const bands: Line[][] = [];
  for (const line of sorted) {
    const band = bands[bands.length - 1];
    if (band && line.at - band[0].at <= SNAP) band.push(line);
    else bands.push([line]);
  }
  const out: Line[] = [];
  for (const band of bands) {
    const at = band.reduce((s, l) => s + l.at, 0) / band.length;
    const pieces = [...band].sort((a, b) => a.from - b.from);
    let current: Line | undefined;
    for (const p of pieces) {
      if (current && p.from <= current.to + JOIN) current.to = Math.max(current.to, p.to);
      else {
        current = { at, from: p.from, to: p.to };
        out.push(current);
      }
    }
  }
  return out;
}

function crosses(h: Line, v: Line): boolean {
  return (
    v.at >= h.from - JOIN && v.at <= h.to + JOIN && h.at >= v.from - JOIN && h.at <= v.to + JOIN
  );
}

/** Sorted positions with near ones (closer than MIN_CELL) merged to their mean. */
export function edgesOf(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] < MIN_CELL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function covered(lines: readonly Line[], at: number, from: number, to: number): boolean {
  const need = COVER * (to - from);
  for (const l of lines) {
    if (Math.abs(l.at - at) > SNAP + 1) continue;
    if (Math.min(l.to, to) - Math.max(l.from, from) >= need) return true;
  }
  return false;
}

/** Grid cells merged where their dividing line is missing; each merged region is one cell. */
function spanningCells(xs: number[], ys: number[], hs: Line[], vs: Line[]): GridCell[] {
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(vs, xs[c + 1], ys[r], ys[r + 1]))
        join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(hs, ys[r + 1], xs[c], xs[c + 1]))
        join(r * cols + c, (r + 1) * cols + c);
    }
  }
  const regions = new Map<number, GridCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const cell = regions.get(root);
      if (!cell) regions.set(root, { row: r, col: c, rowSpan: 1, colSpan: 1 });
      else {
        cell.rowSpan = Math.max(cell.rowSpan, r - cell.row + 1);
        cell.colSpan = Math.max(cell.colSpan, c - cell.col + 1);
      }
    }
  }
  // A region that is not a rectangle (an L of missing lines) keeps its bounding rectangle;
  // cells inside another's rectangle are dropped so every position has one owner.
  const owner = new Map<number, GridCell>();
  const cells: GridCell[] = [];
  for (const cell of [...regions.values()].sort((a, b) => a.row - b.row || a.col - b.col)) {
    if (owner.has(cell.row * cols + cell.col)) continue;
    cells.push(cell);
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner.set(r * cols + c, cell);
  }
  return cells;
}

function withEnds(edges: number[], from: number, to: number): number[] {
  const out = [...edges];
  if (from < out[0] - MIN_CELL) out.unshift(from);
  if (to > out[out.length - 1] + MIN_CELL) out.push(to);
  return out;
}

/** The grids the ruling lines of a page form, each with two or more cells. */
export function ruledGrids(segments: readonly Segment[]): RuledGrid[] {
  const hs = mergeLines(
    segments.filter((s) => s.y0 === s.y1).map((s) => ({ at: s.y0, from: s.x0, to: s.x1 })),
  );
  const vs = mergeLines(
    segments.filter((s) => s.y0 !== s.y1).map((s) => ({ at: s.x0, from: s.y0, to: s.y1 })),
  );
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const vsByX = vs.map((v, j) => ({ v, j })).sort((a, b) => a.v.at - b.v.at);
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    for (const { v, j } of vsByX) {
      if (v.at < h.from - JOIN) continue;
      if (v.at > h.to + JOIN) break;
      if (crosses(h, v)) parent[find(i)] = find(hs.length + j);
    }
  }
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < hs.length) g.h.push(hs[i]);
    else g.v.push(vs[i - hs.length]);
  }
  const grids: RuledGrid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = withEnds(
      edgesOf(g.v.map((l) => l.at)),
      Math.min(...g.h.map((l) => l.from)),
      Math.max(...g.h.map((l) => l.to)),
    );
    const ys = withEnds(
      edgesOf(g.h.map((l) => l.at)),
      Math.min(...g.v.map((l) => l.from)),
      Math.max(...g.v.map((l) => l.to)),
    );
    if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) < 2) continue;
    const cells = spanningCells(xs, ys, g.h, g.v);
    if (cells.length < 2) continue;
    grids.push({
      xs,
      ys,
      cells,
      box: { x0: xs[0], y0: ys[0], x1: xs[xs.length - 1], y1: ys[ys.length - 1] },
    });
  }
  return grids.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}
