// Ruling lines from a page's vector paths: the straight, axis-aligned edges of stroked paths and
// the thin filled rectangles that producers draw instead of strokes (Word, Excel exports). Pure:
// the caller hands over each path with the transform it is drawn under (operator-list walk in
// page-classify.ts), already composed with the page viewport, so segments come out in display
// space (points, y down, after /Rotate), the space text items are laid out in.
import type { Matrix } from '../matrix';

/** An axis-aligned ruling line in display space: horizontal when y0 = y1, else vertical. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** pdfjs's path drawing codes (DrawOPS) inside a constructPath's buffer. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A filled rectangle at most this thick (points) is drawn as a line. */
const THIN_FILL = 2.5;
/** An edge whose ends differ by at most this across its direction is axis-aligned. */
const SKEW = 0.6;
/** Shorter pieces (dots of a dotted leader, tick marks, glyph-like strokes) are not rulings. */
const MIN_LENGTH = 2;

export type PaintKind = 'stroke' | 'fill' | 'none';

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The points of each subpath; a curve ends a subpath (rounded boxes keep their straight sides). */
function subpaths(data: ArrayLike<number>, m: Matrix): Array<{ pts: number[][]; closed: boolean }> {
  const out: Array<{ pts: number[][]; closed: boolean }> = [];
  let current: { pts: number[][]; closed: boolean } | undefined;
  let i = 0;
  while (i < data.length) {
    const op = data[i];
    if (op === MOVE_TO || op === LINE_TO) {
      const p = apply(m, data[i + 1], data[i + 2]);
      if (op === MOVE_TO || !current) {
        current = { pts: [p], closed: false };
        out.push(current);
      } else current.pts.push(p);
      i += 3;
    } else if (op === CURVE_TO) {
      const p = apply(m, data[i + 5], data[i + 6]);
      current = { pts: [p], closed: false };
      out.push(current);
      i += 7;
    } else if (op === QUADRATIC_CURVE_TO) {
      const p = apply(m, data[i + 3], data[i + 4]);
      current = { pts: [p], closed: false };
      out.push(current);
      i += 5;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
      i += 1;
    } else break; // an unknown code: the rest of the buffer cannot be parsed
  }
  return out;
}

function edge(a: number[], b: number[]): Segment | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= SKEW && dx >= MIN_LENGTH) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), y0: y, x1: Math.max(a[0], b[0]), y1: y };
  }
  if (dx <= SKEW && dy >= MIN_LENGTH) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, y0: Math.min(a[1], b[1]), x1: x, y1: Math.max(a[1], b[1]) };
  }
  return null;
}

/** The bounding box of a subpath whose every edge is axis-aligned (a rectangle, a bar). */
function rectangleOf(pts: readonly number[][]): Segment | null {
  if (pts.length < 2 || pts.length > 5) return null;
  for (let k = 0; k < pts.length; k++) {
    const a = pts[k];
    const b = pts[(k + 1) % pts.length];
    if (Math.abs(a[0] - b[0]) > SKEW && Math.abs(a[1] - b[1]) > SKEW) return null;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * The ruling lines one painted path contributes. Stroked paths give their straight axis-aligned
 * edges. Filled paths give thin rectangles as their centre line, and the edges of larger
 * rectangles (shaded cells and header bands delimit cells as lines do).
 */
export function pathSegments(data: ArrayLike<number>, m: Matrix, paint: PaintKind): Segment[] {
  if (paint === 'none') return [];
  const out: Segment[] = [];
  for (const sub of subpaths(data, m)) {
    const pts = sub.pts;
    if (paint === 'fill') {
      const box = rectangleOf(pts);
      if (!box) continue;
      const w = box.x1 - box.x0;
      const h = box.y1 - box.y0;
      if (h <= THIN_FILL && w >= MIN_LENGTH) {
        const y = (box.y0 + box.y1) / 2;
        out.push({ x0: box.x0, y0: y, x1: box.x1, y1: y });
      } else if (w <= THIN_FILL && h >= MIN_LENGTH) {
        const x = (box.x0 + box.x1) / 2;
        out.push({ x0: x, y0: box.y0, x1: x, y1: box.y1 });
      } else if (w > THIN_FILL && h > THIN_FILL) {
        out.push(
          { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y0 },
          { x0: box.x0, y0: box.y1, x1: box.x1, y1: box.y1 },
          { x0: box.x0, y0: box.y0, x1: box.x0, y1: box.y1 },
          { x0: box.x1, y0: box.y0, x1: box.x1, y1: box.y1 },
        );
      }
      continue;
    }
    const n = pts.length;
    for (let k = 0; k + 1 < n; k++) {
      const s = edge(pts[k], pts[k + 1]);
      if (s) out.push(s);
    }
    if (sub.closed && n > 2) {
      const s = edge(pts[n - 1], pts[0]);
      if (s) out.push(s);
    }
  }
  return out;
}

export function isHorizontal(s: Segment): boolean {
  return s.y0 === s.y1;
}
