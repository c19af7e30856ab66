// DOCX extractor: check the zip package (bomb, truncation), make what mammoth would hide
// visible in document.xml (review marks, text box labels), convert the body with mammoth to
// HTML, build blocks from that HTML, and put the page headers and footers around them as
// labelled paragraphs. What is still left out (equations, charts, images) gets a warning.
import type { ExtractionWarning } from '../../../shared/model';
import { textChars } from '../../../shared/text-chars';
import type { ExtractedBody, Extractor } from '../../engine/types';
import { readAppPageCount, readCoreProperties } from '../../zip/core-properties';
import { openOfficePackage } from '../../zip/open-office-package';
import { type DocxComment, parseComments } from './comments-part';
import { pageMarginBlocks, readPageMargins } from './header-footer';
import { htmlToBlocks } from './html-to-blocks';
import { convertDocxToHtml } from './mammoth-adapter';
import { packageSource } from './mammoth-source';
import { type DocxSideContent, readDocxSideContent } from './package-parts';
import { markTrackedChanges, placeComments, removeCommentReferences } from './review-marks';
import { fillGridBefore } from './table-grid';
import { labelTextBoxes } from './text-boxes';

const COMMENTS_PART = 'word/comments.xml';
const COMMENT_THREADS_PART = 'word/commentsExtended.xml';
const SMALL_PART_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Warnings for content that is not in the text. Comments and tracked changes are only left out
 * when review marks are off; that is a choice, not a loss, so the file stays `ok`.
 */
export function omissionWarnings(
  side: DocxSideContent,
  images: number,
  reviewMarks: boolean,
): ExtractionWarning[] {
  const warnings: ExtractionWarning[] = [];
  const omitted = (message: string) =>
    warnings.push({ code: 'CONTENT_OMITTED', message, lossy: false });
  if (!reviewMarks && side.comments > 0)
    omitted(
      `${side.comments} reviewer comment${side.comments === 1 ? ' is' : 's are'} not included (review marks are off).`,
    );
  if (!reviewMarks && side.trackedChanges)
    omitted(
      'The document has tracked changes: the text is shown with insertions accepted and deletions removed (review marks are off).',
    );
  if (side.equations > 0) {
    // Equations are content a reviewer may need (amounts, formulas): their loss makes it partial.
    warnings.push({
      code: 'CONTENT_OMITTED',
      message: `${side.equations} equation${side.equations === 1 ? ' is' : 's are'} not included (Word math cannot be converted to text).`,
      lossy: true,
    });
  }
  if (side.charts > 0)
    omitted(
      `${side.charts} chart${side.charts === 1 ? ' is' : 's are'} not included (chart data is not body text).`,
    );
  if (images > 0)
    omitted(
      `${images} image${images === 1 ? ' is' : 's are'} not included (text only; images are not OCR'd inside DOCX).`,
    );
  return warnings;
}

/**
 * document.xml as mammoth should read it: text boxes labelled, rows that start late on the
 * table grid given their empty cells, and the marks when shown. The
 * comment reference runs go either way (their CommentReference style only made a warning).
 */
export function prepareBody(
  documentXml: string,
  review: { show: boolean; comments: ReadonlyMap<string, DocxComment> },
): string {
  const labelled = fillGridBefore(labelTextBoxes(documentXml));
  return review.show
    ? markTrackedChanges(placeComments(labelled, review.comments))
    : removeCommentReferences(labelled);
}

export const extractDocx: Extractor = async (file, ctx): Promise<ExtractedBody> => {
  const pkg = await openOfficePackage(file.path, 'docx', ctx.options.limits);
  try {
    const documentPart = pkg.has('word/document.xml') ? 'word/document.xml' : 'word/document2.xml';
    const maxPartBytes = ctx.options.limits.maxUnzippedBytes;
    const showMarks = ctx.options.docx.reviewMarks;
    const [metadata, pageCount, side] = [
      await readCoreProperties(pkg),
      await readAppPageCount(pkg),
      await readDocxSideContent(pkg, documentPart),
    ];
    // A byte-order mark before `<?xml` is legal in a part but not inside a string of XML.
    const documentXml = ((await pkg.readText(documentPart, maxPartBytes)) ?? '').replace(
      /^\uFEFF/,
      '',
    );
    const margins = await readPageMargins(pkg, documentXml);
    const comments = showMarks
      ? parseComments(
          (await pkg.readText(COMMENTS_PART, SMALL_PART_MAX_BYTES)) ?? '',
          (await pkg.readText(COMMENT_THREADS_PART, SMALL_PART_MAX_BYTES)) ?? '',
        )
      : new Map<string, DocxComment>();
    const body = prepareBody(documentXml, { show: showMarks, comments });
    ctx.onProgress?.({});
    // comments.xml stays hidden: shown comments are in the body already, hidden ones stay out.
    const converted = await convertDocxToHtml(
      packageSource(pkg, {
        replaced: new Map([[documentPart, body]]),
        hidden: new Set([COMMENTS_PART]),
        maxPartBytes,
      }),
    );
    ctx.onProgress?.({});
    const html = htmlToBlocks(converted.html);
    const { before, after } = pageMarginBlocks(margins);
    const blocks = [...before, ...html.blocks, ...after];
    if (pageCount !== undefined) metadata.pageCount = pageCount;
    return {
      blocks,
      metadata,
      quality: { pages: pageCount ?? 0, textChars: textChars(blocks), ocrPages: 0 },
      warnings: [...omissionWarnings(side, html.images, showMarks), ...converted.warnings],
    };
  } finally {
    pkg.close();
  }
};
