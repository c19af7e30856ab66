// One PDF page → blocks: its text layer laid out in reading order, or, when the layer is missing,
// unreadable or an earlier OCR's, an OCR reading that replaces it only when it is better.
import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { folioError } from '../../../shared/errors';
import type { Block, ExtractionWarning, PageQuality } from '../../../shared/model';
import { lowConfidenceWarning } from '../../../shared/low-confidence';
import { textChars } from '../../../shared/text-chars';
import type { ExtractContext, OcrBudget, OcrPageResult } from '../../engine/types';
import type { Script } from '../../ocr/scripts';
import { ocrPageBlocks } from '../ocr-layout/ocr-page-blocks';
import type { FontWeights } from './font-names';
import type { ImageDocument } from './image-document';
import { LARGE_IMAGE_PAGE, type LargeImageProbe } from './large-image-probe';
import type { Pdfjs } from './load-pdfjs';
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
  type TextHealth,
} from './page-classify';
import {
  hiddenTextWarning,
  keptLayerWarning,
  skippedWarning,
  unreadScriptWarning,
} from './page-warnings';
import type { HeadingStyle } from './paragraphs';
import { pageFailureReason } from './pdf-errors';
import { layoutPdfPage } from './tables/page-segments';
import type { PageBlock } from './tables/page-layout';
import { placeItems } from './text-items';
import { fontsToWeigh } from './weight-candidates';
import type { FontSizeStats } from './text-layout';

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw folioError('CANCELLED', 'Extraction was cancelled.');
}

function isTextItem(item: unknown): item is TextItem {
  return typeof (item as { str?: unknown }).str === 'string';
}

/** A layout block in the model; a heading's style goes to `headings`, for its final level. */
function toBlock(block: PageBlock, page: number, headings: WeakMap<Block, HeadingStyle>): Block {
  if (block.type !== 'heading') return { ...block, prov: { page } };
  const { style, ...heading } = block;
  const out: Block = { ...heading, prov: { page } };
  headings.set(out, style);
  return out;
}

function fontIdsOf(items: readonly TextItem[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) if (item.fontName && item.str.trim()) ids.add(item.fontName);
  return ids;
}

/** What reading one page produced. */
export interface PageOutcome {
  blocks: Block[];
  quality: PageQuality;
  warnings: ExtractionWarning[];
}

/** Per-document state that reading a page updates. */
export interface DocumentState {
  pdfjs: Pdfjs;
  ctx: ExtractContext;
  sizes: FontSizeStats;
  /** Which fonts are bold, learnt as pages use them. */
  fonts: FontWeights;
  /** The style of every text-layer heading made, ranked into levels when the document is read. */
  headings: WeakMap<Block, HeadingStyle>;
  probe: ProbeState;
  /** The scripts the OCR languages read. */
  ocrScripts: ReadonlySet<Script>;
  /** Retry passes this file's OCR pages may still take. */
  ocrBudget: OcrBudget;
  /** Answers about large images without decoding them (see LargeImageProbe). */
  largeImages: LargeImageProbe;
  /** The pages with their images, for the pages whose images matter. */
  images: ImageDocument;
}

async function operatorSummary(page: PDFPageProxy, pdfjs: Pdfjs): Promise<OperatorSummary | null> {
  try {
    // Same intent and annotation mode as page.render's defaults, so an OCR render that follows
    // (on an ImageDocument page) or the table detector (on a text page) reuses this list.
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

/**
 * What the OCR decision needs of page `n`'s operators. A page with plenty of text can only be an
 * earlier OCR's layer over a scan, and only when most of its glyphs are invisible: its glyphs are
 * counted on the text page's list (no image decoded, and the table detector reuses it), its
 * images looked at only then. A sparse page may be a scan: its images are looked at at once.
 */
async function pageOperators(
  page: PDFPageProxy,
  n: number,
  health: TextHealth,
  unreadLayer: boolean,
  state: DocumentState,
): Promise<OperatorSummary | null> {
  const { ctx, pdfjs, largeImages, images } = state;
  if (health.chars >= SPARSE_TEXT) {
    const glyphs = await operatorSummary(page, pdfjs);
    if (!mostlyInvisible(glyphs)) return glyphs;
    // A layer in a script the OCR languages cannot read is kept anyway: no need to decode its scan.
    const undecoded = unreadLayer ? await largeImages.summary(n) : null;
    return undecoded ?? (await operatorSummary(await images.page(n, page), pdfjs));
  }
  if (!ctx.ocr && health.chars < ALMOST_NO_TEXT && (await largeImages.paintsLargeImage(n)))
    return LARGE_IMAGE_PAGE;
  return operatorSummary(await images.page(n, page), pdfjs);
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
  // Table boxes in points, as the text layer's are (word boxes stay fractions of the page).
  const { width, height } = page.getViewport({ scale: 1 });
  const blocks = ocrPageBlocks(result, n, { width, height }).map((b) => ({
    ...b,
    prov: { ...b.prov, page: n, ocr: true },
  }));
  const chars = textChars(blocks);
  const confidence = Math.round(result.confidence * 10) / 10;
  const reading = { confidence, words: result.words, chars };
  if (!ocrReplacesLayer(reason, reading, textChars(fallback))) {
    const kept = reason === 'invisible-text' ? [keptLayerWarning(n, confidence)] : [];
    return layerOutcome(fallback, n, kept);
  }
  const warnings: ExtractionWarning[] = [...(result.warnings ?? [])];
  if (result.words > 0 && confidence < ctx.options.ocr.minConfidence) {
    warnings.push(lowConfidenceWarning(n, confidence));
  }
  return {
    blocks,
    quality: {
      page: n,
      chars,
      ocr: true,
      confidence,
      rotation: result.rotation,
      ...(result.wordBoxes?.length ? { words: result.wordBoxes } : {}),
    },
    warnings,
  };
}

export async function readPage(
  page: PDFPageProxy,
  n: number,
  state: DocumentState,
): Promise<PageOutcome> {
  const { ctx, pdfjs, sizes, probe } = state;
  const content = await page.getTextContent();
  const items = content.items.filter(isTextItem);
  const layerText = items.map((i) => i.str).join(' ');
  const health = textHealth(layerText);
  const viewport = page.getViewport({ scale: 1 }).transform;
  const isBold = (id: string | undefined) => state.fonts.isBold(id);
  let groups = placeItems(items, viewport, isBold);
  if ([...fontsToWeigh(groups)].some((id) => !state.fonts.knows(id))) {
    await state.fonts.learn(page, fontIdsOf(items));
    groups = placeItems(items, viewport, isBold);
  }
  sizes.add(groups);

  // A full layer in a script the OCR languages cannot read is kept whatever lies under it:
  // its operators are only wanted for the warning (see pageOperators).
  const unreadLayer =
    ctx.ocr !== undefined &&
    health.chars >= SPARSE_TEXT &&
    layerScriptUnread(layerText, state.ocrScripts) !== undefined;
  let ops: OperatorSummary | null = null;
  if (needsOperatorList(health, probe)) {
    ops = await pageOperators(page, n, health, unreadLayer, state);
    if (health.chars >= SPARSE_TEXT) probe.textPagesProbed++;
    if (mostlyInvisible(ops)) probe.invisibleSeen = true;
  }
  const reason = classifyPage(health, ops);
  const textBlocks =
    reason === 'unreadable-text'
      ? []
      : (await layoutPdfPage(page, pdfjs, groups, { bodySize: sizes.bodySize() }, n)).map((b) =>
          toBlock(b, n, state.headings),
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
    const recognized = await recognize(
      await state.images.page(n, page),
      n,
      ctx,
      textBlocks,
      reason,
      state.ocrBudget,
    );
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
