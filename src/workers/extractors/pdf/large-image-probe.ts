// Telling a scan from a text page without decoding its scan: pdfjs opened with `maxImageSize`.
import { readFile } from 'node:fs/promises';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { pdfjsDocumentOptions, type Pdfjs } from './load-pdfjs';
import { summarizeOperators, type OperatorSummary } from './page-classify';

/**
 * Images of more pixels than this are "large": a page scanned at 100 dpi or more. On a page
 * with almost no text, such an image makes it a scan whatever its placement (to cover less than
 * 1% of a letter page it would have to be placed at over 1000 dpi).
 */
const LARGE_IMAGE_PIXELS = 1_000_000;

/**
 * With OCR off, a scanned page only needs to be recognized as one, yet pdfjs decodes every image
 * its operator list paints (a 300-dpi JPEG page: ~0.4 CPU s, for nothing). Two more pdfjs
 * documents opened with `maxImageSize` refuse large images before decoding them: the lenient one
 * drops them and goes on, the strict one (errors not ignored) abandons the page's list at the
 * first one. The strict list coming out shorter than the lenient one is the answer; any doubt
 * (equal lengths, an error) sends the caller to the full operator list. Opened lazily.
 */
export class LargeImageProbe {
  private docs: Promise<[PDFDocumentProxy, PDFDocumentProxy]> | undefined;

  constructor(
    private readonly pdfjs: Pdfjs,
    private readonly filePath: string,
    private readonly password: string | undefined,
  ) {}

  private open(bytes: Uint8Array, stopAtErrors: boolean): Promise<PDFDocumentProxy> {
    return this.pdfjs.getDocument({
      ...pdfjsDocumentOptions(bytes, this.password),
      maxImageSize: LARGE_IMAGE_PIXELS,
      stopAtErrors,
    }).promise;
  }

  private async operators(doc: PDFDocumentProxy, n: number) {
    const page = await doc.getPage(n);
    try {
      const list = await page.getOperatorList();
      const [x0, y0, x1, y1] = page.view;
      return { list, area: Math.abs((x1 - x0) * (y1 - y0)) };
    } finally {
      page.cleanup();
    }
  }

  /** Page `n`'s lists from both documents; undefined when either cannot be had. */
  private async lists(n: number) {
    try {
      this.docs ??= readFile(this.filePath).then((bytes) =>
        // Each document takes over (detaches) the buffer it is given: two plain copies.
        Promise.all([
          this.open(new Uint8Array(bytes), false),
          this.open(new Uint8Array(bytes), true),
        ]),
      );
      const [lenient, strict] = await this.docs;
      const [all, upToError] = await Promise.all([
        this.operators(lenient, n),
        this.operators(strict, n),
      ]);
      return { all, largeImage: upToError.list.fnArray.length < all.list.fnArray.length };
    } catch {
      return undefined;
    }
  }

  /** True when page `n` surely paints a large image; false when that is not certain. */
  async paintsLargeImage(n: number): Promise<boolean> {
    return (await this.lists(n))?.largeImage ?? false;
  }

  /**
   * Page `n`'s operator summary without decoding its large images: glyph counts as they are,
   * a dropped large image counted as covering the page (what a scan under a layer does).
   * Null when that is not certain; the caller then takes the full operator list.
   */
  async summary(n: number): Promise<OperatorSummary | null> {
    const lists = await this.lists(n);
    if (!lists) return null;
    const { list, area } = lists.all;
    const summary = summarizeOperators(list.fnArray, list.argsArray, this.pdfjs.OPS, area);
    if (!lists.largeImage) return summary;
    return { ...summary, images: summary.images + 1, imageCoverage: 1 };
  }

  async destroy(): Promise<void> {
    const docs = await this.docs?.catch(() => undefined);
    await Promise.all((docs ?? []).map((doc) => doc.destroy().catch(() => undefined)));
  }
}

/** What the operator list of a page with almost no text and a large image would say. */
export const LARGE_IMAGE_PAGE: OperatorSummary = {
  images: 1,
  imageCoverage: 1,
  visibleGlyphs: 0,
  invisibleGlyphs: 0,
};
