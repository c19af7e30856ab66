// The engine's single entry point: one file in, one document model out (or a FolioError).
// Extractors are loaded lazily so a thread that only sees spreadsheets never loads pdfjs.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { folioError, toFolioError } from '../../shared/errors';
import type { DocumentKind, ExtractedDocument } from '../../shared/model';
import { detectType } from '../engine/detect-type';
import { sha256OfFile } from '../engine/hash-file';
import type { ExtractContext, Extractor, InputFile } from '../engine/types';

const loaders: Record<DocumentKind, () => Promise<Extractor>> = {
  pdf: async () => (await import('./pdf/extract-pdf')).extractPdf,
  docx: async () => (await import('./docx/extract-docx')).extractDocx,
  xlsx: async () => (await import('./xlsx/extract-xlsx')).extractXlsx,
  image: async () => (await import('./image/extract-image')).extractImage,
};

/** Stats the file, mapping "gone" and "not allowed" to UNREADABLE with a plain message. */
export async function statInput(filePath: string): Promise<{ size: number }> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw folioError('UNREADABLE', 'Not a regular file.');
    return { size: info.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw folioError('UNREADABLE', 'The file disappeared before it could be read.');
    if (code === 'EACCES' || code === 'EPERM')
      throw folioError('UNREADABLE', 'Permission denied: the file cannot be read.');
    throw toFolioError(error, 'UNREADABLE');
  }
}

/**
 * Extracts one file into the raw document model (not yet normalized). Every failure comes out
 * as a FolioError with a stable code; nothing else escapes.
 */
export async function extractFile(
  filePath: string,
  ctx: ExtractContext,
): Promise<ExtractedDocument> {
  try {
    const { size } = await statInput(filePath);
    if (size === 0) throw folioError('EMPTY_FILE', 'The file is empty (0 bytes).');
    if (size > ctx.options.limits.maxFileBytes) {
      throw folioError(
        'TOO_LARGE',
        `The file is ${Math.round(size / 1048576)} MB, above the ${Math.round(ctx.options.limits.maxFileBytes / 1048576)} MB limit.`,
      );
    }
    const type = await detectType(filePath, path.basename(filePath));
    const input: InputFile = { path: filePath, size, type };
    const [extractor, sha256] = await Promise.all([
      loaders[type.kind](),
      ctx.sha256 ?? sha256OfFile(filePath),
    ]);
    const body = await extractor(input, ctx);
    return { source: { path: filePath, kind: type.kind, mime: type.mime, size, sha256 }, ...body };
  } catch (error) {
    if (ctx.signal?.aborted) throw folioError('CANCELLED', 'Extraction was cancelled.', error);
    throw toFolioError(error, 'CORRUPT');
  }
}
