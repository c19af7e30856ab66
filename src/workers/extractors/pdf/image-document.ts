// The file opened a second time, as pdfjs opens it by default: with its images. The document the
// extractor walks is opened without them (see textLayerOptions), because pdfjs decodes every
// image an operator list paints, and a text page's list is only wanted for its glyphs and ruling
// lines. Pages whose images matter (a sparse page that may be a scan, an invisible layer that
// may lie over one, a page going to OCR) are read from this one, opened on first use.
import { readFile } from 'node:fs/promises';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { pdfjsDocumentOptions, type Pdfjs } from './load-pdfjs';

export class ImageDocument {
  private doc: Promise<PDFDocumentProxy> | undefined;
  private readonly open = new Map<number, PDFPageProxy>();

  constructor(
    private readonly pdfjs: Pdfjs,
    private readonly filePath: string,
    private readonly password: string | undefined,
  ) {}

  /**
   * Page `n` with its images; kept until release(n), so its operator list is built once. When
   * the file cannot be opened again (gone, changed), `textPage` stands in: its images missing,
   * the page reads as text only, as it would with OCR off.
   */
  async page(n: number, textPage: PDFPageProxy): Promise<PDFPageProxy> {
    const kept = this.open.get(n);
    if (kept) return kept;
    this.doc ??= readFile(this.filePath).then(
      (bytes) =>
        this.pdfjs.getDocument(
          pdfjsDocumentOptions(
            new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            this.password,
          ),
        ).promise,
    );
    try {
      const page = await (await this.doc).getPage(n);
      this.open.set(n, page);
      return page;
    } catch {
      return textPage;
    }
  }

  /** Frees what page `n` holds (its operator list, decoded images), if it was opened. */
  release(n: number): void {
    this.open.get(n)?.cleanup();
    this.open.delete(n);
  }

  async destroy(): Promise<void> {
    this.open.clear();
    const doc = await this.doc?.catch(() => undefined);
    await doc?.destroy().catch(() => undefined);
  }
}
