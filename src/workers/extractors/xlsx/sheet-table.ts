// Collects one sheet's non-empty cells (from either reader) and turns them into the model's
// `sheet` block, the title rows above its header as paragraphs, and table blocks. Only cells that
// hold text are stored, so a sheet that declares A1:XFD1048576 but holds 5 rows costs 5 rows; the
// range is the real bounding box of the text.
import { a1Range, columnLetters } from '../../../shared/a1';
import type { Block, SheetCellValue } from '../../../shared/model';
import { type CellReading, tidyCellText } from './cell-text';
import { findHeaderRow } from './header-row';

export { looksLikeHeader } from './header-row';

/** Rows per table block: each Markdown table stays readable and each block stays small. */
export const TABLE_CHUNK_ROWS = 500;

export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** 1-based rows and columns hidden in Excel. */
  hiddenRows?: ReadonlySet<number>;
  hiddenColumns?: ReadonlySet<number>;
  /** Keep stored values and formulas (ExtractOptions.excel.storedValues); default true. */
  storedValues?: boolean;
}

/** Rows × used columns above this are cut (a sparse "diagonal" sheet could otherwise explode). */
export const MAX_GRID_CELLS = 5_000_000;

interface StoredRow {
  row: number;
  /** 1-based columns of the non-empty cells, ascending, parallel to `texts`. */
  columns: number[];
  texts: string[];
  /** Parallel to `texts`, present when a cell of the row has a value or formula to keep. */
  values?: Array<SheetCellValue | null>;
}

export interface SheetBlocks {
  blocks: Block[];
  /** Rows left out because the grid would exceed MAX_GRID_CELLS (0 normally). */
  droppedRows: number;
}

/** Hidden rows and columns (1-based) that hold text, for the sheet's warning. */
export interface HiddenWithText {
  rows: number[];
  columns: number[];
}

/** The stored value and formula worth keeping beside the text; null when there is none. */
function cellValue(reading: CellReading): SheetCellValue | null {
  if (reading.raw === undefined && reading.formula === undefined) return null;
  return {
    ...(reading.raw === undefined ? {} : { raw: reading.raw }),
    ...(reading.formula === undefined ? {} : { formula: reading.formula }),
  };
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
  addRow(row: number, cells: Iterable<[number, CellReading | string]>): void {
    const columns: number[] = [];
    const texts: string[] = [];
    const values: Array<SheetCellValue | null> = [];
    let anyValue = false;
    const kept: Array<[number, string, SheetCellValue | null]> = [];
    for (const [column, cell] of cells) {
      const reading = typeof cell === 'string' ? { text: cell } : cell;
      const text = tidyCellText(reading.text);
      if (text === '') continue;
      const value = this.info.storedValues === false ? null : cellValue(reading);
      anyValue ||= value !== null;
      kept.push([column, text, value]);
      if (column < this.left) this.left = column;
      if (column > this.right) this.right = column;
    }
    if (kept.length === 0) return;
    kept.sort((a, b) => a[0] - b[0]);
    for (const [column, text, value] of kept) {
      columns.push(column);
      texts.push(text);
      values.push(value);
    }
    this.rows.push({ row, columns, texts, ...(anyValue ? { values } : {}) });
    this.cellCount += kept.length;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
  }

  /** The bounding box of the text, e.g. `B2:F120`; '' for an empty sheet. */
  get range(): string {
    return this.rows.length === 0 ? '' : a1Range(this.top, this.left, this.bottom, this.right);
  }

  /** Hidden rows and columns that hold text (a hidden empty column says nothing). */
  hiddenWithText(): HiddenWithText {
    const { hiddenRows, hiddenColumns } = this.info;
    const rows = hiddenRows?.size
      ? this.rows.map((r) => r.row).filter((r) => hiddenRows.has(r))
      : [];
    const used = new Set<number>();
    if (hiddenColumns?.size) for (const r of this.rows) for (const c of r.columns) used.add(c);
    const columns = [...used].filter((c) => hiddenColumns?.has(c)).sort((a, b) => a - b);
    return { rows: rows.sort((a, b) => a - b), columns };
  }

  /**
   * The sheet block, its title rows and its table blocks. Rows without text are left out;
   * columns are kept from the range's first to its last, empty ones included, so column i of a
   * table is sheet column left + i (its letters stay in `prov.range`). When the sheet has a
   * header row (after at most a few one-cell title rows, which become paragraphs), it is the
   * tables' header. A long sheet is split into blocks of TABLE_CHUNK_ROWS rows; each continuation
   * repeats the header so every Markdown table can be read alone (its range names only the rows
   * it adds).
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
    const width = this.right - this.left + 1;
    const keptRows = Math.min(this.rows.length, Math.max(1, Math.floor(MAX_GRID_CELLS / width)));
    const stored = this.rows.slice(0, keptRows);
    const grid = stored.map(({ columns, texts }) => {
      const out = new Array<string>(width).fill('');
      columns.forEach((column, i) => (out[column - this.left] = texts[i] as string));
      return out;
    });
    const headerAt = findHeaderRow(grid);
    const blocks: Block[] = [sheetBlock];
    // Title rows hold one text each: a paragraph names the cell it came from.
    for (const title of stored.slice(0, Math.max(0, headerAt))) {
      const column = title.columns[0] as number;
      blocks.push({
        type: 'paragraph',
        text: title.texts[0] as string,
        prov: { sheet: name, range: `${columnLetters(column)}${title.row}` },
      });
    }
    const body = headerAt > 0 ? stored.slice(headerAt) : stored;
    const bodyGrid = headerAt > 0 ? grid.slice(headerAt) : grid;
    const header = headerAt >= 0;
    for (let start = 0; start < body.length; start += TABLE_CHUNK_ROWS) {
      const end = Math.min(body.length, start + TABLE_CHUNK_ROWS);
      const repeat = start > 0 && header;
      const chunk = repeat ? [body[0], ...body.slice(start, end)] : body.slice(start, end);
      const rows = repeat
        ? [bodyGrid[0] as string[], ...bodyGrid.slice(start, end)]
        : bodyGrid.slice(start, end);
      const fromRow = (body[start] as StoredRow).row;
      const toRow = (body[end - 1] as StoredRow).row;
      blocks.push({
        type: 'table',
        rows,
        header,
        ...(header ? { headerRows: 1 } : {}),
        ...this.extras(chunk as StoredRow[], width),
        prov: { sheet: name, range: a1Range(fromRow, this.left, toRow, this.right) },
      });
    }
    return { blocks, droppedRows: this.rows.length - keptRows };
  }

  /** A block's optional fields: cell values and hidden rows/columns, only when there are any. */
  private extras(
    chunk: StoredRow[],
    width: number,
  ): Pick<Extract<Block, { type: 'table' }>, 'cellValues' | 'hiddenRows' | 'hiddenColumns'> {
    const { hiddenRows, hiddenColumns } = this.info;
    const out: ReturnType<SheetTable['extras']> = {};
    if (chunk.some((r) => r.values !== undefined))
      out.cellValues = chunk.map(({ columns, values }) => {
        const row = new Array<SheetCellValue | null>(width).fill(null);
        if (values) columns.forEach((column, i) => (row[column - this.left] = values[i] ?? null));
        return row;
      });
    const rows = chunk.flatMap((r, i) => (hiddenRows?.has(r.row) ? [i] : []));
    if (rows.length > 0) out.hiddenRows = rows;
    const columns: number[] = [];
    for (let i = 0; i < width; i++) if (hiddenColumns?.has(this.left + i)) columns.push(i);
    if (columns.length > 0) out.hiddenColumns = columns;
    return out;
  }
}
