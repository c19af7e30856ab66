// What a reviewer types into the search box, read into terms: words must all match (fuzzy for OCR
// errors when long enough), `word*` matches as a prefix, `"a phrase"` must appear in that order,
// and a compound (`41,228.23`, `INV-2024-4788`) matches by its joined form or by its parts.
import { textTokens } from './tokenize';

export interface QueryTerm {
  /** The folded parts (one for a word). */
  parts: string[];
  prefix: boolean;
  /** Part of a quoted phrase: matched exactly, never fuzzily. */
  phrase: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Each phrase's folded parts, in order (a phrase's terms are also in `terms`). */
  phrases: string[][];
}

const PHRASE = /"([^"]*)"/g;

export function parseQuery(query: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const phrases: string[][] = [];
  const add = (text: string, phrase: boolean) => {
    const tokens = textTokens(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      // `word*`: the star right after the token (a star is no token character).
      const prefix = !phrase && text[token.end] === '*';
      terms.push({ parts: token.parts, prefix, phrase });
    }
    const parts = tokens.flatMap((t) => t.parts);
    if (phrase && parts.length > 1) phrases.push(parts);
  };
  const rest = query.replace(PHRASE, (_, inner: string) => {
    add(inner, true);
    return ' ';
  });
  add(rest.replace(/"/g, ' '), false);
  return { terms, phrases };
}

/** Words with letters only, long enough that one or two edits are still the same word. */
export function fuzzyDistance(term: string): number {
  if (!/^\p{L}+$/u.test(term) || term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}
