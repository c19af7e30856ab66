// Cuts an extracted Markdown text into the chunks the index holds: one per page (from the
// `<!-- page N -->` markers the renderer writes where pages begin) and one per sheet (`## Sheet:
// Name` headings), so a hit can say where it is. What comes before the first marker (the title
// and summary) is a chunk of its own, without a page.
import { pushTerms, type TextToken } from './tokenize';

export interface TextChunk {
  page?: number;
  sheet?: string;
  /** 0-based first line of the chunk in the text, and the line after its last. */
  startLine: number;
  endLine: number;
  text: string;
  /** Its index terms (`indexTerms(text)`) when already computed (`withTerms`). */
  terms?: string[];
}

const PAGE_MARKER = /^<!-- page (\d+)(?: \(OCR[^)]*\))? -->$/;
const SHEET_HEADING = /^## Sheet: (.+?)(?: \([A-Z]+\d+(?::[A-Z]+\d+)?\))?(?: \(hidden\))?$/;

/** True for the line the renderer writes where a page begins. */
export function isPageMarker(line: string): boolean {
  return PAGE_MARKER.test(line);
}

/** Where a section begins: the page of a page marker, the sheet of a sheet heading. */
export function sectionStart(line: string): { page: number } | { sheet: string } | undefined {
  const page = PAGE_MARKER.exec(line);
  if (page) return { page: Number(page[1]) };
  const sheet = SHEET_HEADING.exec(line);
  return sheet ? { sheet: sheet[1] } : undefined;
}

/**
 * Characters of text an index chunk holds at most (unless one page alone holds more): pages are
 * grouped into chunks up to this size. Fewer, larger chunks make a common word cheaper to rank
 * (10,000 documents of 1-3 pages: a third of the documents to score), while a long document is
 * still cut so that reading a hit's lines never means tokenizing a whole ledger. A hit's page or
 * sheet is found from the markers between the chunk's start and the hit's line.
 */
export const CHUNK_CHARS = 20_000;

/** Consecutive page/sheet sections grouped up to `maxChars`: what the index holds. */
export function indexChunks(markdown: string, maxChars = CHUNK_CHARS): TextChunk[] {
  const out: TextChunk[] = [];
  for (const section of pageChunks(markdown)) {
    const last = out[out.length - 1];
    if (last && last.text.length + section.text.length < maxChars) {
      out[out.length - 1] = {
        ...last,
        endLine: section.endLine,
        text: `${last.text}\n${section.text}`,
      };
    } else {
      out.push(section);
    }
  }
  return out;
}

export function pageChunks(markdown: string): TextChunk[] {
  const lines = markdown.split('\n');
  const chunks: TextChunk[] = [];
  let current: Omit<TextChunk, 'endLine' | 'text'> = { startLine: 0 };
  const close = (endLine: number) => {
    // The marker itself is not text of the page ("page", "OCR", its confidence).
    const from = current.page !== undefined ? current.startLine + 1 : current.startLine;
    const text = lines.slice(from, endLine).join('\n');
    if (text.trim() !== '') chunks.push({ ...current, endLine, text });
  };
  for (let i = 0; i < lines.length; i++) {
    const page = PAGE_MARKER.exec(lines[i]);
    const sheet = page ? null : SHEET_HEADING.exec(lines[i]);
    if (!page && !sheet) continue;
    close(i);
    current = page ? { page: Number(page[1]), startLine: i } : { sheet: sheet![1], startLine: i };
  }
  close(lines.length);
  return chunks;
}

/**
 * The chunks with their index terms, taken from `tokens` (the whole text's `textTokens`) instead
 * of tokenizing each chunk again: tokens never span a line, and a chunk's text is its lines
 * without the page markers, so its terms are those of the tokens on its lines, markers left out.
 * One tokenizer pass then serves the chunks and the MinHash signature.
 */
export function withTerms(
  markdown: string,
  chunks: readonly TextChunk[],
  tokens: readonly TextToken[],
): TextChunk[] {
  const lines = markdown.split('\n');
  let next = 0;
  let line = 0;
  let lineEnd = lines.length > 0 ? lines[0].length : 0;
  return chunks.map((chunk) => {
    const terms: string[] = [];
    for (; next < tokens.length; next++) {
      const token = tokens[next];
      while (token.start > lineEnd && line + 1 < lines.length) {
        line++;
        lineEnd += 1 + lines[line].length;
      }
      if (line >= chunk.endLine) break;
      if (line >= chunk.startLine && !isPageMarker(lines[line])) pushTerms(terms, token);
    }
    return { ...chunk, terms };
  });
}
