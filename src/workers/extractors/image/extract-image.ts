// Image extractor: PNG, JPEG, BMP and TIFF (one page per frame). Dimensions are checked from
// the header before any pixel is decoded; each frame then goes to OCR when it is enabled.
import { readFile } from 'node:fs/promises';
import { folioError } from '../../../shared/errors';
import type { Block, ExtractionWarning, PageQuality } from '../../../shared/model';
import { textChars } from '../../../shared/text-chars';
import type { ExtractedBody, Extractor } from '../../engine/types';
import { ocrPageQuality, summarizeOcrPages } from '../../ocr/ocr-summary';
import { fileBudget } from '../../ocr/page-passes';
import { ocrPageBlocks } from '../ocr-layout/ocr-page-blocks';
import { decodeFrames } from './decode-image';
import { checkFrameSizes, readFrameSizes } from './image-header';

export const extractImage: Extractor = async (file, ctx) => {
  const bytes = await readFile(file.path);
  const frames = readFrameSizes(bytes, file.type.mime);
  checkFrameSizes(frames, ctx.options.limits.maxImagePixels);
  const pages = frames.length;
  const blocks: Block[] = [];
  const perPage: PageQuality[] = [];
  const warnings: ExtractionWarning[] = [];

  if (!ctx.ocr) {
    warnings.push({
      code: 'OCR_SKIPPED',
      message: `OCR is turned off, so the text of this image (${pages} page${pages > 1 ? 's' : ''}) was not read.`,
      lossy: true,
    });
    return {
      blocks,
      metadata: { pageCount: pages },
      quality: { pages, textChars: 0, ocrPages: 0 },
      warnings,
    };
  }

  let page = 0;
  const budget = fileBudget();
  for await (const frame of decodeFrames(bytes, file.type.mime)) {
    page++;
    ctx.signal?.throwIfAborted();
    ctx.onProgress?.({ page, pages });
    const result = await ctx.ocr.recognizeImage(frame, page, ctx.signal, budget);
    warnings.push(...(result.warnings ?? []));
    if (pages > 1) blocks.push({ type: 'pageBreak', page, prov: { page } });
    blocks.push(...ocrPageBlocks(result, page, frame));
    perPage.push(ocrPageQuality(page, result));
  }
  if (page === 0) throw folioError('CORRUPT', 'The image holds no decodable frame.');
  ctx.onProgress?.({ page: pages, pages });

  const summary = summarizeOcrPages(perPage, ctx.options.ocr.minConfidence);
  const body: ExtractedBody = {
    blocks,
    metadata: { pageCount: pages },
    quality: {
      pages,
      textChars: textChars(blocks),
      ...summary.quality,
      perPage,
    },
    warnings: [...warnings, ...summary.warnings],
  };
  return body;
};
