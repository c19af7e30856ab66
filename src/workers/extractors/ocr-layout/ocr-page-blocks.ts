// One OCR'd page's blocks with its tables rebuilt: tesseract reads a table without rulings as
// columns (every description, then every amount), so its words are laid out again with the
// alignment detector the text layers use, in the upright frame they were read in. A table
// takes its words out of the paragraphs they were in and stands where the first of them was;
// a grid of "Label:" / value rows is a form and reads as one paragraph per row. A page where
// no table is found keeps tesseract's paragraphs exactly. Pure.
import type { Block } from '../../../shared/model';
import type { OcrLayout, OcrPageResult } from '../../engine/types';
import { alignedTables, type AlignedTable } from '../pdf/tables/alignment-grid';
import { headerRowsOf } from '../pdf/tables/detect-tables';
import { tableBlock } from '../pdf/tables/table-block';
import { tableRows, type DetectedTable } from '../pdf/tables/table-types';
import type { PlacedItem } from '../pdf/text-items';
import { fitAffine, mapRect, type AffineMap, type Point } from './frame-fit';
import { layoutItems } from './layout-items';
import { withoutProse } from './prose-lines';

/** The page in the units its table boxes are given in (points for a PDF, pixels for an image). */
export interface PageSize {
  width: number;
  height: number;
}

/** A two-column grid is a form when at least this share of its first cells end in a colon. */
const FORM_LABEL_SHARE = 0.8;

function isForm(table: AlignedTable): boolean {
  if (table.cols !== 2) return false;
  const labels = table.cells.filter((c) => c.col === 0 && c.colSpan === 1);
  const colons = labels.filter((c) => /:$/.test(c.text)).length;
  return labels.length > 0 && colons >= FORM_LABEL_SHARE * table.rows;
}

/** A column whose cells are mostly this share of lone non-digits is a dotted rule read as text. */
const RULE_COLUMN_SHARE = 0.6;

/**
 * A dotted or dashed line between two panels (a payment slip's receipt and payment part) is
 * read as a column of "i", "|" or ":": the panels beside it are no table.
 */
function hasRuleColumn(table: AlignedTable): boolean {
  for (let c = 0; c < table.cols; c++) {
    const texts = table.cells
      .filter((cell) => cell.col === c && cell.text !== '')
      .map((x) => x.text);
    const lone = texts.filter((t) => t.length === 1 && !/\p{N}/u.test(t)).length;
    if (texts.length > 0 && lone >= RULE_COLUMN_SHARE * texts.length) return true;
  }
  return false;
}

/** From points of the frame read to the page, fitted on the words' centres. */
function frameToPage(
  items: readonly PlacedItem[],
  wordOf: ReadonlyMap<PlacedItem, number>,
  result: OcrPageResult,
  size: PageSize,
): AffineMap | null {
  const boxes = result.wordBoxes ?? [];
  const words = result.layout?.words ?? [];
  const from: Point[] = [];
  const to: Point[] = [];
  for (const item of items) {
    const box = boxes[words[wordOf.get(item) ?? -1]?.boxIndex ?? -1];
    if (!box) continue;
    from.push([item.x + item.width / 2, item.y - item.size * 0.375]);
    to.push([
      ((box.box[0] + box.box[2]) / 2) * size.width,
      ((box.box[1] + box.box[3]) / 2) * size.height,
    ]);
  }
  return fitAffine(from, to);
}

function pageTable(table: AlignedTable, map: AffineMap | null): DetectedTable {
  const place = map ? (r: DetectedTable['box']) => mapRect(r, map) : (r: DetectedTable['box']) => r;
  const cells = table.cells.map((c) => ({ ...c, box: place(c.box) }));
  return {
    box: place(table.box),
    rows: table.rows,
    cols: table.cols,
    cells,
    headerRows: headerRowsOf(cells, table.rows),
    columnEdges: table.columnEdges,
    source: 'alignment',
  };
}

/** What stands in for a found grid: a table block, or a form's rows as paragraphs. */
function gridBlocks(table: AlignedTable, map: AffineMap | null, page: number): Block[] {
  const prov = { page, ocr: true };
  if (isForm(table)) {
    return tableRows(pageTable(table, null))
      .map((row) => row.filter((t) => t !== '').join(' '))
      .filter((text) => text !== '')
      .map((text) => ({ type: 'paragraph', text, prov }));
  }
  return [{ ...tableBlock(pageTable(table, map), page), prov }];
}

/** A paragraph's text from the words it keeps: a line per tesseract line, as tesseract joins. */
function paragraphOf(layout: OcrLayout, kept: readonly number[]): string {
  const lines = new Map<number, string[]>();
  for (const i of kept) {
    const w = layout.words[i];
    const line = lines.get(w.line);
    if (line) line.push(w.text);
    else lines.set(w.line, [w.text]);
  }
  return [...lines.values()].map((words) => words.join(' ')).join('\n');
}

const hasContent = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

export function ocrPageBlocks(result: OcrPageResult, page: number, size: PageSize): Block[] {
  const { layout, wordBoxes } = result;
  if (!layout || !wordBoxes) return result.blocks;
  const { items, wordOf, scale } = layoutItems(layout);
  const laid = new Set(wordOf.values());
  const tables = alignedTables(withoutProse(items)).filter((t) => !hasRuleColumn(t));
  if (tables.length === 0) return result.blocks;
  const map = frameToPage(items, wordOf, result, size);

  const used = new Set<number>();
  const grids = new Map<number, { top: number; blocks: Block[] }[]>();
  for (const table of tables) {
    const words = table.used.map((item) => wordOf.get(item) ?? -1).filter((i) => i >= 0);
    words.forEach((i) => used.add(i));
    const at = Math.min(...words.map((i) => layout.words[i].block));
    const grid = { top: table.box.y0, blocks: gridBlocks(table, map, page) };
    grids.set(at, [...(grids.get(at) ?? []), grid]);
  }
  const keptOf = new Map<number, number[]>();
  const touched = new Set<number>();
  layout.words.forEach((w, i) => {
    if (used.has(i)) touched.add(w.block);
    else keptOf.set(w.block, [...(keptOf.get(w.block) ?? []), i]);
  });
  // A kept line's top in the frame's points, with the lean sheared out as the items' are.
  const topOf = (i: number): number => {
    const [x0, y0, x1] = layout.words[i].box;
    return (y0 - layout.slope * ((x0 + x1) / 2)) * scale;
  };

  const blocks: Block[] = [];
  result.blocks.forEach((block, b) => {
    if (!touched.has(b)) {
      blocks.push(block);
      return;
    }
    // What tables leave of a paragraph goes above, between and below them as it lay (a heading
    // tesseract read in one block with the tables around it), unless it is only specks.
    const lines = new Map<number, number[]>();
    for (const i of keptOf.get(b) ?? []) {
      const line = lines.get(layout.words[i].line);
      if (line) line.push(i);
      else lines.set(layout.words[i].line, [i]);
    }
    const events = [
      ...[...lines.values()].map((words) => ({ top: Math.min(...words.map(topOf)), words })),
      ...(grids.get(b) ?? []).map((g) => ({ top: g.top, grid: g.blocks })),
    ].sort((x, y) => x.top - y.top);
    let pending: number[] = [];
    const flush = () => {
      const text = paragraphOf(layout, pending);
      if (hasContent(text) && pending.some((i) => laid.has(i)))
        blocks.push({ type: 'paragraph', text, prov: block.prov });
      pending = [];
    };
    for (const event of events) {
      if ('words' in event) pending.push(...event.words);
      else {
        flush();
        blocks.push(...event.grid);
      }
    }
    flush();
  });
  return blocks;
}
