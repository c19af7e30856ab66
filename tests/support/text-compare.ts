// Compares extracted text with ground truth by content, not layout: Markdown syntax, page
// markers and whitespace are folded away before measuring.
import { distance } from 'fastest-levenshtein';
import { stripFrontMatter } from '../../src/workers/render/markdown-front';

/**
 * Strips Markdown/HTML syntax and folds whitespace so two texts compare by their words. Folio's own
 * title and summary block (file name, kind, OCR quality, warnings) is not document content: gone.
 */
export function textForCompare(text: string): string {
  return stripFrontMatter(text)
    .normalize('NFKC')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s*#{1,6}\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, ' ')
    .replace(/\|/g, ' ')
    .replace(/^\s*([-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Character error rate: edit distance / expected length, after `textForCompare` on both. */
export function characterErrorRate(expected: string, actual: string): number {
  const e = textForCompare(expected);
  const a = textForCompare(actual);
  if (e.length === 0) return a.length === 0 ? 0 : 1;
  return distance(e, a) / e.length;
}

function words(text: string): string[] {
  return textForCompare(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Share of the expected words (as a multiset) found in the actual text: order-insensitive. */
export function wordRecall(expected: string, actual: string): number {
  const want = words(expected);
  if (want.length === 0) return 1;
  const have = new Map<string, number>();
  for (const w of words(actual)) have.set(w, (have.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      found++;
      have.set(w, n - 1);
    }
  }
  return found / want.length;
}
