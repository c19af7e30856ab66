// The page markers the Markdown renderer writes where a page begins (`<!-- page 3 -->`, or
// `<!-- page 3 (OCR, confidence 87%) -->`; src/workers/render/markdown.ts): the text's only map
// from lines to source pages. Pure (no vscode import).

export interface PageMarker {
  page: number;
  /** 0-based line of the marker. */
  line: number;
  /** Columns of the marker on its line (for links). */
  start: number;
  end: number;
}

const MARKER = /<!-- page (\d+)(?: \([^)]*\))? -->/;

export function pageMarkers(text: string): PageMarker[] {
  const markers: PageMarker[] = [];
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const m = MARKER.exec(lines[line]!);
    if (m) markers.push({ page: Number(m[1]), line, start: m.index, end: m.index + m[0].length });
  }
  return markers;
}

/** The page a line belongs to: the last marker at or above it (the first page above them all). */
export function pageAtLine(markers: readonly PageMarker[], line: number): number | undefined {
  let page: number | undefined;
  for (const m of markers) {
    if (m.line > line) break;
    page = m.page;
  }
  return page ?? markers[0]?.page;
}

/** The marker line of a page, or of the nearest page before it that has one. */
export function lineOfPage(markers: readonly PageMarker[], page: number): number | undefined {
  let line: number | undefined;
  for (const m of markers) {
    if (m.page > page) break;
    line = m.line;
  }
  return line ?? markers[0]?.line;
}

/**
 * The line a click at `fraction` (0 top, 1 bottom) of a page's image leads to: that far through
 * the page's lines, from its marker to the next one (or the end of the text). Without the OCR
 * words' boxes this is the nearest the text can follow a click on a region of the page.
 */
export function lineAtPageFraction(
  markers: readonly PageMarker[],
  page: number,
  fraction: number,
  lineCount: number,
): number | undefined {
  const start = lineOfPage(markers, page);
  if (start === undefined) return undefined;
  const next = markers.find((m) => m.line > start)?.line ?? lineCount;
  const span = Math.max(0, next - start - 1);
  return start + Math.round(Math.min(1, Math.max(0, fraction)) * span);
}
