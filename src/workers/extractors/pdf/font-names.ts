// Which of a document's fonts are bold. pdfjs's text content names a font only by its id
// (`g_d0_f3`); the font itself, with its PostScript name, reaches this side when a page's operator
// list is built. That list costs about two thirds of the text content, so it is fetched only for a
// page where a font not seen before sets a line that could be a heading (fontsToWeigh), and
// pdfjs keeps it for the table detector and the OCR decision, which reuse it.
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { isBoldFontName } from './font-weight';

export class FontWeights {
  /** Font id → bold; ids whose font could not be read count as regular. */
  private readonly known = new Map<string, boolean>();
  /** Operator lists fetched for font names alone (for the measurements in the docs). */
  fetches = 0;

  /** Learns the weights of the page's fonts not yet known; never throws. */
  async learn(page: PDFPageProxy, fontIds: ReadonlySet<string>): Promise<void> {
    if (fontIds.size < 2 || ![...fontIds].some((id) => !this.known.has(id))) return;
    try {
      this.fetches++;
      await page.getOperatorList();
    } catch {
      // An unreadable operator list only costs the weights: the page reads as regular.
    }
    for (const id of fontIds) {
      if (this.known.has(id)) continue;
      this.known.set(id, page.commonObjs.has(id) && isBoldFontName(fontName(page, id)));
    }
  }

  knows(fontId: string): boolean {
    return this.known.has(fontId);
  }

  isBold(fontId: string | undefined): boolean {
    return fontId !== undefined && this.known.get(fontId) === true;
  }
}

function fontName(page: PDFPageProxy, id: string): string | undefined {
  try {
    const font = page.commonObjs.get(id) as { name?: unknown } | null;
    return typeof font?.name === 'string' ? font.name : undefined;
  } catch {
    return undefined;
  }
}
