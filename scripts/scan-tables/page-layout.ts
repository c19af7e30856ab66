// Places the family's blocks on letter pages (points, top-left origin) as the fixture raster
// draws them, and derives the ground truth from the same blocks: the text in reading order and
// every table's exact cells with the page it is on.
import type { FontFace, Measure, PlacedItem } from '../fixtures/layout';
import type { DocBlock, DocPage } from './documents';

export const PAGE = { width: 612, height: 792, margin: 72 };
const BODY = 11;
const LEADING = 16;
const TABLE_ROW = 19;
const COLUMN_GAP = 24;
const FIELD_VALUE_AT = 92;

export interface TruthTable {
  page: number;
  rows: string[][];
}

export interface LaidOut {
  pages: PlacedItem[][];
  text: string;
  tables: TruthTable[];
}

function wrap(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, 'regular', BODY) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function blockText(block: DocBlock): string | undefined {
  switch (block.type) {
    case 'title':
    case 'line':
    case 'paragraph':
      return block.text;
    case 'fields':
      return block.rows.map((r) => r.join(' ')).join('\n');
    case 'table':
      return block.rows.map((r) => r.filter((c) => c !== '').join('\t')).join('\n');
    case 'columns':
      return [...block.left, ...block.right].join('\n\n');
    case 'gap':
      return undefined;
  }
}

export function layoutPages(pages: readonly DocPage[], measure: Measure): LaidOut {
  const inner = PAGE.width - 2 * PAGE.margin;
  const placed: PlacedItem[][] = [];
  const tables: TruthTable[] = [];
  const texts: string[] = [];
  pages.forEach((page, index) => {
    const items: PlacedItem[] = [];
    let y = PAGE.margin;
    const text = (t: string, x: number, top: number, face: FontFace = 'regular', size = BODY) =>
      items.push({ kind: 'text', text: t, x, top, face, size });
    const right = (t: string, edge: number, top: number, face: FontFace = 'regular') =>
      text(t, edge - measure(t, face, BODY), top, face);
    for (const block of page.blocks) {
      const said = blockText(block);
      if (said !== undefined) texts.push(said);
      switch (block.type) {
        case 'title':
          text(block.text, PAGE.margin, y, 'bold', 16);
          y += 24;
          break;
        case 'line':
          text(block.text, PAGE.margin, y, 'bold');
          y += LEADING;
          break;
        case 'gap':
          y += block.lines * LEADING;
          break;
        case 'paragraph':
          for (const line of wrap(block.text, inner, measure)) {
            text(line, PAGE.margin, y);
            y += LEADING;
          }
          break;
        case 'fields':
          for (const [label, value] of block.rows) {
            if (block.right) {
              const edge = PAGE.width - PAGE.margin;
              text(label, edge - 200, y, 'bold');
              right(value, edge, y);
            } else {
              text(label, PAGE.margin, y, 'bold');
              text(value, PAGE.margin + FIELD_VALUE_AT, y);
            }
            y += LEADING;
          }
          break;
        case 'table': {
          tables.push({ page: index + 1, rows: block.rows });
          block.rows.forEach((row, r) => {
            let x = PAGE.margin;
            const face: FontFace = r === 0 ? 'bold' : 'regular';
            row.forEach((cell, c) => {
              const w = block.widths[c];
              if (cell) {
                if (block.align[c] === 'right') right(cell, x + w - 4, y, face);
                else text(cell, x, y, face);
              }
              x += w;
            });
            // A rule under the header row only, as most invoices print it.
            if (r === 0) {
              const ry = y + BODY + 3;
              items.push({ kind: 'rule', x1: PAGE.margin, y1: ry, x2: x, y2: ry });
            }
            y += TABLE_ROW;
          });
          break;
        }
        case 'columns': {
          const width = (inner - COLUMN_GAP) / 2;
          let bottom = y;
          for (const [c, paragraphs] of [block.left, block.right].entries()) {
            let cy = y;
            const x = PAGE.margin + c * (width + COLUMN_GAP);
            for (const paragraph of paragraphs) {
              for (const line of wrap(paragraph, width, measure)) {
                text(line, x, cy);
                cy += LEADING;
              }
              cy += LEADING;
            }
            bottom = Math.max(bottom, cy);
          }
          y = bottom;
          break;
        }
      }
    }
    if (y > PAGE.height - PAGE.margin / 2) throw new Error(`page ${index + 1} overflows (${y} pt)`);
    placed.push(items);
  });
  return { pages: placed, text: texts.join('\n\n') + '\n', tables };
}
