// How a table's merged cells and page breaks read in Markdown, which has neither: a spanning
// cell's text is repeated (the header stands over every column it spans, the row label beside
// every row it groups), and a table joined over pages says where, in a comment.
import type { Block, TableCell } from '../../shared/model';

type TableBlock = Extract<Block, { type: 'table' }>;

/**
 * The rows with spanning cells' text repeated over the positions they cover: down every row a
 * label spans, and across every column a header cell spans. A body cell spanning columns (a
 * section title across the table) is written once.
 */
export function rowsWithSpans(
  rows: readonly (readonly string[])[],
  cells: readonly TableCell[] | undefined,
  headerRows = 0,
): string[][] {
  const out = rows.map((row) => [...row]);
  for (const cell of cells ?? []) {
    if (cell.rowSpan <= 1 && cell.colSpan <= 1) continue;
    const text = out[cell.row]?.[cell.col] ?? '';
    if (!text) continue;
    const colSpan = cell.row < headerRows ? cell.colSpan : 1;
    for (let r = cell.row; r < cell.row + cell.rowSpan && r < out.length; r++) {
      for (let c = cell.col; c < cell.col + colSpan; c++) {
        if (c < out[r].length && out[r][c] === '') out[r][c] = text;
      }
    }
  }
  return out;
}

/**
 * `<!-- table continued on page 4 from row 12 -->` for a table joined over page breaks: a
 * comment, like the page markers, so the note adds no words to the document's text.
 */
export function continuationNote(block: TableBlock): string | undefined {
  const parts = block.continuation ?? [];
  if (parts.length === 0) return undefined;
  const where = parts.map((p) => `page ${p.page} from row ${p.row + 1}`).join(', ');
  return `<!-- table continued on ${where} -->`;
}
