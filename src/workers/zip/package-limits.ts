// Zip-bomb guard, decided from the central directory alone (nothing is inflated): the sum of the
// declared uncompressed sizes, the number of entries, and compression ratios that only
// degenerate data (a run of zeros) reaches. A package that lies about its sizes is still caught
// while inflating: yauzl validates every entry's real size against its declaration.
import { folioError } from '../../shared/errors';
import type { ZipEntryInfo } from './zip-package';

export interface PackageLimits {
  maxUnzippedBytes: number;
}

/** Real Office parts stay far below this; DEFLATE's ceiling is about 1032:1. */
export const MAX_COMPRESSION_RATIO = 1000;
/** Small parts may be highly compressible (a tiny XML of spaces); only large ones count. */
export const RATIO_CHECK_MIN_BYTES = 16 * 1024 * 1024;
/** Far beyond any real DOCX/XLSX, which hold tens to a few thousand parts. */
export const MAX_ENTRIES = 50_000;

function mb(bytes: number): string {
  return `${Math.round(bytes / 1048576).toLocaleString('en-US')} MB`;
}

/** Throws TOO_LARGE (with the limit in the message) or ENCRYPTED; returns the declared total. */
export function checkPackageLimits(
  entries: Iterable<ZipEntryInfo>,
  limits: PackageLimits,
  label: string,
): number {
  const list = [...entries];
  const encrypted = list.find((e) => e.encrypted);
  if (encrypted !== undefined) {
    throw folioError(
      'ENCRYPTED',
      `The ${label} uses zip encryption (part ${encrypted.name}): Folio cannot open it.`,
    );
  }
  if (list.length > MAX_ENTRIES) {
    throw folioError(
      'TOO_LARGE',
      `The ${label} holds ${list.length.toLocaleString('en-US')} parts, above the ${MAX_ENTRIES.toLocaleString('en-US')} limit; it was not unpacked.`,
    );
  }
  const total = list.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUnzippedBytes) {
    throw folioError(
      'TOO_LARGE',
      `The ${label} would unpack to ${mb(total)}, above the ${mb(limits.maxUnzippedBytes)} limit; it was not unpacked.`,
    );
  }
  for (const entry of list) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      throw folioError(
        'TOO_LARGE',
        `The ${label} looks like a zip bomb: part ${entry.name} would inflate ${Math.round(ratio)}× to ${mb(entry.uncompressedSize)}; it was not unpacked.`,
      );
    }
  }
  return total;
}
