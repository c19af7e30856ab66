// Places pdfjs text items in "reading space": the page as a reader sees it (after /Rotate), turned
// so that the text runs left to right and y grows down the page. Items written at another angle
// (a landscape table on a portrait page, a label up the margin) form their own orientation group
// and are turned upright on their own, so every group can be laid out with the same code.
import { multiply } from './matrix';

/** The fields of a pdfjs TextItem that layout needs. */
export interface PdfTextItem {
  str: string;
  dir?: string;
  /** Text-space → user-space matrix [a, b, c, d, e, f]. */
  transform: number[];
  /** Advance width along the baseline, in user-space units. */
  width: number;
  height: number;
  /** pdfjs's id of the item's font (`g_d0_f3`), the key of its weight (see FontWeights). */
  fontName?: string;
}

export interface PlacedItem {
  text: string;
  /** Start of the baseline: x grows along the text, y grows down the page. */
  x: number;
  y: number;
  /** Advance width along the baseline. */
  width: number;
  /** Font size (glyph height scale) in page units. */
  size: number;
  rtl: boolean;
  /** Set in a bold font (headings at body size are told apart by it). */
  bold?: boolean;
  /** pdfjs's id of its font. */
  font?: string;
}

export type Orientation = 0 | 90 | 180 | 270;

export interface OrientationGroup {
  /** Angle of the text's baseline in the displayed page, clockwise. */
  angle: Orientation;
  items: PlacedItem[];
  chars: number;
}

/** Nearest multiple of 90° of a direction given as a vector in y-down display space. */
export function quantizeAngle(dx: number, dy: number): Orientation {
  const degrees = (Math.atan2(dy, dx) * 180) / Math.PI;
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return (quarter * 90) as Orientation;
}

/** Rotates a display-space point by −angle, so text at `angle` runs along +x. */
export function turnUpright(x: number, y: number, angle: Orientation): [number, number] {
  switch (angle) {
    case 0:
      return [x, y];
    case 90:
      return [y, -x];
    case 180:
      return [-x, -y];
    case 270:
      return [-y, x];
  }
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * Maps items to reading space through the page viewport (which applies /Rotate and flips y),
 * drops whitespace-only items (spacing is recomputed from positions), and groups by orientation,
 * the group with the most text first.
 */
export function placeItems(
  items: readonly PdfTextItem[],
  viewportTransform: readonly number[],
  isBold: (fontName: string | undefined) => boolean = () => false,
): OrientationGroup[] {
  const groups = new Map<Orientation, OrientationGroup>();
  for (const item of items) {
    if (!item.str || item.str.trim() === '') continue;
    const m = multiply(viewportTransform, item.transform);
    const angle = quantizeAngle(m[0], m[1]);
    const [x, y] = turnUpright(m[4], m[5], angle);
    const scale = Math.hypot(viewportTransform[0], viewportTransform[1]) || 1;
    const size = Math.hypot(m[2], m[3]) || item.height * scale || 1;
    const placed: PlacedItem = {
      text: item.str,
      x,
      y,
      width: Math.abs(item.width) * scale,
      size,
      rtl: item.dir === 'rtl' || (item.dir === undefined && RTL_CHAR.test(item.str)),
      bold: isBold(item.fontName),
      ...(item.fontName ? { font: item.fontName } : {}),
    };
    let group = groups.get(angle);
    if (!group) {
      group = { angle, items: [], chars: 0 };
      groups.set(angle, group);
    }
    group.items.push(placed);
    group.chars += item.str.length;
  }
  return [...groups.values()].sort((a, b) => b.chars - a.chars);
}
