// Where a scanned PDF page's image lies on the page as shown: the OCR fast path reads the
// embedded image itself (pdf-scan-image.ts), so its word boxes are fractions of that image; the
// image's unit square is painted with `ctm` (user space) and the page shown through its viewport
// (/Rotate, the y flip), so a scan placed turned or not filling the page still lines up.
import type { PointMap } from './box-transform';

type Matrix = readonly [number, number, number, number, number, number];

/** pdfjs's PageViewport, as far as this module reads it. */
export interface ViewportLike {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}

export function scanToPage(viewport: ViewportLike, ctm: Matrix): PointMap {
  return (u, v) => {
    // An image's first row is the top of its unit square, whose y axis points up.
    const sy = 1 - v;
    const x = ctm[0] * u + ctm[2] * sy + ctm[4];
    const y = ctm[1] * u + ctm[3] * sy + ctm[5];
    const [px = 0, py = 0] = viewport.convertToViewportPoint(x, y);
    return [px / viewport.width, py / viewport.height];
  };
}
