// Decides what a file really is from its first bytes, not its name: a PNG named `.pdf` is an
// image, a DOCX named `.xlsx` is a DOCX, an encrypted Office file is an OLE container.
import { open } from 'node:fs/promises';
import { folioError } from '../../shared/errors';
import { type OfficePackageKind, ZipPackage } from '../zip/zip-package';
import type { DetectedType } from './types';

const HEAD_BYTES = 8192;

function startsWith(head: Buffer, bytes: number[], offset = 0): boolean {
  return bytes.every((b, i) => head[offset + i] === b);
}

/** Reads the first bytes of a file. */
export async function readHead(path: string, length = HEAD_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Classifies a file from its head bytes and (for zip packages) the names of its first entries.
 * Throws UNSUPPORTED_TYPE or ENCRYPTED with a plain message; never returns an unknown kind.
 */
export function detectTypeFromHead(head: Buffer, fileName: string): DetectedType {
  if (head.length === 0) throw folioError('EMPTY_FILE', 'The file is empty (0 bytes).');
  // PDF: the header may be preceded by up to 1 KB of junk, which readers tolerate.
  const pdfAt = head.subarray(0, 1024).indexOf('%PDF-');
  if (pdfAt >= 0) return { kind: 'pdf', mime: 'application/pdf' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mime: 'image/png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: 'image', mime: 'image/tiff' };
  if (startsWith(head, [0x42, 0x4d]) && head.length >= 26)
    return { kind: 'image', mime: 'image/bmp' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE/CFB: either a password-protected OOXML (EncryptedPackage) or a legacy .doc/.xls.
    const text = head.toString('utf16le');
    if (text.includes('EncryptedPackage') || text.includes('EncryptionInfo')) {
      throw folioError(
        'ENCRYPTED',
        'Password-protected Office document: open it in Office, remove the password, and extract again.',
      );
    }
    throw folioError(
      'UNSUPPORTED_TYPE',
      'Legacy Office format (.doc/.xls, OLE container) is not supported: save it as .docx or .xlsx.',
    );
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: look at the entry names in the first local headers to tell DOCX from XLSX.
    const names = head.toString('latin1');
    if (names.includes('word/')) {
      return {
        kind: 'docx',
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      };
    }
    if (names.includes('xl/')) {
      return {
        kind: 'xlsx',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    }
    // The parts we need may sit beyond the head; fall back to the extension for OOXML zips.
    const lower = fileName.toLowerCase();
    if (lower.endsWith('.docx') || lower.endsWith('.docm'))
      return {
        kind: 'docx',
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      };
    if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm'))
      return {
        kind: 'xlsx',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    throw folioError('UNSUPPORTED_TYPE', 'A zip archive that is neither a DOCX nor an XLSX.');
  }
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  throw folioError(
    'UNSUPPORTED_TYPE',
    SUPPORTED_EXTENSIONS.has(ext)
      ? `The content is not a valid .${ext} file (its first bytes match no supported format).`
      : 'Unsupported file type: Folio reads PDF, DOCX, XLSX, PNG, JPEG, TIFF and BMP.',
  );
}

export const SUPPORTED_EXTENSIONS = new Set([
  'pdf',
  'docx',
  'docm',
  'xlsx',
  'xlsm',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
  'bmp',
]);

const OFFICE_TYPES: Record<OfficePackageKind, DetectedType> = {
  docx: {
    kind: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    kind: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};

/**
 * The package kind from the zip's central directory (its part names): a full package names its
 * main part; a damaged one still has word/ or xl/ parts (the extractor then reports what is
 * missing). 'other' is a readable zip that is no Office package at all; undefined means the
 * directory cannot be read (a truncated file: the extractor reports it as CORRUPT).
 */
async function officeKindFromDirectory(
  path: string,
): Promise<OfficePackageKind | 'other' | undefined> {
  let names: string[];
  try {
    const pkg = await ZipPackage.open(path);
    pkg.close();
    if (pkg.kind !== undefined) return pkg.kind;
    names = pkg.names();
  } catch {
    return undefined;
  }
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return 'other';
}

export async function detectType(path: string, fileName: string): Promise<DetectedType> {
  const head = await readHead(path);
  // A zip's first local headers need not name the main part; the central directory always does,
  // so a DOCX named .xlsx is a DOCX whatever order its parts were written in.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const kind = await officeKindFromDirectory(path);
    if (kind === 'other')
      throw folioError('UNSUPPORTED_TYPE', 'A zip archive that is neither a DOCX nor an XLSX.');
    if (kind !== undefined) return OFFICE_TYPES[kind];
  }
  return detectTypeFromHead(head, fileName);
}
