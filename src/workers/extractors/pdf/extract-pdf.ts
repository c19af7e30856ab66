// PDF → document model, page by page: text layer → reading-order blocks, and pages without a
// usable text layer handed to OCR (or flagged when OCR is off). pdfjs is driven only from here;
// layout and the OCR decision are pure modules beside this one.
import { readFile } from 'node:fs/promises';
import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { folioError } from '../../../shared/errors';
import type {
  Block,
  DocumentMetadata,
  DocumentQuality,
  ExtractionWarning,
  PageQuality,
} from '../../../shared/model';
import { textChars } from '../../../shared/text-chars';
import type { ExtractContext, Extractor, OcrBudget, OcrPageResult } from '../../engine/types';
import { fileBudget } from '../../ocr/page-passes';
import { loadPdfjs, pdfjsDocumentOptions, type Pdfjs } from './load-pdfjs';
import { metadataFromInfo } from './metadata';
import { languageForScript, scriptsOfLanguages, type Script } from '../../ocr/scripts';
import {
  ALMOST_NO_TEXT,
  classifyPage,
  layerScriptUnread,
  mostlyInvisible,
  needsOperatorList,
  ocrReplacesLayer,
  SPARSE_TEXT,
  summarizeOperators,
  textHealth,
  type OcrReason,
  type OperatorSummary,
  type ProbeState,
} from './page-classify';
import { corruptPdf, pageFailureReason, pdfOpenError } from './pdf-errors';
import { joinContinuedTables } from './tables/continuation';
import { layoutPdfPage } from './tables/page-segments';
import type { PageBlock } from './tables/page-layout';
import { placeItems } from './text-items';
import { FontSizeStats } from './text-layout';

/** When no page has been read yet and this many fail, the page tree itself is broken. */
const FAILURES_BEFORE_GIVING_UP = 5;
/** PAGE_FAILED warnings listed one by one; further failures are summed up in one more. */
const MAX_PAGE_WARNINGS = 20;

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw folioError('CANCELLED', 'Extraction was cancelled.');
}

function isTextItem(item: unknown): item is TextItem {
  return typeof (item as { str?: unknown }).str === 'string';
}

function toBlock(block: PageBlock, page: number): Block {
  return { ...block, prov: { page } };
}

function skippedWarning(reason: OcrReason, page: number): ExtractionWarning {
  switch (reason) {
    case 'scanned':
      return {
        code: 'OCR_SKIPPED',
        lossy: true,
        page,
        message: `Page ${page} is a scanned image; OCR is turned off, so its text is missing.`,
      };
    case 'unreadable-text':
      return {
        code: 'OCR_SKIPPED',
        lossy: true,
        page,
        message: `Page ${page} has an unreadable text layer (a broken font encoding); OCR is turned off, so its text is missing.`,
      };
    case 'invisible-text':
      return {
        code: 'INVISIBLE_TEXT',
        lossy: false,
        page,
        message: `Page ${page} has an invisible text layer (left by an earlier OCR); it was kept unchecked because OCR is turned off.`,
      };
  }
}

function hiddenTextWarning(page: number): ExtractionWarning {
  return {
    code: 'INVISIBLE_TEXT',
    lossy: false,
    page,
    message: `Page ${page} holds text that is not drawn on the page (invisible, over no scanned image); it was kept, but a reader of the PDF does not see it.`,
  };
}

function unreadScriptWarning(page: number, script: Script, languages: string[]): ExtractionWarning {
  const pack = languageForScript(script);
  return {
    code: 'OCR_LANGUAGE_MISSING',
    lossy: false,
    page,
    message:
      `Page ${page} has an invisible text layer (left by an earlier OCR) in ${script} script, which the OCR languages (${languages.join(', ')}) do not read; the layer was kept without checking it` +
      (pack
        ? ` (install @tesseract.js-data/${pack} and add "${pack}" to the OCR languages to re-read it).`
        : '.'),
  };
}

function keptLayerWarning(page: number, confidence: number): ExtractionWarning {
  return {
    code: 'INVISIBLE_TEXT',
    lossy: false,
    page,
    message: `Page ${page} has an invisible text layer (left by an earlier OCR); a fresh OCR read the page no better (confidence ${Math.round(confidence)}%), so the layer was kept.`,
  };
}

/** What reading one page produced. */
interface PageOutcome {
  blocks: Block[];
  quality: PageQuality;
  warnings: ExtractionWarning[];
}

/** Per-document state that reading a page updates. */
interface DocumentState {
  pdfjs: Pdfjs;
  ctx: ExtractContext;
  sizes: FontSizeStats;
  probe: ProbeState;
  /** The scripts the OCR languages read. */
  ocrScripts: ReadonlySet<Script>;
  /** Retry passes this file's OCR pages may still take. */
  ocrBudget: OcrBudget;
  /** Answers about large images without decoding them (see LargeImageProbe). */
  largeImages: LargeImageProbe;
}

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
class LargeImageProbe {
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
const LARGE_IMAGE_PAGE: OperatorSummary = {
  images: 1,
  imageCoverage: 1,
  visibleGlyphs: 0,
  invisibleGlyphs: 0,
};

async function operatorSummary(page: PDFPageProxy, pdfjs: Pdfjs): Promise<OperatorSummary | null> {
  try {
    // Same intent and annotation mode as page.render's defaults, so an OCR render that follows
    // reuses this operator list instead of building it again.
    const list = await page.getOperatorList();
    const [x0, y0, x1, y1] = page.view;
    return summarizeOperators(
      list.fnArray,
      list.argsArray,
      pdfjs.OPS,
      Math.abs((x1 - x0) * (y1 - y0)),
    );
  } catch {
    // An unreadable operator list only costs us the image/invisibility check.
    return null;
  }
}

/** The page's text layer as it stands, with these warnings. */
function layerOutcome(blocks: Block[], n: number, warnings: ExtractionWarning[]): PageOutcome {
  return { blocks, quality: { page: n, chars: textChars(blocks), ocr: false }, warnings };
}

/**
 * OCR of a page that needs it; `fallback` is its text layer, kept when OCR fails or reads the
 * page worse than that layer (see ocrReplacesLayer).
 */
async function recognize(
  page: PDFPageProxy,
  n: number,
  ctx: ExtractContext,
  fallback: Block[],
  reason: OcrReason,
  budget: OcrBudget,
): Promise<PageOutcome | null> {
  const ocr = ctx.ocr;
  if (!ocr) return null;
  let result: OcrPageResult;
  try {
    result = await ocr.recognizePdfPage(page, n, ctx.signal, budget);
  } catch (error) {
    throwIfCancelled(ctx.signal);
    // A missing language pack fails every page alike: the file fails once, with that code.
    if ((error as { code?: unknown }).code === 'OCR_LANGUAGE_MISSING') throw error;
    const chars = textChars(fallback);
    return {
      blocks: fallback,
      quality: { page: n, chars, ocr: false },
      warnings: [
        {
          code: 'OCR_FAILED',
          lossy: fallback.length === 0,
          page: n,
          message: `Page ${n} could not be recognized by OCR: ${pageFailureReason(error).replace(/^Page \d+:\s*/, '')}`,
        },
      ],
    };
  }
  const blocks = result.blocks.map((b) => ({ ...b, prov: { ...b.prov, page: n, ocr: true } }));
  const chars = textChars(blocks);
  const confidence = Math.round(result.confidence * 10) / 10;
  const reading = { confidence, words: result.words, chars };
  if (!ocrReplacesLayer(reason, reading, textChars(fallback))) {
    const kept = reason === 'invisible-text' ? [keptLayerWarning(n, confidence)] : [];
    return layerOutcome(fallback, n, kept);
  }
  const warnings: ExtractionWarning[] = [...(result.warnings ?? [])];
  if (result.words > 0 && confidence < ctx.options.ocr.minConfidence) {
    warnings.push({
      code: 'OCR_LOW_CONFIDENCE',
      lossy: false,
      page: n,
      message: `Page ${n}: OCR confidence ${Math.round(confidence)}%`,
    });
  }
  return {
    blocks,
    quality: {
      page: n,
      chars,
      ocr: true,
      confidence,
      rotation: result.rotation,
    },
    warnings,
  };
}

async function readPage(page: PDFPageProxy, n: number, state: DocumentState): Promise<PageOutcome> {
  const { ctx, pdfjs, sizes, probe } = state;
  const content = await page.getTextContent();
  const items = content.items.filter(isTextItem);
  const layerText = items.map((i) => i.str).join(' ');
  const health = textHealth(layerText);
  const groups = placeItems(items, page.getViewport({ scale: 1 }).transform);
  sizes.add(groups);

  // A full layer in a script the OCR languages cannot read is kept whatever lies under it:
  // its operators are only wanted for the warning, so its scan need not be decoded.
  const unreadLayer =
    ctx.ocr !== undefined &&
    health.chars >= SPARSE_TEXT &&
    layerScriptUnread(layerText, state.ocrScripts) !== undefined;
  let ops: OperatorSummary | null = null;
  if (needsOperatorList(health, probe)) {
    const largeImage =
      !ctx.ocr && health.chars < ALMOST_NO_TEXT
        ? await state.largeImages.paintsLargeImage(n)
        : undefined;
    const undecoded = unreadLayer ? await state.largeImages.summary(n) : null;
    ops = largeImage ? LARGE_IMAGE_PAGE : (undecoded ?? (await operatorSummary(page, pdfjs)));
    if (health.chars >= SPARSE_TEXT) probe.textPagesProbed++;
    if (mostlyInvisible(ops)) probe.invisibleSeen = true;
  }
  const reason = classifyPage(health, ops);
  const textBlocks =
    reason === 'unreadable-text'
      ? []
      : (await layoutPdfPage(page, pdfjs, groups, { bodySize: sizes.bodySize() }, n)).map((b) =>
          toBlock(b, n),
        );

  if (reason && ctx.ocr) {
    // An earlier OCR's layer in a script the OCR languages cannot read is the best text there is.
    const unread =
      reason === 'invisible-text' ? layerScriptUnread(layerText, state.ocrScripts) : undefined;
    if (unread) {
      return layerOutcome(textBlocks, n, [
        unreadScriptWarning(n, unread, ctx.options.ocr.languages),
      ]);
    }
    const recognized = await recognize(page, n, ctx, textBlocks, reason, state.ocrBudget);
    if (recognized) return recognized;
  }
  const warnings = reason ? [skippedWarning(reason, n)] : [];
  if (!reason && mostlyInvisible(ops)) warnings.push(hiddenTextWarning(n));
  return {
    blocks: textBlocks,
    quality: { page: n, chars: textChars(textBlocks), ocr: false },
    warnings,
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

function failureWarnings(failures: Array<{ page: number; reason: string }>): ExtractionWarning[] {
  const listed = failures
    .slice(0, MAX_PAGE_WARNINGS)
    .map(({ page, reason }): ExtractionWarning => ({
      code: 'PAGE_FAILED',
      lossy: true,
      page,
      message: `Page ${page} could not be read and is missing: ${reason}`,
    }));
  const rest = failures.length - listed.length;
  if (rest > 0) {
    listed.push({
      code: 'PAGE_FAILED',
      lossy: true,
      message: `${rest} more pages could not be read and are missing (pages ${failures[MAX_PAGE_WARNINGS].page}–${failures[failures.length - 1].page}).`,
    });
  }
  return listed;
}

async function readDocument(
  doc: PDFDocumentProxy,
  pdfjs: Pdfjs,
  ctx: ExtractContext,
  largeImages: LargeImageProbe,
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
    probe: { textPagesProbed: 0, invisibleSeen: false },
    ocrScripts: scriptsOfLanguages(ctx.options.ocr.languages),
    ocrBudget: fileBudget(),
    largeImages,
  };
  const blocks: Block[] = [];
  const warnings: ExtractionWarning[] = [];
  const perPage: PageQuality[] = [];
  const failures: Array<{ page: number; reason: string }> = [];
  let firstFailure: unknown;
  let pagesRead = 0;
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
    }
    ctx.onProgress?.({ page: n, pages: total });
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
  return { blocks: joinContinuedTables(blocks), metadata, quality, warnings };
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

function truncatedWarning(): ExtractionWarning {
  // pdfjs rebuilds a damaged cross-reference table silently, so what was read is real, but
  // whatever stood in the missing tail (later pages, fonts, images) cannot be vouched for.
  return {
    code: 'TRUNCATED',
    lossy: true,
    message:
      'The PDF is truncated (its end-of-file marker is missing); the text shown was recovered, but content from the missing end may be absent.',
  };
}

export const extractPdf: Extractor = async (file, ctx) => {
  throwIfCancelled(ctx.signal);
  const pdfjs = await loadPdfjs();
  const bytes = await readFile(file.path);
  // Checked now: pdfjs takes over (detaches) the buffer it is given.
  const complete = hasEndMarker(bytes);
  const password = ctx.options.password ? ctx.options.password : undefined;
  const task = pdfjs.getDocument(
    pdfjsDocumentOptions(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      password,
    ),
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
  try {
    const body = await readDocument(doc, pdfjs, ctx, largeImages);
    if (!complete) body.warnings.push(truncatedWarning());
    return body;
  } finally {
    await largeImages?.destroy();
    await doc.destroy().catch(() => undefined);
  }
};
