// The fonts whose weight could change a page's layout. Only a bold line at body size standing
// alone can become a heading by weight (larger text is a heading by size whatever its weight),
// so only a font that sets a whole short, title-like line at body size by itself, other than the
// page's main font, is worth the operator list that names it (see FontWeights). The tests mirror
// headingStyle's in paragraphs.ts, looser where a line is not yet a block.
import type { OrientationGroup, PlacedItem } from './text-items';
import { groupLines, splitFragments } from './text-lines';

/** Longer lines are never bold headings (BOLD_HEADING_MAX_CHARS in paragraphs.ts). */
const MAX_LINE_CHARS = 120;
/** Sizes around body size where only weight tells a heading (see HEADING_MIN_RATIO). */
const MIN_RATIO = 0.95;
const MAX_RATIO = 1.15;
const TITLE_LIKE = /^[\p{Lu}\p{N}(“"][^]*\p{L}[^]*[^.:!?,;]$/u;

/** The font and the size (rounded to half a point) that set most of the items' characters. */
function mainStyle(items: readonly PlacedItem[]): { font?: string; size: number } {
  const fonts = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const item of items) {
    if (item.font) fonts.set(item.font, (fonts.get(item.font) ?? 0) + item.text.length);
    const size = Math.round(item.size * 2) / 2;
    sizes.set(size, (sizes.get(size) ?? 0) + item.text.length);
  }
  const top = <K>(counts: Map<K, number>): K | undefined =>
    [...counts].reduce<[K | undefined, number]>(
      (a, b) => (b[1] > a[1] ? b : a),
      [undefined, -1],
    )[0];
  return { font: top(fonts), size: top(sizes) ?? 0 };
}

/**
 * Font ids that alone set a short, title-like run of a line at body size, other than the main
 * font.
 */
export function fontsToWeigh(groups: readonly OrientationGroup[]): Set<string> {
  const fonts = new Set<string>();
  for (const group of groups) {
    const body = mainStyle(group.items);
    // By fragment: a heading in one column shares its baseline with the body of the next.
    for (const { items: line } of groupLines(group.items).flatMap(splitFragments)) {
      const font = line[0].font;
      if (!font || font === body.font || fonts.has(font)) continue;
      if (!line.every((i) => i.font === font)) continue;
      const size = Math.max(...line.map((i) => i.size));
      if (size < MIN_RATIO * body.size || size >= MAX_RATIO * body.size) continue;
      const text = line
        .map((i) => i.text)
        .join('')
        .trim();
      if (text.length <= MAX_LINE_CHARS && TITLE_LIKE.test(text)) fonts.add(font);
    }
  }
  return fonts;
}
