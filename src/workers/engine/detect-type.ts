// Decides what a file really is from its first bytes, not its name: a PNG named `.pdf` is an
// image, a DOCX named `.xlsx` is a DOCX, an encrypted Office file is an OLE container.
import { open } from 'node:fs/promises';
import { folioError } from '../../shared/errors';
import { OFFICE_ENCRYPTED } from '../../shared/password-advice';
import {
  extensionOf,
  formatForName,
  formatFromSignature,
  formatFromZipParts,
  type FormatSpec,
  isZipHead,
  OFFICE_FORMATS,
  startsWithSignature,
  SUPPORTED_EXTENSIONS,
  SUPPORTED_FORMATS_TEXT,
} from '../../shared/formats';
import { ZipPackage } from '../zip/zip-package';
import type { DetectedType } from './types';

const HEAD_BYTES = 8192;

/** OLE/CFB compound file: legacy .doc/.xls, or an encrypted OOXML package. */
const OLE_MAGIC = { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] };

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

function detected(format: FormatSpec): DetectedType {
  return { kind: format.kind, mime: format.mime };
}

const NOT_OFFICE_ZIP = 'A zip archive that is neither a DOCX nor an XLSX.';

/**
 * Classifies a file from its head bytes and (for zip packages) the names of its first entries.
 * Throws UNSUPPORTED_TYPE or ENCRYPTED with a plain message; never returns an unknown kind.
 */
export function detectTypeFromHead(head: Buffer, fileName: string): DetectedType {
  if (head.length === 0) throw folioError('EMPTY_FILE', 'The file is empty (0 bytes).');
  const signed = formatFromSignature(head);
  if (signed) return detected(signed);
  if (startsWithSignature(head, OLE_MAGIC)) {
    // OLE/CFB: either a password-protected OOXML (EncryptedPackage) or a legacy .doc/.xls.
    const text = head.toString('utf16le');
    if (text.includes('EncryptedPackage') || text.includes('EncryptionInfo')) {
      throw folioError('ENCRYPTED', OFFICE_ENCRYPTED);
    }
    throw folioError(
      'UNSUPPORTED_TYPE',
      'Legacy Office format (.doc/.xls, OLE container) is not supported: save it as .docx or .xlsx.',
    );
  }
  if (isZipHead(head)) {
    // A zip: look at the entry names in the first local headers to tell DOCX from XLSX.
    const names = head.toString('latin1');
    const fromParts = formatFromZipParts((folder) => names.includes(folder));
    if (fromParts) return detected(fromParts);
    // The parts we need may sit beyond the head; fall back to the extension for OOXML zips.
    const named = formatForName(fileName);
    if (named?.zipFolder !== undefined) return detected(named);
    throw folioError('UNSUPPORTED_TYPE', NOT_OFFICE_ZIP);
  }
  const ext = extensionOf(fileName);
  throw folioError(
    'UNSUPPORTED_TYPE',
    SUPPORTED_EXTENSIONS.has(ext)
      ? `The content is not a valid .${ext} file (its first bytes match no supported format).`
      : `Unsupported file type: Folio reads ${SUPPORTED_FORMATS_TEXT}.`,
  );
}

/**
 * The Office format from the zip's central directory (its part names): a full package names its
 * main part; a damaged one still has word/ or xl/ parts (the extractor then reports what is
 * missing). 'other' is a readable zip that is no Office package at all; undefined means the
 * directory cannot be read (a truncated file: the extractor reports it as CORRUPT).
 */
async function officeFormatFromDirectory(path: string): Promise<FormatSpec | 'other' | undefined> {
  let names: string[];
  try {
    const pkg = await ZipPackage.open(path);
    pkg.close();
    if (pkg.kind !== undefined) return OFFICE_FORMATS[pkg.kind];
    names = pkg.names();
  } catch {
    return undefined;
  }
  return formatFromZipParts((folder) => names.some((n) => n.startsWith(folder))) ?? 'other';
}

export async function detectType(path: string, fileName: string): Promise<DetectedType> {
  const head = await readHead(path);
  // A zip's first local headers need not name the main part; the central directory always does,
  // so a DOCX named .xlsx is a DOCX whatever order its parts were written in.
  if (isZipHead(head)) {
    const format = await officeFormatFromDirectory(path);
    if (format === 'other') throw folioError('UNSUPPORTED_TYPE', NOT_OFFICE_ZIP);
    if (format !== undefined) return detected(format);
  }
  return detectTypeFromHead(head, fileName);
}
