// The ruling lines of a pdfjs page. pdfjs keeps a page's operator list once built (same intent
// as page-classify's fetch and page.render's), so a page whose list was already read for the OCR
// decision costs only this walk; other pages pay for the list only when their text could hold a
// table (mayHoldTable).
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { Pdfjs } from '../load-pdfjs';
import type { OrientationGroup } from '../text-items';
import { layoutPage, type LayoutOptions } from '../text-layout';
import { alignedRows } from './alignment-grid';
import { mayHoldTable } from './detect-tables';
import { layoutPageWithTables, type PageBlock } from './page-layout';
import { operatorSegments } from './operator-paths';
import type { Segment } from './segments';

/** The page's ruling lines in display space; none when the list cannot be read or is a drawing. */
export async function pageSegments(page: PDFPageProxy, pdfjs: Pdfjs): Promise<Segment[]> {
  try {
    const list = await page.getOperatorList();
    const viewport = page.getViewport({ scale: 1 }).transform;
    const { segments, truncated } = operatorSegments(
      list.fnArray,
      list.argsArray,
      pdfjs.OPS,
      viewport,
    );
    return truncated ? [] : segments;
  } catch {
    // Without the operator list, tables are still found from alignment.
    return [];
  }
}

/**
 * The page laid out with its tables. The operator list is consulted only when the text could
 * hold a table: prose pages cost nothing more than before.
 */
export async function layoutPdfPage(
  page: PDFPageProxy,
  pdfjs: Pdfjs,
  groups: readonly OrientationGroup[],
  options: LayoutOptions,
  n: number,
): Promise<PageBlock[]> {
  const main = groups.find((g) => g.angle === 0);
  // Right-to-left pages keep their own layout: the detectors read cells left to right.
  const rtl = main ? main.items.reduce((n, i) => n + (i.rtl ? i.text.length : 0), 0) : 0;
  if (!main || rtl * 2 > main.chars) return layoutPage(groups, options);
  // The rows the cheap test builds are the ones the alignment detector starts from.
  const rows = alignedRows(main.items);
  if (!mayHoldTable(main.items, rows)) return layoutPage(groups, options);
  return layoutPageWithTables(groups, await pageSegments(page, pdfjs), options, n, rows);
}
