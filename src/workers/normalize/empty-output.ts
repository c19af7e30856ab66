// Issue 12: a document that has pages (PDF, DOCX), frames (image) or sheets (XLSX) but yields
// no text, or nearly none, has lost its content somewhere (a picture of text without OCR reading
// it, drawings, an unreadable layer). Reporting it `ok` would tell a reviewer nothing is missing,
// so it gets a lossy EMPTY_OUTPUT warning and the file is `partial`. Checked on the normalized
// blocks, so a PDF merged from page ranges is judged once, as a whole.
//
// "Nearly none" counts letters and digits, not characters: OCR specks and stray rules ('|', '.',
// '-') are not text. The floor is low on purpose: the real corpus holds complete documents of
// 4 to 18 characters ("Test", "Hello Google" at 96% confidence, "Dummy PDF file"), and calling
// those partial would teach a reviewer to ignore the warning.
import type { Block, ExtractedDocument, ExtractionWarning } from '../../shared/model';

/** Below this many letters and digits for the whole document, its output counts as empty. */
export const NEARLY_EMPTY_CHARS = 3;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

function textsOf(block: Block): string[] {
  if (block.type === 'table') return [block.caption ?? '', ...block.rows.flat()];
  return 'text' in block ? [block.text] : [];
}

/** Letters and digits in the blocks, counted only up to `limit` (enough to decide). */
function lettersAndDigits(blocks: readonly Block[], limit: number): number {
  let n = 0;
  for (const block of blocks) {
    for (const text of textsOf(block)) {
      n += text.match(LETTER_OR_DIGIT)?.length ?? 0;
      if (n >= limit) return n;
    }
  }
  return n;
}

function unitsOf(doc: ExtractedDocument): string {
  const n = doc.quality.pages;
  const unit =
    doc.source.kind === 'xlsx' ? 'sheet' : doc.source.kind === 'image' ? 'frame' : 'page';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * The EMPTY_OUTPUT warning for `doc` with these final blocks, or none. A document whose loss is
 * already named by a lossy warning (OCR turned off, a failed page) gets no second one: that
 * warning says why the output is empty.
 */
export function emptyOutputWarning(
  doc: ExtractedDocument,
  blocks: readonly Block[],
): ExtractionWarning | undefined {
  if (doc.quality.pages <= 0) return undefined;
  if (doc.warnings.some((w) => w.lossy)) return undefined;
  const chars = lettersAndDigits(blocks, NEARLY_EMPTY_CHARS);
  if (chars >= NEARLY_EMPTY_CHARS) return undefined;
  const found =
    chars === 0
      ? 'no text'
      : chars === 1
        ? 'only 1 letter or digit'
        : `only ${chars} letters or digits`;
  return {
    code: 'EMPTY_OUTPUT',
    message: `The document has ${unitsOf(doc)} but ${found} could be extracted: its content may be pictures, drawings or text that could not be read; check the original.`,
    lossy: true,
  };
}
