// From the frame OCR read in (upright, deskewed, maybe enlarged) to the page as given: the affine
// map that best carries the words' centres in one onto their centres in the other (least
// squares). The OCR passes map each word's box back through their turns; a fitted map carries a
// table's and its cells' boxes, which no word has, the same way. Pure.

export type Point = [number, number];
export type AffineMap = (x: number, y: number) => Point;

/** Solves the 3×3 system m·v = r (Cramer's rule); null when it is singular. */
function solve3(m: number[][], r: number[]): number[] | null {
  const det = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  if (Math.abs(d) < 1e-9) return null;
  return [0, 1, 2].map((c) => det(m.map((row, i) => row.map((v, j) => (j === c ? r[i] : v)))) / d);
}

/** The affine map fitted to pairs of points (from, to); null with fewer than 3 independent pairs. */
export function fitAffine(from: readonly Point[], to: readonly Point[]): AffineMap | null {
  if (from.length < 3 || from.length !== to.length) return null;
  // Normal equations of [x y 1]·[a b c]ᵀ = X (and the same for Y).
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const rx = [0, 0, 0];
  const ry = [0, 0, 0];
  from.forEach(([x, y], i) => {
    const v = [x, y, 1];
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) m[a][b] += v[a] * v[b];
      rx[a] += v[a] * to[i][0];
      ry[a] += v[a] * to[i][1];
    }
  });
  const px = solve3(m, rx);
  const py = solve3(m, ry);
  if (!px || !py) return null;
  return (x, y) => [px[0] * x + px[1] * y + px[2], py[0] * x + py[1] * y + py[2]];
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The box enclosing a rectangle's mapped corners. */
export function mapRect(r: Rect, map: AffineMap): Rect {
  const corners = [map(r.x0, r.y0), map(r.x1, r.y0), map(r.x0, r.y1), map(r.x1, r.y1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
