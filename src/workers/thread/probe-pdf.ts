// A quick look inside a PDF before scheduling it: its page count and whether a few sampled pages
// carry a text layer. Long PDFs without one are scans, worth cutting into page ranges.
import { readFile } from 'node:fs/promises';
import { loadPdfjs, pdfjsDocumentOptions } from '../extractors/pdf/load-pdfjs';

/** What a quick look inside a PDF told us (page count, and whether the sampled pages had text). */
export interface PdfProbe {
  pages: number;
  /**
   * Mean characters of text per sampled page, pages not read counting as none: exact below
   * TEXT_CHARS_PER_PAGE, a lower bound at or above it (sampling stops there).
   */
  sampledCharsPerPage: number;
}

/**
 * Sampled pages that already carry this many characters per sampled page make a text PDF,
 * whatever the pages not yet read hold: sampling stops, since reading a text page costs its
 * fonts (tens to hundreds of ms). 200 is the page classifier's SPARSE_TEXT; a scan's few stamped
 * characters stay far below it.
 */
export const TEXT_CHARS_PER_PAGE = 200;

export async function probePdf(filePath: string, password?: string): Promise<PdfProbe | null> {
  const pdfjs = await loadPdfjs();
  const data = new Uint8Array(await readFile(filePath));
  const task = pdfjs.getDocument(pdfjsDocumentOptions(data, password));
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    const sample = [...new Set([1, Math.ceil(pages / 2), pages])];
    let chars = 0;
    for (const number of sample) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) chars += item.str.trim().length;
      page.cleanup();
      if (chars >= TEXT_CHARS_PER_PAGE * sample.length) break;
    }
    return { pages, sampledCharsPerPage: chars / sample.length };
  } catch {
    // Encrypted, corrupt, ...: the extractor will report it properly; just don't split.
    return null;
  } finally {
    await task.destroy();
  }
}
