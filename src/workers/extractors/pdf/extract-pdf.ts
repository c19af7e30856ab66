// PDF → document model, page by page (`read-page.ts` reads one page: text layer or OCR).
// pdfjs documents are opened and closed only here; layout and the OCR decision are pure modules
// beside this one.
import { readFile } from 'node:fs/promises';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type {
  Block,
  DocumentMetadata,
  DocumentQuality,
  ExtractionWarning,
  PageQuality,
} from '../../../shared/model';
import { textChars } from '../../../shared/text-chars';
import type { ExtractContext, Extractor } from '../../engine/types';
import { fileBudget } from '../../ocr/page-passes';
import { scriptsOfLanguages } from '../../ocr/scripts';
import { FontWeights } from './font-names';
import { headingLevels } from './heading-levels';
import { ImageDocument } from './image-document';
import { LargeImageProbe } from './large-image-probe';
import { loadPdfjs, textLayerOptions, type Pdfjs } from './load-pdfjs';
import { metadataFromInfo } from './metadata';
import { failureWarnings, truncatedWarning } from './page-warnings';
import { corruptPdf, pageFailureReason, pdfOpenError } from './pdf-errors';
import type { HeadingStyle } from './paragraphs';
import { readPage, throwIfCancelled, type DocumentState } from './read-page';
import { joinContinuedTables } from './tables/continuation';
import { FontSizeStats } from './text-layout';

/** When no page has been read yet and this many fail, the page tree itself is broken. */
const FAILURES_BEFORE_GIVING_UP = 5;

/**
 * Text pages take milliseconds, and each progress report is a message to the child (which
 * forwards at most ten a second): a report every this many ms, and for the last page, is all
 * the watchdog and the progress bar need.
 */
export const PROGRESS_INTERVAL_MS = 100;

/** Passes on page progress at most every PROGRESS_INTERVAL_MS, and always the last page. */
export function throttledProgress(
  report: ExtractContext['onProgress'],
  last: number,
  now: () => number = () => performance.now(),
): (page: number, pages: number) => void {
  let sentAt = -Infinity;
  return (page, pages) => {
    if (!report) return;
    const t = now();
    if (page !== last && t - sentAt < PROGRESS_INTERVAL_MS) return;
    sentAt = t;
    report({ page, pages });
  };
}

async function readMetadata(doc: PDFDocumentProxy): Promise<DocumentMetadata> {
  try {
    const { info, metadata } = await doc.getMetadata();
    return metadataFromInfo(
      info as Record<string, unknown>,
      doc.numPages,
      metadata?.get('dc:title') ?? undefined,
    );
  } catch {
    // Broken metadata must not cost the text.
    return { pageCount: doc.numPages };
  }
}

function pageRange(ctx: ExtractContext, total: number): { from: number; to: number } {
  const range = ctx.options.pdf.pageRange;
  const from = Math.max(1, Math.floor(range?.from ?? 1));
  const to = Math.min(total, Math.floor(range?.to ?? total));
  return { from, to };
}

async function readDocument(
  doc: PDFDocumentProxy,
  pdfjs: Pdfjs,
  ctx: ExtractContext,
  largeImages: LargeImageProbe,
  images: ImageDocument,
) {
  const total = doc.numPages;
  if (!(total > 0)) throw corruptPdf(new Error('the document has no pages'));
  const { from, to } = pageRange(ctx, total);
  // Large documents keep nothing per page but the blocks: per-page quality only where notable.
  // (page.cleanup() after each page keeps pdfjs flat: RSS on the 117-page GeoTopo grows ~20 MB,
  // all of it the blocks. A periodic doc.cleanup() saved nothing measurable and cost ~1 s there
  // in reloaded fonts, so there is none.)
  const streaming = total > ctx.options.pdf.streamingPageThreshold;
  const metadata = await readMetadata(doc);
  const state: DocumentState = {
    pdfjs,
    ctx,
    sizes: new FontSizeStats(),
    fonts: new FontWeights(),
    headings: new WeakMap(),
    probe: { textPagesProbed: 0, invisibleSeen: false },
    ocrScripts: scriptsOfLanguages(ctx.options.ocr.languages),
    ocrBudget: fileBudget(),
    largeImages,
    images,
  };
  const blocks: Block[] = [];
  const warnings: ExtractionWarning[] = [];
  const perPage: PageQuality[] = [];
  const failures: Array<{ page: number; reason: string }> = [];
  let firstFailure: unknown;
  let pagesRead = 0;
  const progress = throttledProgress(ctx.onProgress, to);
  const ocrConfidences: Array<{ page: number; confidence: number }> = [];

  for (let n = from; n <= to; n++) {
    throwIfCancelled(ctx.signal);
    let page: PDFPageProxy | undefined;
    try {
      page = await doc.getPage(n);
      const outcome = await readPage(page, n, state);
      blocks.push({ type: 'pageBreak', page: n, prov: { page: n } }, ...outcome.blocks);
      warnings.push(...outcome.warnings);
      if (outcome.quality.ocr && outcome.quality.confidence !== undefined)
        ocrConfidences.push({ page: n, confidence: outcome.quality.confidence });
      if (!streaming || outcome.quality.ocr || outcome.quality.chars === 0)
        perPage.push(outcome.quality);
      pagesRead++;
    } catch (error) {
      throwIfCancelled(ctx.signal);
      if ((error as { code?: unknown }).code === 'CANCELLED') throw error;
      firstFailure ??= error;
      failures.push({ page: n, reason: pageFailureReason(error) });
      if (pagesRead === 0 && failures.length >= FAILURES_BEFORE_GIVING_UP) throw corruptPdf(error);
    } finally {
      page?.cleanup();
      images.release(n);
    }
    progress(n, total);
  }
  if (pagesRead === 0 && failures.length > 0) throw corruptPdf(firstFailure);
  warnings.push(...failureWarnings(failures));

  const quality: DocumentQuality = {
    pages: to >= from ? to - from + 1 : 0,
    textChars: textChars(blocks),
    ocrPages: ocrConfidences.length,
    perPage,
  };
  if (ocrConfidences.length > 0) {
    const sum = ocrConfidences.reduce((s, p) => s + p.confidence, 0);
    quality.ocrConfidence = Math.round((sum / ocrConfidences.length) * 10) / 10;
    quality.ocrWorstPage = ocrConfidences.reduce((worst, p) =>
      p.confidence < worst.confidence ? p : worst,
    );
  }
  rankHeadings(blocks, state.headings);
  return { blocks: joinContinuedTables(blocks), metadata, quality, warnings };
}

/** Sets the level of every text-layer heading kept by its rank in the document (see headingLevels). */
function rankHeadings(blocks: Block[], styles: WeakMap<Block, HeadingStyle>): void {
  const headings = blocks.filter(
    (b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && styles.has(b),
  );
  const levels = headingLevels(headings.map((b) => styles.get(b)!));
  headings.forEach((b, i) => (b.level = levels[i]));
}

/** How far from the end a `%%EOF` marker is looked for (producers may append padding). */
const EOF_SEARCH_BYTES = 64 * 1024;

/** A complete PDF ends with `%%EOF`; a file cut short by a mail gateway does not. */
export function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(
    Math.max(0, bytes.byteLength - EOF_SEARCH_BYTES),
  );
  return tail.lastIndexOf('%%EOF', undefined, 'latin1') >= 0;
}

export const extractPdf: Extractor = async (file, ctx) => {
  throwIfCancelled(ctx.signal);
  const pdfjs = await loadPdfjs();
  const bytes = await readFile(file.path);
  // Checked now: pdfjs takes over (detaches) the buffer it is given.
  const complete = hasEndMarker(bytes);
  const password = ctx.options.password ? ctx.options.password : undefined;
  const task = pdfjs.getDocument(
    textLayerOptions(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), password),
  );
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfOpenError(error, password !== undefined);
  }
  // With OCR on, the scan's image is decoded anyway (it is what gets recognized).
  // Its documents are opened on first use: with OCR off, for sparse pages; with OCR on, only
  // for layers in a script the OCR languages cannot read.
  const largeImages = new LargeImageProbe(pdfjs, file.path, password);
  const images = new ImageDocument(pdfjs, file.path, password);
  try {
    const body = await readDocument(doc, pdfjs, ctx, largeImages, images);
    if (!complete) body.warnings.push(truncatedWarning());
    return body;
  } finally {
    await largeImages.destroy();
    await images.destroy();
    await doc.destroy().catch(() => undefined);
  }
};
