// Maps word boxes read on a transformed page image (turned, deskewed, enlarged) back onto the
// original page. Points are fractions (0..1) of an image's width and height: scaling (the pixel
// limit, the enlargement) leaves them unchanged, so only the turns need an inverse.
import type { OcrWord, WordBox } from '../../shared/ocr-words';

/** From a point of a derived image to the same point of the image it was derived from. */
export type PointMap = (x: number, y: number) => [number, number];

export const identityMap: PointMap = (x, y) => [x, y];

/** `inner` (newest image → older) then `outer` (older → original). */
export function composeMaps(outer: PointMap, inner: PointMap): PointMap {
  if (inner === identityMap) return outer;
  if (outer === identityMap) return inner;
  return (x, y) => outer(...inner(x, y));
}

/** Back through rotateGray(image, degrees): a clockwise quarter-turn multiple. */
export function quarterTurnBack(degrees: 0 | 90 | 180 | 270): PointMap {
  if (degrees === 90) return (x, y) => [y, 1 - x];
  if (degrees === 180) return (x, y) => [1 - x, 1 - y];
  if (degrees === 270) return (x, y) => [1 - y, x];
  return identityMap;
}

interface Size {
  width: number;
  height: number;
}

/**
 * Back through rotateGrayFine(image, degrees): a clockwise turn about the centre onto a canvas
 * (`after`) big enough for the whole turned page (`before`).
 */
export function fineTurnBack(degrees: number, before: Size, after: Size): PointMap {
  if (degrees === 0) return identityMap;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return (x, y) => {
    const dx = x * after.width - after.width / 2;
    const dy = y * after.height - after.height / 2;
    const sx = dx * cos + dy * sin + before.width / 2;
    const sy = -dx * sin + dy * cos + before.height / 2;
    return [sx / before.width, sy / before.height];
  };
}

const clamp = (v: number): number => Math.min(1, Math.max(0, v));
/** Four decimals: a tenth of a pixel on a 1000-pixel page, and a compact sidecar. */
const round = (v: number): number => Math.round(clamp(v) * 10_000) / 10_000;

/** The box enclosing the mapped corners (a deskewed box is a slanted rectangle on the original). */
export function mapBox(box: WordBox, map: PointMap): WordBox {
  if (map === identityMap) return box.map(round) as WordBox;
  const [x0, y0, x1, y1] = box;
  const corners = [map(x0, y0), map(x1, y0), map(x0, y1), map(x1, y1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [
    round(Math.min(...xs)),
    round(Math.min(...ys)),
    round(Math.max(...xs)),
    round(Math.max(...ys)),
  ];
}

export function mapWords(words: readonly OcrWord[], map: PointMap): OcrWord[] {
  return words.map((w) => ({ ...w, box: mapBox(w.box, map) }));
}
