// How a table's merged cells and page breaks read in Markdown, which has neither: each position
// a spanning cell covers repeats its text (the header stands over every column it spans, the
// row label beside every row it groups), and a table joined over pages says where.
import type { Block, TableCell } from '../../shared/model';

type TableBlock = Extract<Block, { type: 'table' }>;

/** The rows with each spanning cell's text repeated over the positions it covers. */
export function rowsWithSpans(
  rows: readonly (readonly string[])[],
  cells: readonly TableCell[] | undefined,
): string[][] {
  const out = rows.map((row) => [...row]);
  for (const cell of cells ?? []) {
    if (cell.rowSpan <= 1 && cell.colSpan <= 1) continue;
    const text = out[cell.row]?.[cell.col] ?? '';
    if (!text) continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan && r < out.length; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        if (c < out[r].length && out[r][c] === '') out[r][c] = text;
      }
    }
  }
  return out;
}

/** "Table continued on page 4 (from row 12)." for a table joined over page breaks. */
export function continuationNote(block: TableBlock): string | undefined {
  const parts = block.continuation ?? [];
  if (parts.length === 0) return undefined;
  const where = parts.map((p) => `page ${p.page} (from row ${p.row + 1})`).join(', ');
  return `Table continued on ${where}.`;
}
