// A detected table as the model's table block: rows of text (a span's text at its top-left
// position), header rows, the table's and every cell's box on the page.
import type { Block, PageBox } from '../../../../shared/model';
import { tableRows, type DetectedTable, type Rect } from './table-types';

type TableBlock = Extract<Block, { type: 'table' }>;

const round = (v: number) => Math.round(v * 10) / 10;

export function pageBox(r: Rect): PageBox {
  return { x0: round(r.x0), y0: round(r.y0), x1: round(r.x1), y1: round(r.y1) };
}

export function tableBlock(table: DetectedTable, page: number): TableBlock {
  const block: TableBlock = {
    type: 'table',
    rows: tableRows(table),
    header: table.headerRows > 0,
    bbox: pageBox(table.box),
    cells: table.cells.map((c) => ({
      row: c.row,
      col: c.col,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      bbox: pageBox(c.box),
    })),
    prov: { page },
  };
  if (table.headerRows > 0) block.headerRows = table.headerRows;
  return block;
}
