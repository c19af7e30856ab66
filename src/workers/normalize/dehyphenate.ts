// De-hyphenation of words broken across lines ("docu-\nment" → "document") without eating real
// hyphens ("co-operate", "2019-2020", "self-\npublishing").
//
// Rule, applied to each line that ends in a hyphen (`-` or U+2010) right after a word character:
//  1. The next line does not start with a lowercase letter (digit, capital, symbol): the hyphen is
//     real ("2019-\n2020", "Jean-\nPierre", "COVID-\n19"): keep it, join without a space.
//  2. The document itself decides when it can: if it contains the hyphenated compound on one line
//     elsewhere ("work-hour"), keep the hyphen; else if it contains the joined word ("document"),
//     join without the hyphen.
//  3. Otherwise keep the hyphen when the fragment before it looks like a compound element: an
//     acronym or number ("FAA-\napproved", "3D-\nprinted"), part of an already hyphenated or
//     dotted token ("state-of-the-\nart", "www.pilatus-\naircraft.com"), one of a few prefixes that
//     take a hyphen (self-, non-, well-, …), or when the continuation is a common suffix element
//     ("risk-\nbased", "tax-\nfree").
//  4. Otherwise the hyphen was the typesetter's: join without it ("Übungsauf-\ngaben").

/** Words and hyphenated compounds seen in a document, all lowercased. */
export interface Vocabulary {
  words: ReadonlySet<string>;
  compounds: ReadonlySet<string>;
}

// A word, or a hyphenated compound of words, on one line. One greedy pass, no backtracking.
const WORD_OR_COMPOUND = /[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*/gu;

/** Collects the document's words and one-line hyphenated compounds (`a-b` and each `a-b` pair). */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const text of texts) {
    for (const m of text.toLowerCase().matchAll(WORD_OR_COMPOUND)) {
      const token = m[0];
      if (!/[-\u2010]/.test(token)) {
        words.add(token);
        continue;
      }
      const parts = token.split(/[-\u2010]/);
      for (const part of parts) words.add(part);
      for (let i = 0; i + 1 < parts.length; i++) compounds.add(`${parts[i]}-${parts[i + 1]}`);
    }
  }
  return { words, compounds };
}

export const EMPTY_VOCABULARY: Vocabulary = { words: new Set(), compounds: new Set() };

/** True when a text has a line ending in a hyphen, i.e. when de-hyphenation has work to do. */
export function hasHyphenatedLineBreak(text: string): boolean {
  return text.includes('-\n') || text.includes('\u2010\n');
}

// Kept short on purpose: prefixes like pre-, co-, ex- also start ordinary words that typesetters
// break right after them ("pre-\nvious", "ex-\nample"), where keeping the hyphen would be wrong.
const HYPHEN_PREFIXES = new Set(['self', 'non', 'well', 'half', 'cross', 'quasi', 'ci']);

// Whole words that end a compound; "known" and "like" are left out ("un-\nknown", "dis-\nlike").
const SUFFIX_ELEMENTS = new Set([
  'based',
  'related',
  'free',
  'wide',
  'owned',
  'specific',
  'level',
  'scale',
  'term',
  'oriented',
  'driven',
  'made',
  'sized',
  'style',
  'friendly',
]);

const LINE_END_HYPHEN = /[-\u2010]\n/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function keepsHyphen(token: string, head: string, tail: string, vocab: Vocabulary): boolean {
  const first = tail.charAt(0);
  if (first === '' || first === first.toUpperCase()) return true; // rule 1 (also digits, symbols)
  const h = head.toLowerCase();
  const t = tail.toLowerCase();
  if (vocab.compounds.has(`${h}-${t}`)) return true; // rule 2
  if (vocab.words.has(h + t)) return false;
  if (/[-\u2010./@:]/.test(token)) return true; // rule 3
  if (/\p{N}/u.test(head) || (head.length >= 2 && head === head.toUpperCase())) return true;
  return HYPHEN_PREFIXES.has(h) || SUFFIX_ELEMENTS.has(t);
}

/**
 * Joins words broken across lines at a hyphen, following the rule above; the line break itself is
 * removed in both cases (the two halves belong to one word). Other line breaks are left alone.
 * Scans only around each hyphen-newline, so it stays linear on long texts.
 */
export function joinHyphenatedLineBreaks(
  text: string,
  vocab: Vocabulary = EMPTY_VOCABULARY,
): string {
  if (!text.includes('\n')) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINE_END_HYPHEN)) {
    const at = m.index;
    let headStart = at;
    while (headStart > 0 && WORD_CHAR.test(text.charAt(headStart - 1))) headStart--;
    if (headStart === at) continue; // "--\n" or " -\n": a dash, not a broken word
    let tokenStart = headStart;
    while (tokenStart > 0 && !SPACE.test(text.charAt(tokenStart - 1))) tokenStart--;
    let tailEnd = at + 2;
    while (tailEnd < text.length && WORD_CHAR.test(text.charAt(tailEnd))) tailEnd++;
    const token = text.slice(tokenStart, headStart);
    const head = text.slice(headStart, at);
    const tail = text.slice(at + 2, tailEnd);
    out += text.slice(last, at) + (keepsHyphen(token, head, tail, vocab) ? '-' : '');
    last = at + 2;
  }
  return out + text.slice(last);
}
