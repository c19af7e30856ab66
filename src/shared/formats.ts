// The formats Folio reads: one table from which type detection, the walk's skip message, the CLI
// help, the report's kind-from-name and (checked by a test) the explorer menu in package.json are
// all derived, so adding a format is one row here.
import type { DocumentKind } from './model';

/** A run of bytes a file of the format starts with (at `offset`). */
export interface ByteSignature {
  bytes: readonly number[];
  offset?: number;
}

export interface FormatSpec {
  /** What the user calls it, in messages and help. */
  label: string;
  kind: DocumentKind;
  mime: string;
  /** Lower-case file extensions without the dot; the walk accepts only these. */
  extensions: readonly string[];
  /** What the first bytes look like, in words (for readers of this table and of errors). */
  magic: string;
  /** Byte signatures, any of which identifies the format; absent for zip-based formats. */
  signatures?: readonly ByteSignature[];
  /** Readers accept junk before the signature: it may start anywhere in the first N bytes. */
  signatureWithin?: number;
  /** The head must be at least this long (a BMP header is 26 bytes at the least). */
  minHeadBytes?: number;
  /** OOXML: a zip package whose part names start with this folder. */
  zipFolder?: string;
}

const ZIP_MAGIC: ByteSignature = { bytes: [0x50, 0x4b, 0x03, 0x04] };

const PDF: FormatSpec = {
  label: 'PDF',
  kind: 'pdf',
  mime: 'application/pdf',
  extensions: ['pdf'],
  magic: '%PDF- within the first 1 KB (junk before it is tolerated, as readers do)',
  signatures: [{ bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }],
  signatureWithin: 1024,
};

const DOCX: FormatSpec = {
  label: 'DOCX',
  kind: 'docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx', 'docm'],
  magic: 'a zip (PK\\3\\4) whose parts live under word/',
  zipFolder: 'word/',
};

const XLSX: FormatSpec = {
  label: 'XLSX',
  kind: 'xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx', 'xlsm'],
  magic: 'a zip (PK\\3\\4) whose parts live under xl/',
  zipFolder: 'xl/',
};

const PNG: FormatSpec = {
  label: 'PNG',
  kind: 'image',
  mime: 'image/png',
  extensions: ['png'],
  magic: '89 50 4E 47 0D 0A 1A 0A',
  signatures: [{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
};

const JPEG: FormatSpec = {
  label: 'JPEG',
  kind: 'image',
  mime: 'image/jpeg',
  extensions: ['jpg', 'jpeg'],
  magic: 'FF D8 FF',
  signatures: [{ bytes: [0xff, 0xd8, 0xff] }],
};

const TIFF: FormatSpec = {
  label: 'TIFF',
  kind: 'image',
  mime: 'image/tiff',
  extensions: ['tif', 'tiff'],
  magic: '49 49 2A 00 (little-endian) or 4D 4D 00 2A (big-endian)',
  signatures: [{ bytes: [0x49, 0x49, 0x2a, 0x00] }, { bytes: [0x4d, 0x4d, 0x00, 0x2a] }],
};

const BMP: FormatSpec = {
  label: 'BMP',
  kind: 'image',
  mime: 'image/bmp',
  extensions: ['bmp'],
  magic: '42 4D ("BM") and a header of at least 26 bytes',
  signatures: [{ bytes: [0x42, 0x4d] }],
  minHeadBytes: 26,
};

/** Detection tries the rows in this order; the first signature that matches wins. */
export const FORMATS: readonly FormatSpec[] = [PDF, DOCX, XLSX, PNG, JPEG, TIFF, BMP];

/** The OOXML formats by the package kind the zip reader finds. */
export const OFFICE_FORMATS: Readonly<Record<'docx' | 'xlsx', FormatSpec>> = {
  docx: DOCX,
  xlsx: XLSX,
};

/** Every extension Folio reads, lower-case, without the dot. */
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set(
  FORMATS.flatMap((f) => f.extensions),
);

const LABELS = FORMATS.map((f) => f.label);

/** The labels as a sentence's list: "PDF, DOCX, XLSX, PNG, JPEG, TIFF and BMP". */
export const SUPPORTED_FORMATS_TEXT = `${LABELS.slice(0, -1).join(', ')} and ${LABELS.at(-1)}`;

/** The labels as a short list: "PDF, DOCX, XLSX, PNG, JPEG, TIFF, BMP". */
export const SUPPORTED_FORMATS_LIST = LABELS.join(', ');

/**
 * The extension of a file name or relative path: what follows the last dot of the last segment,
 * lower-case; '' when there is no dot (a file named `pdf` claims no format).
 */
export function extensionOf(nameOrPath: string): string {
  const name = nameOrPath.slice(nameOrPath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format a file name claims (by extension), if it is one Folio reads. */
export function formatForName(nameOrPath: string): FormatSpec | undefined {
  const ext = extensionOf(nameOrPath);
  return FORMATS.find((f) => f.extensions.includes(ext));
}

/** The kind a file will probably be, from its extension (for reports of files never opened). */
export function kindFromName(nameOrPath: string): DocumentKind | 'unknown' {
  return formatForName(nameOrPath)?.kind ?? 'unknown';
}

function signatureAt(head: Uint8Array, signature: ByteSignature, offset: number): boolean {
  return signature.bytes.every((b, i) => head[offset + i] === b);
}

/** True when the head starts with the signature (at its offset). */
export function startsWithSignature(head: Uint8Array, signature: ByteSignature): boolean {
  return signatureAt(head, signature, signature.offset ?? 0);
}

/** True when the head starts with a zip local file header. */
export function isZipHead(head: Uint8Array): boolean {
  return startsWithSignature(head, ZIP_MAGIC);
}

function matchesSignature(head: Uint8Array, format: FormatSpec): boolean {
  if (format.minHeadBytes !== undefined && head.length < format.minHeadBytes) return false;
  return (format.signatures ?? []).some((signature) => {
    const first = signature.offset ?? 0;
    // The whole signature must lie within the window, as with indexOf on the window's bytes.
    const last =
      format.signatureWithin === undefined
        ? first
        : format.signatureWithin - signature.bytes.length;
    for (let at = first; at <= last && at + signature.bytes.length <= head.length; at++)
      if (signatureAt(head, signature, at)) return true;
    return false;
  });
}

/** The first format (in table order) whose byte signature the head carries. */
export function formatFromSignature(head: Uint8Array): FormatSpec | undefined {
  return FORMATS.find((format) => matchesSignature(head, format));
}

/** The OOXML format whose part folder is among the zip's part names. */
export function formatFromZipParts(hasFolder: (folder: string) => boolean): FormatSpec | undefined {
  return FORMATS.find((f) => f.zipFolder !== undefined && hasFolder(f.zipFolder));
}
