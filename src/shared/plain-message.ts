// Messages a reviewer reads never show a library's own error text ("Cannot read properties of
// undefined (reading 'anchors')", "Illegal character: 41", "Invalid PDF structure"): such text is
// moved to the report's `detail`, and the message keeps Folio's own sentence, or gets a plain one
// for its code when it had none. Pure; applied to every report entry (report-builder.ts), so
// entries from any extractor, thread, child or older cache entry read the same.
import type { ErrorCode } from './errors';

/** Shapes of text that come from a library or the runtime, not from Folio. */
const RAW_PATTERNS: readonly RegExp[] = [
  /Cannot (?:read|set) propert(?:y|ies) of (?:undefined|null)/,
  /\bis not (?:a function|defined|iterable|a constructor)\b/,
  /\b(?:TypeError|RangeError|SyntaxError|ReferenceError|FormatError|InvalidPDFException|UnknownErrorException|AbortException)\b/,
  /\bIllegal character\b/,
  /\bInvalid PDF structure\b/,
  /\b(?:Invalid|Bad) (?:XRef|FCHECK|FDICT|encoding|block type|root reference|header)\b/i,
  /\bUnexpected (?:token|end of (?:data|input|stream|JSON))\b/i,
  /\bEnd of data reached\b/i,
  /\bMaximum call stack size exceeded\b/,
  /\binvalid (?:distance|code lengths|literal\/lengths|stored block lengths)\b/i,
  /\b(?:end of central directory|central directory)\b/i,
  /\bE[A-Z]{3,9}: [a-z]/,
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/,
];

export function isRawLibraryText(text: string): boolean {
  return RAW_PATTERNS.some((pattern) => pattern.test(text));
}

/** A plain sentence per code, for a message that was nothing but a library's error. */
const PLAIN_BY_CODE: Partial<Record<ErrorCode | string, string>> = {
  CORRUPT: 'The file is damaged or truncated and cannot be read.',
  UNREADABLE: 'The file cannot be read.',
  OCR_FAILED: 'Text recognition (OCR) failed on this file.',
  PAGE_FAILED: 'A page could not be read.',
  INTERNAL:
    'Folio met an unexpected problem with this file; the technical detail is in the report.',
};

const GENERIC = 'The file could not be read completely; the technical detail is in the report.';

/**
 * Splits a message into Folio's sentence and the raw detail. `Sentence: raw` keeps `Sentence.`;
 * a message that is all raw text gets the plain sentence for `code`. Messages without raw text
 * are returned as they are.
 */
export function plainMessage(
  message: string,
  code: string | undefined,
): { message: string; detail?: string } {
  if (!isRawLibraryText(message)) return { message };
  // Folio's sentences end where the library's text begins: at the first ': ' before the raw part.
  const colon = message.indexOf(': ');
  if (colon > 0) {
    const own = message.slice(0, colon).trim();
    const rest = message.slice(colon + 2).trim();
    if (!isRawLibraryText(own) && isRawLibraryText(rest) && /\s/.test(own)) {
      return { message: `${own.replace(/[.:;,]$/, '')}.`, detail: rest };
    }
  }
  return { message: (code && PLAIN_BY_CODE[code]) ?? GENERIC, detail: message };
}
