// Turns the HTML mammoth writes for a DOCX into model blocks. Pure: HTML string in, blocks out.
// mammoth's HTML is small and regular (h1–h6, p, ul/ol/li, table/tr/td/th, inline runs, and a
// closing footnote/endnote list); anything else is walked through for its text.
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Block, TableCell } from '../../../shared/model';

export interface HtmlBlocksResult {
  blocks: Block[];
  /** `<img>` elements met (their pixels are not text, so nothing is emitted for them). */
  images: number;
  footnotes: number;
}

const HEADING = /^h([1-6])$/;
/** mammoth ids its note list items `footnote-3` / `endnote-3`, and back-links `footnote-ref-3`. */
const NOTE_ID = /^(footnote|endnote)-(\d+)$/;
const NOTE_BACKLINK = /^#(footnote|endnote)-ref-/;
/** An in-text note reference: `<a href="#footnote-3">[1]</a>` (mammoth numbers them in order). */
const NOTE_REFERENCE = /^#((?:footnote|endnote)-\d+)$/;

interface InlineState {
  images: number;
  /** Note id (`footnote-3`) → the number shown in the text (`1`), so the note says the same. */
  noteNumbers: Map<string, string>;
}

/**
 * Stands for a row break of a table nested in a cell until the cell's own line breaks are
 * flattened; then it becomes '\n' (a `<br>` in the Markdown cell). Private use: never in text.
 */
const NESTED_ROW_BREAK = '\uE000';

function rowBreaks(text: string): string {
  return text.replace(/ *\uE000 */g, '\n');
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function tidy(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/**
 * Text of an inline run. `<br>` becomes a line break; `<img>` is counted, not written; the
 * "↑" back-links of notes are dropped. Block children (a `<p>` in a cell) are joined by `blockSep`.
 */
function inlineText(
  node: ChildNode,
  counts: InlineState,
  blockSep: string,
  skipLists = false,
): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node)) return '';
  const name = node.name;
  if (name === 'br') return '\n';
  if (name === 'img') {
    counts.images++;
    return '';
  }
  if (name === 'a' && NOTE_BACKLINK.test(node.attribs.href ?? '')) return '';
  const reference = name === 'a' ? NOTE_REFERENCE.exec(node.attribs.href ?? '') : null;
  if (reference !== null) {
    const shown = /^\[(\w+)\]$/.exec(tidy(childrenText(node, counts, '')));
    if (shown !== null && !counts.noteNumbers.has(reference[1] as string)) {
      counts.noteNumbers.set(reference[1] as string, shown[1] as string);
    }
  }
  if (skipLists && (name === 'ul' || name === 'ol')) return '';
  if (name === 'table') return `${blockSep}${nestedTableText(node, counts)}${blockSep}`;
  const parts = node.children.map((child) => inlineText(child, counts, blockSep, skipLists));
  const isBlock = name === 'p' || HEADING.test(name) || name === 'li' || name === 'tr';
  const joined = name === 'tr' ? parts.join(' ') : parts.join('');
  return isBlock ? `${blockSep}${joined}${blockSep}` : joined;
}

function childrenText(el: Element, counts: InlineState, sep: string, skipLists = false) {
  return tidy(el.children.map((c) => inlineText(c, counts, sep, skipLists)).join(''));
}

/**
 * A table inside a cell, kept in its cell as rows of `a | b | c`, one row a line: its text stays
 * where it was and still reads row by row, not as one run of words in column order.
 */
function nestedTableText(table: Element, counts: InlineState): string {
  return tableRows(table)
    .map((row) =>
      directChildren(row, ['td', 'th'])
        .map((cell) => childrenText(cell, counts, ' ').replace(/\n/g, ' '))
        .join(' | '),
    )
    .join(NESTED_ROW_BREAK);
}

/** The only cell of a one-cell table (a frame around content), or undefined. */
function onlyCell(table: Element): Element | undefined {
  const rows = tableRows(table);
  const cells = rows.length === 1 ? directChildren(rows[0] as Element, ['td', 'th']) : [];
  return cells.length === 1 ? cells[0] : undefined;
}

/** True when every non-blank text inside `cell` sits in a `<strong>`: a bold header cell. */
function isAllBold(node: ChildNode, insideStrong = false): boolean {
  if (node.type === 'text') return insideStrong || node.data.trim() === '';
  if (!isElement(node)) return true;
  const strong = insideStrong || node.name === 'strong' || node.name === 'b';
  return node.children.every((child) => isAllBold(child, strong));
}

function directChildren(el: Element, names: string[]): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && names.includes(c.name));
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.name))
      rows.push(...directChildren(child, ['tr']));
  }
  return rows;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  // A DOCX grid cannot exceed 63 columns; clamp so a hostile span cannot allocate much.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/**
 * Lays cells on a grid honouring colspan/rowspan. The text stays in the top-left cell of a span
 * and the covered cells are empty, as the model wants; a table with spans also lists its
 * `cells`, from which the Markdown repeats a span's text over the positions it covers.
 */
function tableBlock(table: Element, counts: InlineState, paragraph: number): Block {
  const grid: string[][] = [];
  const placed: TableCell[] = [];
  const carried = new Map<number, number>(); // column → rows still covered by a rowspan above
  const rows = tableRows(table);
  let header = rows.length > 1;
  rows.forEach((row, r) => {
    const out: string[] = [];
    const cells = directChildren(row, ['td', 'th']);
    const takeCarried = () => {
      while ((carried.get(out.length) ?? 0) > 0) {
        carried.set(out.length, (carried.get(out.length) ?? 1) - 1);
        out.push('');
      }
    };
    for (const cell of cells) {
      takeCarried();
      const colspan = span(cell.attribs.colspan);
      const rowspan = span(cell.attribs.rowspan);
      const text = rowBreaks(childrenText(cell, counts, ' ').replace(/\n/g, ' '));
      if (r === 0 && header) {
        header = cell.name === 'th' || (text !== '' && isAllBold(cell)) || text === '';
      }
      placed.push({ row: r, col: out.length, rowSpan: rowspan, colSpan: colspan });
      for (let i = 0; i < colspan; i++) {
        if (rowspan > 1) carried.set(out.length, rowspan - 1);
        out.push(i === 0 ? text : '');
      }
    }
    takeCarried();
    grid.push(out);
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const row of grid) while (row.length < width) row.push('');
  // A first row of empty cells is no header.
  if (header && (grid[0] ?? []).every((c) => c === '')) header = false;
  const spans = placed.some((c) => c.rowSpan > 1 || c.colSpan > 1);
  // headerRows tells the renderer where a column span is a title over its columns.
  const headerRows = header ? { headerRows: 1 } : {};
  return {
    type: 'table',
    rows: grid,
    header,
    ...(spans ? { cells: placed, ...headerRows } : {}),
    prov: { paragraph },
  };
}

/** A comment's paragraph, written into the body by review-marks.ts: not one of Word's. */
const REVIEW_COMMENT = /^\[(?:Comment|Reply)\b[^\]\n]*\]:/;

/**
 * Blocks in document order. `prov.paragraph` counts the body's blocks as mammoth emits them
 * (a paragraph, heading, list item or note each counts one, a whole table counts one), so it
 * follows Word's paragraph order without counting the paragraphs inside table cells. A comment
 * shown after its paragraph takes that paragraph's number and counts none of its own.
 */
export function htmlToBlocks(html: string): HtmlBlocksResult {
  const doc = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  const counts: InlineState = { images: 0, noteNumbers: new Map() };
  let footnotes = 0;
  let paragraph = 0;

  const pushText = (text: string, make: (text: string, paragraph: number) => Block) => {
    if (text !== '') blocks.push(make(rowBreaks(text), paragraph));
    paragraph++;
  };

  const visitList = (list: Element, depth: number) => {
    const ordered = list.name === 'ol';
    for (const item of directChildren(list, ['li'])) {
      const note = NOTE_ID.exec(item.attribs.id ?? '');
      const text = childrenText(item, counts, '\n', true);
      if (note !== null) {
        footnotes++;
        const label = note[1] === 'footnote' ? 'Footnote' : 'Endnote';
        // The number the reader saw in the text; the part's own id only for a note never cited.
        const number = counts.noteNumbers.get(`${note[1]}-${note[2]}`) ?? note[2];
        pushText(text, (t, p) => ({
          type: 'paragraph',
          text: `${label} ${number}: ${t}`,
          prov: { paragraph: p },
        }));
      } else {
        pushText(text, (t, p) => ({
          type: 'listItem',
          text: t,
          ordered,
          depth,
          prov: { paragraph: p },
        }));
      }
      for (const nested of directChildren(item, ['ul', 'ol'])) visitList(nested, depth + 1);
    }
  };

  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        pushText(tidy(node.data), (t, p) => ({
          type: 'paragraph',
          text: t,
          prov: { paragraph: p },
        }));
        continue;
      }
      if (!isElement(node)) continue;
      const heading = HEADING.exec(node.name);
      if (heading !== null) {
        const level = Number(heading[1]) as 1 | 2 | 3 | 4 | 5 | 6;
        pushText(childrenText(node, counts, '\n').replace(/\n/g, ' '), (t, p) => ({
          type: 'heading',
          level,
          text: t,
          prov: { paragraph: p },
        }));
      } else if (node.name === 'p') {
        const text = childrenText(node, counts, '\n');
        if (REVIEW_COMMENT.test(text)) {
          blocks.push({ type: 'paragraph', text, prov: { paragraph: Math.max(0, paragraph - 1) } });
          continue;
        }
        pushText(text, (t, p) => ({
          type: 'paragraph',
          text: t,
          prov: { paragraph: p },
        }));
      } else if (node.name === 'ul' || node.name === 'ol') {
        visitList(node, 0);
      } else if (node.name === 'table') {
        // A one-cell table is a frame (a boxed note, a layout wrapper): its content is read as
        // blocks of their own, so a table or list inside it keeps its shape.
        const frame = onlyCell(node);
        if (frame !== undefined) {
          // Still one table in Word's count: what it holds takes the table's number.
          const [first, at] = [blocks.length, paragraph];
          visit(frame.children);
          for (const block of blocks.slice(first)) block.prov.paragraph = at;
          paragraph = at + 1;
        } else {
          blocks.push(tableBlock(node, counts, paragraph));
          paragraph++;
        }
      } else if (node.name === 'img') {
        counts.images++;
      } else {
        visit(node.children);
      }
    }
  };

  visit(doc.children);
  return { blocks, images: counts.images, footnotes };
}
