// Text items built the way pdfjs reports them (text-space → user-space matrices, y up), for the
// layout tests, which run without pdfjs.
import { placeItems, type PdfTextItem } from '../../src/workers/extractors/pdf/text-items';
import { FontSizeStats, layoutPage } from '../../src/workers/extractors/pdf/text-layout';

/** pdfjs's viewport transform at scale 1 for a 612×792 page: flips y. */
export const UPRIGHT = [1, 0, 0, -1, 0, 792];
/** The viewport of a page with /Rotate 90 (MediaBox 612×792 shown landscape). */
export const ROTATE_90 = [0, 1, 1, 0, 0, 0];

/** A horizontal item: `width` defaults to 0.5 em per character. */
export function item(str: string, x: number, y: number, size = 10, width?: number): PdfTextItem {
  return {
    str,
    transform: [size, 0, 0, size, x, y],
    width: width ?? str.length * size * 0.5,
    height: size,
    dir: 'ltr',
  };
}

/** The page's text in reading order, blocks separated by a blank line. */
export function pageText(items: PdfTextItem[], viewport = UPRIGHT): string {
  const groups = placeItems(items, viewport);
  const stats = new FontSizeStats();
  stats.add(groups);
  return layoutPage(groups, { bodySize: stats.bodySize() })
    .map((b) => b.text)
    .join('\n\n');
}
