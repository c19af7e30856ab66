// The ruling lines a page's operator list paints, in display space. A walk over the list that
// follows the transform through save/restore and form XObjects and hands each painted path to
// pathSegments. It reads only path operators, so it costs a fraction of the list's own build.
import { type Matrix, multiply } from '../matrix';
import { pathSegments, type PaintKind, type Segment } from './segments';

/** pdfjs operator codes this walk reads (pass pdfjs's OPS). */
export interface PathOperatorCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

function paintKind(op: unknown, ops: PathOperatorCodes): PaintKind {
  switch (op) {
    case ops.stroke:
    case ops.closeStroke:
    case ops.fillStroke:
    case ops.eoFillStroke:
    case ops.closeFillStroke:
    case ops.closeEOFillStroke:
      return 'stroke';
    case ops.fill:
    case ops.eoFill:
      return 'fill';
    default:
      return 'none';
  }
}

const isNumbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length >= 6 && v.slice(0, 6).every((n) => typeof n === 'number');

/** More segments than this on one page is a drawing (a chart, a map), not a table's rulings. */
export const MAX_SEGMENTS = 5000;

/**
 * Every ruling line of the page: `viewport` is the page viewport's transform (user space →
 * display space). Stops collecting past MAX_SEGMENTS (returns what it has, flagged).
 */
export function operatorSegments(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: PathOperatorCodes,
  viewport: readonly number[],
): { segments: Segment[]; truncated: boolean } {
  let ctm: Matrix = multiply(viewport, [1, 0, 0, 1, 0, 0]);
  const stack: Matrix[] = [];
  const segments: Segment[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) {
      const args = argsArray[i];
      if (isNumbers(args)) ctm = multiply(ctm, args);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = (argsArray[i] as unknown[] | undefined)?.[0];
      if (isNumbers(matrix)) ctm = multiply(ctm, matrix);
    } else if (fn === ops.constructPath) {
      const [op, data] = (argsArray[i] ?? []) as [unknown, unknown];
      const kind = paintKind(op, ops);
      const buffer = Array.isArray(data) ? (data[0] as unknown) : undefined;
      if (kind === 'none' || !buffer || typeof (buffer as ArrayLike<number>).length !== 'number')
        continue;
      for (const s of pathSegments(buffer as ArrayLike<number>, ctm, kind)) segments.push(s);
      if (segments.length > MAX_SEGMENTS) return { segments, truncated: true };
    }
  }
  return { segments, truncated: false };
}
