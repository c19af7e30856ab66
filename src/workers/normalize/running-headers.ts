// Running headers and footers: text that repeats at the top or bottom of many pages (a document
// title, "Page 3 of 10", a confidentiality line). They are noise in the body, so they are moved
// out of it into metadata, never silently deleted.
//
// Rule. For every page, the first two and the last two content blocks are candidates when they are
// short paragraphs or headings. A candidate's key is its text lowercased, with page-number-like
// tokens (digit runs, and roman numerals at either end) replaced by `#` and whitespace removed,
// so "Page 3 of 10" ≡ "Page 4 of 10" and "47699Federal Register" ≡ "47700 Federal Register".
//  A. A key is a running header (top zone) or footer (bottom zone) when it occurs on at least 3
//     pages and on at least half of the pages that have text, or on at least 80% of the odd (or of
//     the even) pages, for books that alternate left and right headers; and when its numbers are
//     those of a running header: all the same on every page except at most one, which must follow
//     the page index at a fixed offset (a page number) on at least 80% of the occurrences. So
//     templated body text ("Account 4411: 3 exceptions") is not mistaken for one. A key without letters
//     ("#", "- # -", "#/#") qualifies only when it is short with at most two numbers, so a column
//     of dates at the top of each page of a table ("07/17/2015" → "#/#/#") stays in the body.
//  B. A candidate that starts or ends with an arabic page number followed or preceded by text
//     ("7 1.2. METRISCHE RÄUME", "Summary 12") is a running header/footer when that number equals
//     the page index plus one common offset on at least 3 pages and at least half of the pages
//     with text: book headers that carry the current section's name.
// The metadata keeps one entry per key: the first occurrence, with the numbers that differ between
// occurrences shown as `#` ("Page # of 10").

import type { Block } from '../../shared/model';

export interface RunningText {
  blocks: Block[];
  headers: string[];
  footers: string[];
}

const ZONE_SIZE = 2;
const MAX_CANDIDATE_CHARS = 200;
const MIN_PAGES = 3;
const MIN_PAGE_SHARE = 0.5;
const MIN_PARITY_SHARE = 0.8;
const MIN_OFFSET_SHARE = 0.8;

// Page-number-like tokens: digit runs anywhere, roman numerals only as the first or last word.
const NUMBER_TOKEN = /\d+|^[ivxlc]{1,7}(?=\s|$)|(?<=\s|^)[ivxlc]{1,7}$/gi;
const LEADING_FOLIO = /^(\d{1,4})\s+\S/;
const TRAILING_FOLIO = /\S\s+(\d{1,4})$/;

type Zone = 'header' | 'footer';

interface Candidate {
  index: number;
  page: number;
  text: string;
}

interface KeyGroup {
  pages: Set<number>;
  members: Candidate[];
}

function candidateText(block: Block): string | undefined {
  if (block.type !== 'paragraph' && block.type !== 'heading') return undefined;
  if (block.prov.page === undefined || block.text.length > MAX_CANDIDATE_CHARS) return undefined;
  return block.text;
}

/** The comparison key of a candidate: case, whitespace and page numbers ignored. */
export function runningTextKey(text: string): string {
  return text.toLowerCase().replace(NUMBER_TOKEN, '#').replace(/\s+/g, '');
}

function isAcceptableKey(key: string): boolean {
  if (/\p{L}/u.test(key)) return true;
  return key.length <= 8 && (key.match(/#/g)?.length ?? 0) <= 2;
}

/** First occurrence's text, with number tokens that are not the same in every occurrence as `#`. */
export function displayText(texts: readonly string[]): string {
  const first = texts[0] ?? '';
  const tokenLists = texts.map((t) => t.match(NUMBER_TOKEN) ?? []);
  const firstTokens = tokenLists[0] ?? [];
  let ordinal = 0;
  return first.replace(NUMBER_TOKEN, (token) => {
    const i = ordinal++;
    const stable = tokenLists.every(
      (list) => list.length === firstTokens.length && list[i] === token,
    );
    return stable ? token : '#';
  });
}

function pagesOf(blocks: readonly Block[]): Map<number, number[]> {
  const byPage = new Map<number, number[]>();
  blocks.forEach((block, index) => {
    if (block.type === 'pageBreak' || block.type === 'sheet') return;
    const page = block.prov.page;
    if (page === undefined) return;
    let list = byPage.get(page);
    if (!list) byPage.set(page, (list = []));
    list.push(index);
  });
  return byPage;
}

function zoneCandidates(
  blocks: readonly Block[],
  byPage: Map<number, number[]>,
  zone: Zone,
): Candidate[] {
  const out: Candidate[] = [];
  for (const [page, indexes] of byPage) {
    const slice = zone === 'header' ? indexes.slice(0, ZONE_SIZE) : indexes.slice(-ZONE_SIZE);
    for (const index of slice) {
      const text = candidateText(blocks[index]!);
      if (text !== undefined) out.push({ index, page, text });
    }
  }
  return out;
}

/** How many pages have text, in all and by parity (index 0: even pages, 1: odd pages). */
interface PageCounts {
  all: number;
  byParity: [number, number];
}

function countPages(textPages: readonly number[]): PageCounts {
  const byParity: [number, number] = [0, 0];
  for (const p of textPages) byParity[p % 2]++;
  return { all: textPages.length, byParity };
}

function isFrequent(pages: ReadonlySet<number>, counts: PageCounts): boolean {
  if (pages.size < MIN_PAGES) return false;
  if (pages.size >= MIN_PAGE_SHARE * counts.all) return true;
  const parities = new Set([...pages].map((p) => p % 2));
  if (parities.size !== 1) return false;
  const parity = [...parities][0] as 0 | 1;
  return pages.size >= MIN_PARITY_SHARE * counts.byParity[parity];
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function numberValue(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  let total = 0;
  const digits = [...token.toLowerCase()].map((ch) => ROMAN[ch] ?? 0);
  digits.forEach((d, i) => (total += d < (digits[i + 1] ?? 0) ? -d : d));
  return total;
}

/** True when the value most often equals page + one offset, on at least `share` of the pairs. */
function tracksPage(pairs: ReadonlyArray<{ page: number; value: number }>, share: number): boolean {
  const counts = new Map<number, number>();
  let best = 0;
  for (const { page, value } of pairs) {
    const n = (counts.get(value - page) ?? 0) + 1;
    counts.set(value - page, n);
    best = Math.max(best, n);
  }
  return best >= share * pairs.length;
}

/** Numbers constant across occurrences, except at most one page number. */
function hasRunningNumbers(members: readonly Candidate[]): boolean {
  const tokens = members.map((m) => m.text.match(NUMBER_TOKEN) ?? []);
  const count = tokens[0]?.length ?? 0;
  if (tokens.some((t) => t.length !== count)) return false;
  let varying = 0;
  for (let i = 0; i < count; i++) {
    if (tokens.every((t) => t[i] === tokens[0]![i])) continue;
    varying++;
    const pairs = members.map((m, k) => ({ page: m.page, value: numberValue(tokens[k]![i]!) }));
    if (varying > 1 || !tracksPage(pairs, MIN_OFFSET_SHARE)) return false;
  }
  return true;
}

/** Rule A: keys repeated on enough pages. */
function repeatedKeys(candidates: readonly Candidate[], counts: PageCounts): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const c of candidates) {
    const key = runningTextKey(c.text);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { pages: new Set(), members: [] }));
    group.pages.add(c.page);
    group.members.push(c);
  }
  return [...groups]
    .filter(
      ([key, g]) =>
        isAcceptableKey(key) && isFrequent(g.pages, counts) && hasRunningNumbers(g.members),
    )
    .map(([, g]) => g);
}

interface Folio {
  number: number;
  /** The text with the page number shown as `#`. */
  display: string;
}

function folioOf(text: string): Folio | undefined {
  if (!/\p{L}/u.test(text)) return undefined;
  const leading = LEADING_FOLIO.exec(text);
  if (leading) return { number: Number(leading[1]), display: text.replace(/^\d+/, '#') };
  const trailing = TRAILING_FOLIO.exec(text);
  if (trailing) return { number: Number(trailing[1]), display: text.replace(/\d+$/, '#') };
  return undefined;
}

/** Rule B: lines carrying a page number that follows the page index at a fixed offset. */
function folioLines(
  candidates: readonly Candidate[],
  counts: PageCounts,
): Array<Candidate & Folio> {
  const byOffset = new Map<number, Array<Candidate & Folio>>();
  for (const c of candidates) {
    const folio = folioOf(c.text);
    if (folio === undefined) continue;
    const offset = folio.number - c.page;
    let list = byOffset.get(offset);
    if (!list) byOffset.set(offset, (list = []));
    list.push({ ...c, ...folio });
  }
  let best: Array<Candidate & Folio> = [];
  for (const list of byOffset.values()) if (list.length > best.length) best = list;
  const pages = new Set(best.map((c) => c.page));
  return pages.size >= MIN_PAGES && pages.size >= MIN_PAGE_SHARE * counts.all ? best : [];
}

function detectZone(
  candidates: readonly Candidate[],
  counts: PageCounts,
  taken: ReadonlySet<number>,
): { removed: number[]; texts: string[] } {
  const free = candidates.filter((c) => !taken.has(c.index));
  // Each found text with the block index of its first occurrence, to list them in reading order.
  const found: Array<{ index: number; text: string }> = [];
  const removed = new Set<number>();
  for (const group of repeatedKeys(free, counts)) {
    group.members.forEach((m) => removed.add(m.index));
    found.push({
      index: group.members[0]!.index,
      text: displayText(group.members.map((m) => m.text)),
    });
  }
  // Rule B looks at every candidate, also those rule A took, so the page-number offset is judged
  // on the whole run of headers, not on what is left after the repeated section names.
  for (const c of folioLines(free, counts)) {
    if (removed.has(c.index)) continue;
    removed.add(c.index);
    found.push({ index: c.index, text: c.display });
  }
  found.sort((a, b) => a.index - b.index);
  return { removed: [...removed], texts: [...new Set(found.map((f) => f.text))] };
}

/**
 * Moves running headers and footers out of the blocks. Needs blocks with `prov.page`; documents
 * without pages (DOCX, XLSX) or with fewer than 3 pages of text come back unchanged.
 */
export function extractRunningText(blocks: readonly Block[]): RunningText {
  const byPage = pagesOf(blocks);
  const counts = countPages([...byPage.keys()]);
  if (counts.all < MIN_PAGES) return { blocks: [...blocks], headers: [], footers: [] };
  const header = detectZone(zoneCandidates(blocks, byPage, 'header'), counts, new Set());
  const footer = detectZone(
    zoneCandidates(blocks, byPage, 'footer'),
    counts,
    new Set(header.removed),
  );
  const removed = new Set([...header.removed, ...footer.removed]);
  // Repeated pages (the same scan four times, a form printed per page) repeat everything: when
  // taking the "headers" out would leave most pages with no text at all, it is content, not a
  // running header, and it stays in the body.
  let emptied = 0;
  for (const indexes of byPage.values()) if (indexes.every((i) => removed.has(i))) emptied++;
  if (emptied > 0 && emptied >= MIN_PAGE_SHARE * counts.all) {
    return { blocks: [...blocks], headers: [], footers: [] };
  }
  return {
    blocks: blocks.filter((_, i) => !removed.has(i)),
    headers: header.texts,
    footers: footer.texts,
  };
}
