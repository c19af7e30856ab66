// Lines of one flow (a column, or the whole page) into paragraphs, headings and list items.
// Paragraphs break at vertical gaps larger than the flow's line spacing, at a change of font
// size or weight, at a list marker, and at an indented first line after a short line. A heading
// is a short standalone block either clearly larger than body text or bold at body size (issue 12).
import { median } from './columns';
import { joinItems, type Fragment } from './text-lines';

export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Set (nearly) all in a bold font. */
  bold?: boolean;
  /**
   * Runs of text the line is cut into by wide gaps (a table row, a form line), a leading
   * section number not counted: a heading is one run.
   */
  runs?: number;
}

/** What ranks a heading among the document's others (see headingLevels). */
export interface HeadingStyle {
  size: number;
  bold: boolean;
}

export type LayoutBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string; style: HeadingStyle }
  | { type: 'paragraph'; text: string }
  | { type: 'listItem'; text: string; ordered: boolean; depth: number; marker: string };

const SAME_LINE_EM = 0.45;
/** A gap between baselines this many times the usual line spacing starts a new paragraph. */
const PARAGRAPH_GAP_FACTOR = 1.35;
/** Sizes differing by more than this share are different styles (heading vs body). */
const SIZE_CHANGE_SHARE = 0.15;
/** A block at least this much larger than body text is a heading (if short). */
const HEADING_MIN_RATIO = 1.15;
const HEADING_MAX_CHARS = 200;
const HEADING_MAX_LINES = 3;
/** A bold block at body size is a heading only when shorter still, and not smaller than body. */
const BOLD_HEADING_MIN_RATIO = 0.95;
const BOLD_HEADING_MAX_CHARS = 120;
const BOLD_HEADING_MAX_LINES = 2;
/** A line with at least this share of its characters bold is a bold line. */
const BOLD_LINE_SHARE = 0.9;

const BULLET =
  /^([•◦▪▫‣⁃●○■□►▶➢➤✓✔❖∙·*\-–—\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8])\s+(?=\S)/u;
const NUMBERED = /^(\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]|\((?:\d{1,3}|[a-zA-Z])\))\s+(?=\S)/u;
/** "1.1", "2.3.4." before a capitalised word; "3.5 million" is a number, not a marker. */
const MULTILEVEL = /^(\d{1,2}(?:\.\d{1,2}){1,3}\.?)\s+(?=[\p{Lu}(“"])/u;
/** A fragment that is only a section number ("1.2", "IV.", "Chapter 3.") before a title's text. */
const SECTION_NUMBER =
  /^(?:(?:Chapter|CHAPTER|Part|PART|Section|SECTION|Appendix|APPENDIX|Annex|ANNEX|Article|ARTICLE)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,5}\.?|[A-Z]\.?)$/u;

/** The list marker a line starts with, if any. */
export function listMarker(text: string): { marker: string; ordered: boolean } | null {
  const bullet = BULLET.exec(text);
  if (bullet) return { marker: bullet[1], ordered: false };
  const numbered = NUMBERED.exec(text) ?? MULTILEVEL.exec(text);
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
    const texts = group.map((f) => joinItems(f.items, f.rtl)).filter((t) => t.length > 0);
    const text = texts.join(' ');
    if (text) {
      const chars = group.reduce((n, f) => n + f.chars, 0);
      const boldChars = group.reduce((n, f) => n + f.boldChars, 0);
      const numbered = texts.length > 1 && SECTION_NUMBER.test(texts[0]);
      lines.push({
        text,
        x0: Math.min(...group.map((f) => f.x0)),
        x1: Math.max(...group.map((f) => f.x1)),
        y: main.y,
        size: main.size,
        bold: chars > 0 && boldChars >= BOLD_LINE_SHARE * chars,
        runs: texts.length - (numbered ? 1 : 0),
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

/** A provisional level by size alone; the document's headings are ranked at its end. */
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
  /** Cut from the previous draft only by a change of weight: joined again unless a heading. */
  weightCut: boolean;
  /** The gap above its first line is a paragraph gap (or it starts the flow). */
  gapAbove: boolean;
}

/** The flow's geometry that the rules measure against. */
interface FlowFrame {
  spacing: number;
  left: number;
  right: number;
  width: number;
}

/** The line reaches the flow's right edge, as a wrapped paragraph's lines do. */
function fullLine(line: TextLine, frame: FlowFrame): boolean {
  return line.x1 >= frame.right - 0.15 * frame.width;
}

/**
 * The heading style of a draft, or null when it is body text: short, standalone, one run of text
 * per line (not a table row), with letters, not a bulleted item, and either clearly larger than
 * body text or all bold at body size, starting like a title and not filling the column.
 */
function headingStyle(
  d: Draft,
  text: string,
  bodySize: number,
  frame: FlowFrame,
  prev: Draft | undefined,
): HeadingStyle | null {
  if (bodySize <= 0 || (d.marker !== null && !d.marker.ordered)) return null;
  if (!/\p{L}.*\p{L}/su.test(text) || /[,;]$/.test(text)) return null;
  if (d.lines.some((l) => (l.runs ?? 1) > 1)) return null;
  const size = median(d.lines.map((l) => l.size));
  const ratio = size / bodySize;
  if (ratio >= HEADING_MIN_RATIO) {
    if (d.lines.length > HEADING_MAX_LINES || text.length > HEADING_MAX_CHARS) return null;
    return { size, bold: d.lines.every((l) => l.bold) };
  }
  if (ratio < BOLD_HEADING_MIN_RATIO || !d.lines.every((l) => l.bold)) return null;
  if (d.lines.length > BOLD_HEADING_MAX_LINES || text.length > BOLD_HEADING_MAX_CHARS) return null;
  // A label ("Note:", "Proof:") or a sentence in bold is body text, not a title.
  if (!/^[\p{Lu}\p{N}(“"]/u.test(text) || /[.!?:]$/.test(text)) return null;
  if (fullLine(d.lines[d.lines.length - 1], frame)) return null;
  // Standalone: after a gap, or after a block that ended (its last line short), not mid-paragraph.
  const before = prev?.lines[prev.lines.length - 1];
  if (before && !d.gapAbove && fullLine(before, frame)) return null;
  return { size, bold: true };
}

function draftText(d: Draft): string {
  return d.lines.map((l) => l.text).join('\n');
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
  const bodyLine = median(lines.map((l) => l.size));
  const spacing = median(spacings) || 1.2 * bodyLine;
  // Larger text is set with proportionally more leading: a wrapped title is one block.
  const gapLimit = (line: TextLine): number =>
    PARAGRAPH_GAP_FACTOR * spacing * Math.max(1, line.size / bodyLine);
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const frame: FlowFrame = { spacing, left, right, width: right - left };

  const drafts: Draft[] = [];
  for (const line of lines) {
    const marker = listMarker(line.text);
    const draft = drafts[drafts.length - 1];
    const prev = draft?.lines[draft.lines.length - 1];
    if (!draft || !prev || marker !== null) {
      const gapAbove = !prev || line.y - prev.y > gapLimit(line);
      drafts.push({ lines: [line], marker, weightCut: false, gapAbove });
      continue;
    }
    const dy = line.y - prev.y;
    const indented = line.x0 - left > line.size;
    const prevShort = prev.x1 < right - 0.1 * frame.width;
    const gapAbove = dy > gapLimit(line);
    const startNew =
      dy <= 0 ||
      gapAbove ||
      differentSize(line.size, prev.size) ||
      (draft.marker !== null && line.x0 < draft.lines[0].x0 - 0.5 * line.size) ||
      (draft.marker === null && indented && prevShort && prev.x0 - left < 0.5 * line.size);
    const weightCut =
      !startNew && draft.marker === null && (line.bold ?? false) !== (prev.bold ?? false);
    if (startNew || weightCut) drafts.push({ lines: [line], marker, weightCut, gapAbove });
    else draft.lines.push(line);
  }

  const styles = drafts.map((d, i) =>
    headingStyle(d, draftText(d), bodySize, frame, drafts[i - 1]),
  );
  // List depth is measured from the leftmost list item; numbered headings do not count.
  const markerLefts = drafts.filter((d, i) => d.marker && !styles[i]).map((d) => d.lines[0].x0);
  const listLeft = markerLefts.length > 0 ? Math.min(...markerLefts) : 0;
  const blocks: LayoutBlock[] = [];
  drafts.forEach((d, i) => {
    const text = draftText(d);
    const style = styles[i];
    if (style) {
      const level = style.bold && style.size < HEADING_MIN_RATIO * bodySize ? 4 : undefined;
      blocks.push({
        type: 'heading',
        level: level ?? headingLevel(style.size / bodySize),
        text: text.replace(/\n/g, ' '),
        style,
      });
      return;
    }
    if (d.marker) {
      const depth = Math.min(
        5,
        Math.max(0, Math.round((d.lines[0].x0 - listLeft) / (1.8 * bodySize))),
      );
      blocks.push({
        type: 'listItem',
        text: text.slice(d.marker.marker.length).trimStart(),
        ordered: d.marker.ordered,
        depth,
        marker: d.marker.marker,
      });
      return;
    }
    // A bold line that is no heading goes back into the paragraph it was cut from.
    const last = blocks[blocks.length - 1];
    if (d.weightCut && last?.type === 'paragraph') {
      last.text += '\n' + text;
      return;
    }
    blocks.push({ type: 'paragraph', text });
  });
  return blocks;
}
