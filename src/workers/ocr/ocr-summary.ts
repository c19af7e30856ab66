// Per-document OCR quality from per-page results: shared by the image and PDF extractors so
// both report `ocrPages`, `ocrConfidence`, `ocrWorstPage` and OCR_LOW_CONFIDENCE the same way.
import type { Block, DocumentQuality, ExtractionWarning, PageQuality } from '../../shared/model';
import { lowConfidenceWarning } from '../../shared/low-confidence';
import { textChars } from '../../shared/text-chars';
import type { OcrWord } from '../../shared/ocr-words';

export interface OcrSummary {
  quality: Pick<DocumentQuality, 'ocrPages' | 'ocrConfidence' | 'ocrWorstPage'>;
  warnings: ExtractionWarning[];
}

/** A page with no recognized words: nothing to be unsure about, so no confidence and no warning. */
const isBlank = (page: PageQuality): boolean => page.chars === 0;

/**
 * Summarizes the OCR'd pages of one document. Blank pages count as OCR'd pages but do not pull
 * the mean down nor get a warning; pages below `minConfidence` get OCR_LOW_CONFIDENCE, lossy (its
 * text cannot be trusted, so the file is partial with the page named).
 */
export function summarizeOcrPages(perPage: PageQuality[], minConfidence: number): OcrSummary {
  const ocrPages = perPage.filter((p) => p.ocr);
  const scored = ocrPages.filter((p) => !isBlank(p) && p.confidence !== undefined);
  const quality: OcrSummary['quality'] = { ocrPages: ocrPages.length };
  if (scored.length > 0) {
    const mean = scored.reduce((sum, p) => sum + (p.confidence ?? 0), 0) / scored.length;
    quality.ocrConfidence = Math.round(mean * 10) / 10;
    const worst = scored.reduce((a, b) => ((b.confidence ?? 0) < (a.confidence ?? 0) ? b : a));
    quality.ocrWorstPage = { page: worst.page, confidence: worst.confidence ?? 0 };
  }
  const warnings: ExtractionWarning[] = scored
    .filter((p) => (p.confidence ?? 0) < minConfidence)
    .map((p) => lowConfidenceWarning(p.page, p.confidence ?? 0));
  return { quality, warnings };
}

/** The per-page quality entry for one OCR result. */
export function ocrPageQuality(
  page: number,
  result: {
    blocks: readonly Block[];
    confidence: number;
    rotation: number;
    wordBoxes?: OcrWord[];
  },
): PageQuality {
  const chars = textChars(result.blocks);
  const quality: PageQuality = {
    page,
    chars,
    ocr: true,
    confidence: result.confidence,
    rotation: result.rotation,
  };
  if (result.wordBoxes && result.wordBoxes.length > 0) quality.words = result.wordBoxes;
  return quality;
}
