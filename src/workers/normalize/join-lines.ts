// Paragraph text from PDFs carries the page's line breaks; a reader wants flowing text.

// Han, Hiragana, Katakana, Hangul: scripts written without spaces between words.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Joins the lines of one paragraph with single spaces (none between two CJK characters, which are
 * written without spaces). Run de-hyphenation first.
 */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(/[ \t]*\n+[ \t]*/g, (_sep: string, offset: number, whole: string) => {
    const before = whole.charAt(offset - 1);
    const after = whole.charAt(offset + _sep.length);
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}

/** Splits text at blank lines into its paragraphs (non-empty, in order). */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n(?:[ \t]*\n)+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
