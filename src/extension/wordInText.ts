// Where an OCR'd word of a page is in that page's text, for a click on its box in the source
// panel. The text is the normalized output (lines joined, hyphens undone, Markdown escapes), so
// words are compared without case and surrounding punctuation; among several same words, the
// one whose place in the text is nearest the word's place among the page's words wins (the k-th
// "Total" of the page is the k-th in the text when both have as many). Pure (no vscode import).

export interface TextSpan {
  /** Offsets into the page text, end exclusive. */
  start: number;
  end: number;
}

interface Token extends TextSpan {
  key: string;
  /** Position among the page's tokens. */
  index: number;
}

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const keyOf = (word: string): string => word.normalize('NFKC').toLowerCase().replace(EDGE, '');

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const raw = match[0];
    const key = keyOf(raw);
    if (!key) continue;
    // The span of the word itself, without the punctuation or Markdown around it.
    const lead = raw.length - raw.replace(/^[^\p{L}\p{N}]+/u, '').length;
    const trail = raw.length - raw.replace(/[^\p{L}\p{N}]+$/u, '').length;
    const start = match.index + lead;
    tokens.push({ start, end: match.index + raw.length - trail, key, index: tokens.length });
  }
  return tokens;
}

function nearest(candidates: Token[], expected: number): Token | undefined {
  let best: Token | undefined;
  for (const t of candidates) {
    if (!best || Math.abs(t.index - expected) < Math.abs(best.index - expected)) best = t;
  }
  return best;
}

/**
 * The span in `pageText` of `words[index]` (the page's OCR'd words in reading order), or
 * undefined when the text has nothing like it.
 */
export function findWordInPage(
  pageText: string,
  words: readonly string[],
  index: number,
): TextSpan | undefined {
  const word = words[index];
  const key = word === undefined ? '' : keyOf(word);
  if (!key) return undefined;
  const tokens = tokensOf(pageText);
  if (tokens.length === 0) return undefined;
  const keys = words.map(keyOf);
  const matches = tokens.filter((t) => t.key === key);
  const sameInWords = keys.filter((k) => k === key).length;
  const found =
    matches.length > 0 && matches.length === sameInWords
      ? matches[keys.slice(0, index).filter((k) => k === key).length]
      : undefined;
  // Otherwise by place: the word's share of the way through the page's words.
  const expected = words.length > 1 ? (index * (tokens.length - 1)) / (words.length - 1) : 0;
  // A word the text joined with another (a hyphenated line end) still matches inside it.
  const choice =
    found ??
    nearest(matches, expected) ??
    nearest(
      tokens.filter((t) => t.key.includes(key)),
      expected,
    );
  return choice && { start: choice.start, end: choice.end };
}
