// DOCX extractor: check the zip package (bomb, truncation), convert the body with mammoth to
// HTML, build blocks from that HTML, and say what mammoth leaves out (headers/footers, comments,
// tracked changes, images) with warnings.
import type { ExtractionWarning } from '../../../shared/model';
import { textChars } from '../../../shared/text-chars';
import type { ExtractedBody, Extractor } from '../../engine/types';
import { readAppPageCount, readCoreProperties } from '../../zip/core-properties';
import { openOfficePackage } from '../../zip/open-office-package';
import { htmlToBlocks } from './html-to-blocks';
import { convertDocxToHtml } from './mammoth-adapter';
import { type DocxSideContent, readDocxSideContent } from './package-parts';

/**
 * Warnings for content that is not in the body. Not lossy: the body text is complete, and
 * flagging every letterhead DOCX as `partial` would bury the files that really lost text. The
 * header/footer text itself is kept in the metadata (as for running headers of PDFs).
 */
export function omissionWarnings(side: DocxSideContent, images: number): ExtractionWarning[] {
  const warnings: ExtractionWarning[] = [];
  const omitted = (message: string) =>
    warnings.push({ code: 'CONTENT_OMITTED', message, lossy: false });
  if (side.headers.length > 0 || side.footers.length > 0)
    omitted(
      'Page headers and footers are not part of the body text; they are kept in the metadata.',
    );
  if (side.comments > 0)
    omitted(
      `${side.comments} reviewer comment${side.comments === 1 ? ' is' : 's are'} not included.`,
    );
  if (side.trackedChanges)
    omitted(
      'The document has tracked changes: the text is shown with insertions accepted and deletions removed.',
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

export const extractDocx: Extractor = async (file, ctx): Promise<ExtractedBody> => {
  const pkg = await openOfficePackage(file.path, 'docx', ctx.options.limits);
  try {
    const documentPart = pkg.has('word/document.xml') ? 'word/document.xml' : 'word/document2.xml';
    const [metadata, pageCount, side] = [
      await readCoreProperties(pkg),
      await readAppPageCount(pkg),
      await readDocxSideContent(pkg, documentPart),
    ];
    ctx.onProgress?.({});
    const converted = await convertDocxToHtml(file.path);
    ctx.onProgress?.({});
    const { blocks, images } = htmlToBlocks(converted.html);
    if (pageCount !== undefined) metadata.pageCount = pageCount;
    if (side.headers.length > 0) metadata.runningHeaders = side.headers;
    if (side.footers.length > 0) metadata.runningFooters = side.footers;
    return {
      blocks,
      metadata,
      quality: { pages: pageCount ?? 0, textChars: textChars(blocks), ocrPages: 0 },
      warnings: [...omissionWarnings(side, images), ...converted.warnings],
    };
  } finally {
    pkg.close();
  }
};
