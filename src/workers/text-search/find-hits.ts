// The hits inside one matching chunk: the lines that hold the matched terms (or a phrase, in
// order), with the matched spans for highlighting and a line of context. Pure.
import type { TextRange } from '../../shared/search';
import { isPageMarker, sectionStart } from './page-chunks';
import { fold, termsOf, textTokens, type TextToken } from './tokenize';

export interface ChunkText {
  lines: string[];
  /** Line number of `lines[0]` in the whole text. */
  startLine: number;
  /** The page or sheet in effect at `lines[0]`. */
  page?: number;
  sheet?: string;
}

export interface LineHit {
  page?: number;
  sheet?: string;
  line: number;
  context: string;
  contextStart: number;
  ranges: TextRange[];
}

/** At most this many hits from one chunk (a page or sheet), so one sheet cannot fill the list. */
export const MAX_HITS_PER_CHUNK = 20;
/** Longest context shown; a longer line is cut to a window around its first match. */
export const CONTEXT_CHARS = 200;
const CONTEXT_BEFORE = 60;

type Section = { page?: number; sheet?: string };

/** The page or sheet of each line of the chunk, from its start and the markers in it. */
function sectionsOf(chunk: ChunkText): Section[] {
  let current: Section = {
    ...(chunk.page !== undefined ? { page: chunk.page } : {}),
    ...(chunk.sheet !== undefined ? { sheet: chunk.sheet } : {}),
  };
  return chunk.lines.map((text) => {
    const start = sectionStart(text);
    if (start) current = start;
    return current;
  });
}

function lineHit(section: Section, line: number, text: string, ranges: TextRange[]): LineHit {
  ranges.sort((a, b) => a.start - b.start);
  const where = { ...section, line };
  if (text.length <= CONTEXT_CHARS) return { ...where, context: text, contextStart: 0, ranges };
  const start = Math.max(
    0,
    Math.min(ranges[0].start - CONTEXT_BEFORE, text.length - CONTEXT_CHARS),
  );
  return {
    ...where,
    context: text.slice(start, start + CONTEXT_CHARS),
    contextStart: start,
    ranges,
  };
}

function tokenMatches(token: TextToken, terms: ReadonlySet<string>): boolean {
  return termsOf(token).some((t) => terms.has(t));
}

/** Lines holding any of `terms` (the index terms the chunk matched). */
function termHits(chunk: ChunkText, terms: ReadonlySet<string>): LineHit[] {
  const sections = sectionsOf(chunk);
  const hits: LineHit[] = [];
  for (let i = 0; i < chunk.lines.length && hits.length < MAX_HITS_PER_CHUNK; i++) {
    const text = chunk.lines[i];
    if (isPageMarker(text)) continue;
    const ranges = textTokens(text)
      .filter((token) => tokenMatches(token, terms))
      .map((token) => ({ start: token.start, end: token.end }));
    if (ranges.length > 0) hits.push(lineHit(sections[i], chunk.startLine + i, text, ranges));
  }
  return hits;
}

interface PartAt {
  part: string;
  line: number;
  range: TextRange;
}

/** Lines where one of the phrases begins (its parts in order, across line ends too). */
function phraseHits(chunk: ChunkText, phrases: readonly string[][]): LineHit[] {
  const sections = sectionsOf(chunk);
  const stream: PartAt[] = [];
  chunk.lines.forEach((text, line) => {
    if (isPageMarker(text)) return;
    for (const token of textTokens(text)) {
      for (const part of token.parts) {
        stream.push({ part, line, range: { start: token.start, end: token.end } });
      }
    }
  });
  const byLine = new Map<number, TextRange[]>();
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= stream.length; i++) {
      if (!phrase.every((part, k) => stream[i + k].part === part)) continue;
      const line = stream[i].line;
      const ranges = byLine.get(line) ?? [];
      for (let k = 0; k < phrase.length; k++) {
        const at = stream[i + k];
        if (at.line !== line) continue;
        if (!ranges.some((r) => r.start === at.range.start)) ranges.push(at.range);
      }
      byLine.set(line, ranges);
    }
  }
  return [...byLine]
    .sort((a, b) => a[0] - b[0])
    .slice(0, MAX_HITS_PER_CHUNK)
    .map(([line, ranges]) =>
      lineHit(sections[line], chunk.startLine + line, chunk.lines[line], ranges),
    );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A quick test that some phrase may be in the chunk: its parts in order with only separators
 * between them, on the folded text. Tokenizing a chunk to check a phrase costs far more than
 * this, and most candidates of a phrase of common words fail it.
 */
export function phraseMayOccur(text: string, phrases: readonly string[][]): boolean {
  const patterns = phrases.map(phrasePattern);
  if (patterns.some((p) => p.test(text))) return true;
  // Only a text with accents or other marks can match once folded (folding costs more).
  if (!/[\u0080-\uffff]/.test(text)) return false;
  const folded = fold(text);
  return patterns.some((p) => p.test(folded));
}

const patternCache = new Map<string, RegExp>();

/** The phrase's parts with only separators between them, any case (compiled once). */
function phrasePattern(parts: readonly string[]): RegExp {
  const key = parts.join('\u0000');
  let pattern = patternCache.get(key);
  if (!pattern) {
    if (patternCache.size > 100) patternCache.clear();
    pattern = new RegExp(parts.map(escapeRegExp).join('[^\\p{L}\\p{N}]+'), 'iu');
    patternCache.set(key, pattern);
  }
  return pattern;
}

/** A chunk without the phrases in order gives no hits, whatever terms it holds. */
export function findHits(
  chunk: ChunkText,
  terms: ReadonlySet<string>,
  phrases: readonly string[][],
): LineHit[] {
  if (phrases.length === 0) return termHits(chunk, terms);
  return phraseMayOccur(chunk.lines.join('\n'), phrases) ? phraseHits(chunk, phrases) : [];
}
