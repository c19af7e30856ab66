// Line endings and control characters: the first pass over any extracted string, so that every
// later step can assume `\n` is the only line break and no invisible control bytes remain.

/**
 * Turns every line-break convention into `\n`: CRLF and lone CR (old Mac, some PDFs), vertical tab
 * and form feed (Word's manual line break, page feeds), Unicode LINE SEPARATOR; PARAGRAPH SEPARATOR
 * becomes a blank line because it ends a paragraph.
 */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?|[\v\f\u2028]/g, '\n').replace(/\u2029/g, '\n\n');
}

// C0 controls except \t (9) and \n (10), DEL, and the C1 range: never meaningful in review text,
// and pdfjs emits them for glyphs it cannot map (e.g. `\u0002` bullets, `\u0004` QED boxes).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes control characters, keeping tabs and line feeds (run `normalizeLineEndings` first). */
export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}
