// The PDF Info dictionary (with XMP as a fallback for the title) → Folio's metadata fields.
import type { DocumentMetadata } from '../../../shared/model';

const PDF_DATE =
  /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz+-])\s*(\d{2})?'?\s*(\d{2})?'?)?/;

/**
 * Parses a PDF date string ("D:YYYYMMDDHHmmSSOHH'mm'", every part after the year optional)
 * into ISO 8601 UTC. Returns undefined for anything that is not a real date.
 */
export function parsePdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = PDF_DATE.exec(value.trim());
  if (!m) return undefined;
  const num = (s: string | undefined, fallback: number) => (s === undefined ? fallback : Number(s));
  const year = num(m[1], 0);
  const month = num(m[2], 1);
  const day = num(m[3], 1);
  const hour = num(m[4], 0);
  const minute = num(m[5], 0);
  const second = num(m[6], 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  let offsetMinutes = 0;
  if (m[7] === '+' || m[7] === '-') {
    const sign = m[7] === '+' ? 1 : -1;
    offsetMinutes = sign * (num(m[8], 0) * 60 + num(m[9], 0));
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const date = new Date(utc);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1000) return undefined;
  return date.toISOString();
}

function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Some producers pad with NULs or leave a BOM in the decoded string.
  const text = value
    .replace(/[\p{Cc}\ufeff]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 0 ? text : undefined;
}

/** Builds metadata from pdfjs's `info` dictionary and an optional XMP title. */
export function metadataFromInfo(
  info: Record<string, unknown> | undefined,
  pageCount: number,
  xmpTitle?: unknown,
): DocumentMetadata {
  const meta: DocumentMetadata = { pageCount };
  const title = cleanText(info?.Title) ?? cleanText(xmpTitle);
  const author = cleanText(info?.Author);
  const subject = cleanText(info?.Subject);
  const created = parsePdfDate(info?.CreationDate);
  const modified = parsePdfDate(info?.ModDate);
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (subject) meta.subject = subject;
  if (created) meta.created = created;
  if (modified) meta.modified = modified;
  // pdfjs names the security handler for any encrypted PDF, owner-password-only ones included.
  if (info?.EncryptFilterName) meta.encrypted = true;
  return meta;
}
