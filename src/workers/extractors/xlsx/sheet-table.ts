// Collects one sheet's non-empty cells (from either reader) and turns them into the model's
// `sheet` block plus table blocks. Only cells that hold text are stored, so a sheet that declares
// A1:XFD1048576 but holds 5 rows costs 5 rows; the range is the real bounding box of the text.
import { a1Range } from '../../../shared/a1';
import type { Block } from '../../../shared/model';
import { tidyCellText } from './cell-text';

/** Rows per table block: each Markdown table stays readable and each block stays small. */
export const TABLE_CHUNK_ROWS = 500;

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

const LOOKS_NUMERIC = /^[-+]?[\d.,\s]*\d[\d.,\s]*%?$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/**
 * A first row is a header when rows follow it and it has at least two texts, covering at least
 * half of the columns, none of them a number or a date. A title row (one cell) or a row of
 * figures is not a header; an empty column between headings is allowed.
 */
export function looksLikeHeader(rows: readonly string[][]): boolean {
  const first = rows[0];
  if (rows.length < 2 || first === undefined) return false;
  const texts = first.map((c) => c.trim()).filter((c) => c !== '');
  return (
    texts.length >= 2 &&
    texts.length * 2 >= first.length &&
    texts.every((cell) => !LOOKS_NUMERIC.test(cell))
  );
}

/** Rows × used columns above this are cut (a sparse "diagonal" sheet could otherwise explode). */
export const MAX_GRID_CELLS = 5_000_000;

interface StoredRow {
  row: number;
  /** 1-based columns of the non-empty cells, ascending, parallel to `texts`. */
  columns: number[];
  texts: string[];
}

export interface SheetBlocks {
  blocks: Block[];
  /** Rows left out because the grid would exceed MAX_GRID_CELLS (0 normally). */
  droppedRows: number;
}

export class SheetTable {
  private readonly rows: StoredRow[] = [];
  private top = Infinity;
  private bottom = 0;
  private left = Infinity;
  private right = 0;
  private cellCount = 0;

  constructor(readonly info: SheetInfo) {}

  get rowCount(): number {
    return this.rows.length;
  }

  get cells(): number {
    return this.cellCount;
  }

  /** Adds one sheet row; empty texts are ignored, an all-empty row is not stored. */
  addRow(row: number, cells: Iterable<[number, string]>): void {
    const kept: Array<[number, string]> = [];
    for (const [column, raw] of cells) {
      const text = tidyCellText(raw);
      if (text === '') continue;
      kept.push([column, text]);
      if (column < this.left) this.left = column;
      if (column > this.right) this.right = column;
    }
    if (kept.length === 0) return;
    kept.sort((a, b) => a[0] - b[0]);
    this.rows.push({ row, columns: kept.map(([c]) => c), texts: kept.map(([, t]) => t) });
    this.cellCount += kept.length;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
  }

  /** The bounding box of the text, e.g. `B2:F120`; '' for an empty sheet. */
  get range(): string {
    return this.rows.length === 0 ? '' : a1Range(this.top, this.left, this.bottom, this.right);
  }

  /**
   * The sheet block and its table blocks. Rows without text are left out; columns are kept
   * from the range's first to its last, empty ones included, so positions match the sheet. A long sheet is split into blocks of
   * TABLE_CHUNK_ROWS rows; when the first row is a header, each continuation repeats it so every
   * Markdown table can be read alone (its range then names only the rows it adds).
   */
  toBlocks(): SheetBlocks {
    const { name, hidden } = this.info;
    const sheetBlock: Block = {
      type: 'sheet',
      name,
      range: this.range,
      hidden,
      prov: { sheet: name, range: this.range },
    };
    if (this.rows.length === 0) return { blocks: [sheetBlock], droppedRows: 0 };
    this.rows.sort((a, b) => a.row - b.row);
    // Columns stay contiguous from the range's first to its last, so column i of the table is
    // sheet column left + i (a reader or renderer can name it); only empty rows are left out.
    const width = this.right - this.left + 1;
    const keptRows = Math.min(this.rows.length, Math.max(1, Math.floor(MAX_GRID_CELLS / width)));
    const stored = this.rows.slice(0, keptRows);
    const grid = stored.map(({ columns, texts }) => {
      const out = new Array<string>(width).fill('');
      columns.forEach((column, i) => (out[column - this.left] = texts[i] as string));
      return out;
    });
    const header = looksLikeHeader(grid);
    const headerRow = grid[0] as string[];
    const blocks: Block[] = [sheetBlock];
    for (let start = 0; start < grid.length; start += TABLE_CHUNK_ROWS) {
      const end = Math.min(grid.length, start + TABLE_CHUNK_ROWS);
      const slice = grid.slice(start, end);
      const fromRow = (stored[start] as StoredRow).row;
      const toRow = (stored[end - 1] as StoredRow).row;
      blocks.push({
        type: 'table',
        rows: start === 0 || !header ? slice : [headerRow, ...slice],
        header,
        prov: { sheet: name, range: a1Range(fromRow, this.left, toRow, this.right) },
      });
    }
    return { blocks, droppedRows: this.rows.length - keptRows };
  }
}
