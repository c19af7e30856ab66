// The one OCR_LOW_CONFIDENCE warning for a PDF page and an image frame alike (issue 12): a page
// read below the confidence floor is lost content a reviewer cannot trust, so it is lossy and
// the file is `partial` with the page named, not `ok` with a note.
import type { ExtractionWarning } from './model';

export function lowConfidenceWarning(page: number, confidence: number): ExtractionWarning {
  return {
    code: 'OCR_LOW_CONFIDENCE',
    message: `Page ${page} read at ${Math.round(confidence)}% confidence: its text may be wrong or missing; check it against the original.`,
    lossy: true,
    page,
  };
}
