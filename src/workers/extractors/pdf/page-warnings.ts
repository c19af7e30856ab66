// The warnings a PDF page or file can carry, each a sentence a reviewer can act on: kept apart
// from the page reading so the reasons read in one place.
import type { ExtractionWarning } from '../../../shared/model';
import { languageForScript, type Script } from '../../ocr/scripts';
import type { OcrReason } from './page-classify';

/** PAGE_FAILED warnings listed one by one; further failures are summed up in one more. */
const MAX_PAGE_WARNINGS = 20;

export function skippedWarning(reason: OcrReason, page: number): ExtractionWarning {
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

export function hiddenTextWarning(page: number): ExtractionWarning {
  return {
    code: 'INVISIBLE_TEXT',
    lossy: false,
    page,
    message: `Page ${page} holds text that is not drawn on the page (invisible, over no scanned image); it was kept, but a reader of the PDF does not see it.`,
  };
}

export function unreadScriptWarning(
  page: number,
  script: Script,
  languages: string[],
): ExtractionWarning {
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

export function keptLayerWarning(page: number, confidence: number): ExtractionWarning {
  return {
    code: 'INVISIBLE_TEXT',
    lossy: false,
    page,
    message: `Page ${page} has an invisible text layer (left by an earlier OCR); a fresh OCR read the page no better (confidence ${Math.round(confidence)}%), so the layer was kept.`,
  };
}

export function failureWarnings(
  failures: Array<{ page: number; reason: string }>,
): ExtractionWarning[] {
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

export function truncatedWarning(): ExtractionWarning {
  // pdfjs rebuilds a damaged cross-reference table silently, so what was read is real, but
  // whatever stood in the missing tail (later pages, fonts, images) cannot be vouched for.
  return {
    code: 'TRUNCATED',
    lossy: true,
    message:
      'The PDF is truncated (its end-of-file marker is missing); the text shown was recovered, but content from the missing end may be absent.',
  };
}
