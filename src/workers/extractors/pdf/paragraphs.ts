// Lines of one flow (a column, or the whole page) into paragraphs, headings and list items.
// Paragraphs break at vertical gaps larger than the flow's line spacing, at a change of font
// size, at a list marker, and at an indented first line after a short line.
import { median } from './columns';
import { joinItems, type Fragment } from './text-lines';

export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export type LayoutBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'listItem'; text: string; ordered: boolean; depth: number; marker: string };

const SAME_LINE_EM = 0.45;
/** A gap between baselines this many times the usual line spacing starts a new paragraph. */
const PARAGRAPH_GAP_FACTOR = 1.35;
/** Sizes differing by more than this share are different styles (heading vs body). */
const SIZE_CHANGE_SHARE = 0.15;
/** A block at least this much larger than body text is a heading (if short). */
const HEADING_MIN_RATIO = 1.2;
const HEADING_MAX_CHARS = 200;
const HEADING_MAX_LINES = 3;

const BULLET =
  /^([•◦▪▫‣⁃●○■□►▶➢➤✓✔❖∙·*\-–—\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8])\s+(?=\S)/u;
const NUMBERED = /^(\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]|\((?:\d{1,3}|[a-zA-Z])\))\s+(?=\S)/u;

/** The list marker a line starts with, if any. */
export function listMarker(text: string): { marker: string; ordered: boolean } | null {
  const bullet = BULLET.exec(text);
  if (bullet) return { marker: bullet[1], ordered: false };
  const numbered = NUMBERED.exec(text);
  if (numbered) return { marker: numbered[1], ordered: true };
  return null;
}

/** Merges a flow's fragments that share a baseline into lines, top to bottom. */
export function linesOfFlow(fragments: readonly Fragment[], rtl: boolean): TextLine[] {
  const sorted = [...fragments].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: TextLine[] = [];
  let group: Fragment[] = [];
  const flush = () => {
    if (group.length === 0) return;
    group.sort((a, b) => (rtl ? b.x0 - a.x0 : a.x0 - b.x0));
    let main = group[0];
    for (const f of group) if (f.chars > main.chars) main = f;
    const text = group
      .map((f) => joinItems(f.items, f.rtl))
      .filter((t) => t.length > 0)
      .join(' ');
    if (text) {
      lines.push({
        text,
        x0: Math.min(...group.map((f) => f.x0)),
        x1: Math.max(...group.map((f) => f.x1)),
        y: main.y,
        size: main.size,
      });
    }
    group = [];
  };
  for (const fragment of sorted) {
    const anchor = group[0];
    if (
      anchor &&
      Math.abs(fragment.y - anchor.y) > SAME_LINE_EM * Math.max(anchor.size, fragment.size)
    )
      flush();
    group.push(fragment);
  }
  flush();
  return lines;
}

function headingLevel(ratio: number): 1 | 2 | 3 | 4 {
  if (ratio >= 2) return 1;
  if (ratio >= 1.6) return 2;
  if (ratio >= 1.35) return 3;
  return 4;
}

function differentSize(a: number, b: number): boolean {
  return Math.abs(a - b) > SIZE_CHANGE_SHARE * Math.max(a, b);
}

interface Draft {
  lines: TextLine[];
  marker: { marker: string; ordered: boolean } | null;
}

/** Groups a flow's lines into blocks. `bodySize` is the document's most common font size. */
export function blocksOfFlow(lines: readonly TextLine[], bodySize: number): LayoutBlock[] {
  if (lines.length === 0) return [];
  const spacings: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const dy = lines[i].y - lines[i - 1].y;
    if (dy > 0 && dy < 3 * lines[i].size && !differentSize(lines[i].size, lines[i - 1].size))
      spacings.push(dy);
  }
  const spacing = median(spacings) || 1.2 * median(lines.map((l) => l.size));
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const width = right - left;

  const drafts: Draft[] = [];
  let draft: Draft | null = null;
  for (const line of lines) {
    const marker = listMarker(line.text);
    const prev: TextLine | undefined = draft?.lines[draft.lines.length - 1];
    let startNew = !draft || !prev || marker !== null;
    if (!startNew && prev && draft) {
      const dy = line.y - prev.y;
      const indented = line.x0 - left > line.size;
      const prevShort = prev.x1 < right - 0.1 * width;
      startNew =
        dy <= 0 ||
        dy > PARAGRAPH_GAP_FACTOR * spacing ||
        differentSize(line.size, prev.size) ||
        (draft.marker !== null && line.x0 < draft.lines[0].x0 - 0.5 * line.size) ||
        (draft.marker === null && indented && prevShort && prev.x0 - left < 0.5 * line.size);
    }
    if (startNew) {
      draft = { lines: [line], marker };
      drafts.push(draft);
    } else draft?.lines.push(line);
  }

  const markerLefts = drafts.filter((d) => d.marker).map((d) => d.lines[0].x0);
  const listLeft = markerLefts.length > 0 ? Math.min(...markerLefts) : 0;
  return drafts.map((d): LayoutBlock => {
    const text = d.lines.map((l) => l.text).join('\n');
    if (d.marker) {
      const depth = Math.min(
        5,
        Math.max(0, Math.round((d.lines[0].x0 - listLeft) / (1.8 * bodySize))),
      );
      return {
        type: 'listItem',
        text: text.slice(d.marker.marker.length).trimStart(),
        ordered: d.marker.ordered,
        depth,
        marker: d.marker.marker,
      };
    }
    const size = median(d.lines.map((l) => l.size));
    const ratio = bodySize > 0 ? size / bodySize : 1;
    if (
      ratio >= HEADING_MIN_RATIO &&
      d.lines.length <= HEADING_MAX_LINES &&
      text.length <= HEADING_MAX_CHARS &&
      /\p{L}/u.test(text)
    ) {
      return { type: 'heading', level: headingLevel(ratio), text: text.replace(/\n/g, ' ') };
    }
    return { type: 'paragraph', text };
  });
}
