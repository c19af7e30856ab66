// Cuts an extracted Markdown text into the chunks the index holds: one per page (from the
// `<!-- page N -->` markers the renderer writes where pages begin) and one per sheet (`## Sheet:
// Name` headings), so a hit can say where it is. What comes before the first marker (the title
// and summary) is a chunk of its own, without a page.

export interface TextChunk {
  page?: number;
  sheet?: string;
  /** 0-based first line of the chunk in the text, and the line after its last. */
  startLine: number;
  endLine: number;
  text: string;
}

const PAGE_MARKER = /^<!-- page (\d+)(?: \(OCR[^)]*\))? -->$/;
const SHEET_HEADING = /^## Sheet: (.+?)(?: \([A-Z]+\d+(?::[A-Z]+\d+)?\))?(?: \(hidden\))?$/;

/** True for the line the renderer writes where a page begins. */
export function isPageMarker(line: string): boolean {
  return PAGE_MARKER.test(line);
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
