// The search index's tokenizer, shared by indexing, querying and highlighting so the three agree.
// Words are folded (NFKD, accents dropped, lower case). A compound — letters and digits joined by
// `- / . , : _` with no space, as in amounts, dates and references (`41,228.23`, `15/03/2024`,
// `INV-2024-4788`) — is indexed as its parts, its joined form (`4122823`, `15032024`,
// `inv20244788`) and, when it mixes letters and digits, its digits alone (`20244788`), so a query
// written with other separators, or none, still finds it.

/** A word or compound in a text, with its span (UTF-16 offsets, end exclusive). */
export interface TextToken {
  /** The folded parts: one for a plain word, several for a compound. */
  parts: string[];
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-/.,:_][\p{L}\p{N}]+)*/gu;
const SEPARATOR = /[-/.,:_]/;
const MARK = /\p{M}/gu;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;
const NON_ASCII = /[^ -~\t\n\r]/;

/** Case and accent folding: what every term of the index is made of. */
export function fold(text: string): string {
  // NFKD and mark removal leave ASCII as it is; skipping them for ASCII words (nearly all of an
  // English or German-ASCII text) halves the tokenizer's cost while indexing.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARK, '').toLowerCase();
}

/** The tokens of `text` with their spans in it. */
export function textTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  // One pass, no per-match arrays beyond the parts: this runs over every extracted text twice
  // (index terms, MinHash shingles) on the child's main thread.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const word = match[0];
    let parts: string[];
    if (!SEPARATOR.test(word)) {
      const folded = fold(word);
      parts = folded === '' ? [] : [folded];
    } else {
      parts = [];
      for (const piece of word.split(SEPARATOR)) {
        const folded = fold(piece);
        if (folded !== '') parts.push(folded);
      }
    }
    if (parts.length > 0)
      tokens.push({ parts, start: match.index, end: match.index + word.length });
  }
  return tokens;
}

/** The joined forms of a compound: all parts, and its digits alone when it mixes in letters. */
export function joinedForms(parts: readonly string[]): string[] {
  if (parts.length < 2) return [];
  const joined = parts.join('');
  const forms = [joined];
  if (LETTER.test(joined) && DIGIT.test(joined)) {
    const digits = parts.filter((p) => !LETTER.test(p)).join('');
    if (digits.length >= 4 && digits !== joined) forms.push(digits);
  }
  return forms;
}

/** Every term a token stands for in the index: its parts and its joined forms. */
export function termsOf(token: TextToken): string[] {
  return [...token.parts, ...joinedForms(token.parts)];
}

/** Appends the terms `token` stands for (`termsOf`) to `terms`. */
export function pushTerms(terms: string[], token: TextToken): void {
  for (const part of token.parts) terms.push(part);
  if (token.parts.length > 1) for (const form of joinedForms(token.parts)) terms.push(form);
}

/** The index's terms for a text (MiniSearch's `tokenize`). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of textTokens(text)) pushTerms(terms, token);
  return terms;
}
