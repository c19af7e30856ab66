// A page's text items → blocks in reading order. Pure: pdfjs objects stay in extract-pdf.ts.
import { readingFlows } from './columns';
import { blocksOfFlow, linesOfFlow, type LayoutBlock } from './paragraphs';
import type { OrientationGroup } from './text-items';
import { groupLines, splitFragments } from './text-lines';

/**
 * Characters per font size (rounded to half a point) over the pages seen so far: the most
 * common size is body text, and headings are measured against it. Kept across pages so that
 * a page of headings is not judged on its own.
 */
export class FontSizeStats {
  private readonly chars = new Map<number, number>();

  add(groups: readonly OrientationGroup[]): void {
    for (const group of groups) {
      for (const item of group.items) {
        const key = Math.round(item.size * 2) / 2;
        this.chars.set(key, (this.chars.get(key) ?? 0) + item.text.trim().length);
      }
    }
  }

  bodySize(): number {
    let best = 0;
    let bestChars = -1;
    for (const [size, chars] of this.chars) {
      if (chars > bestChars) {
        best = size;
        bestChars = chars;
      }
    }
    return best;
  }
}

export interface LayoutOptions {
  /** The document's body font size; 0 when unknown (then no headings are marked). */
  bodySize: number;
}

/**
 * Lays out one page from its placed items (see placeItems): orientation groups (main one
 * first), then columns, lines and paragraphs within each.
 */
export function layoutPage(
  groups: readonly OrientationGroup[],
  options: LayoutOptions,
): LayoutBlock[] {
  const blocks: LayoutBlock[] = [];
  for (const group of groups) {
    const fragments = groupLines(group.items).flatMap(splitFragments);
    const rtlChars = fragments.reduce((n, f) => n + (f.rtl ? f.chars : 0), 0);
    const totalChars = fragments.reduce((n, f) => n + f.chars, 0);
    const rtl = rtlChars * 2 > totalChars;
    for (const flow of readingFlows(fragments, rtl)) {
      blocks.push(...blocksOfFlow(linesOfFlow(flow, rtl), options.bodySize));
    }
  }
  return blocks;
}
