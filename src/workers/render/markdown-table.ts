// GitHub-flavoured Markdown tables. Every row gets the same number of cells (short rows padded),
// a header row always exists (Markdown requires one), and columns are padded to a capped width so
// the raw file lines up for a reader without letting one long cell widen a 50,000-row sheet.
import { columnLetters, firstColumnNumber } from '../../shared/a1';
import { escapeTableCell } from './markdown-escape';

const MAX_PAD_WIDTH = 24;
const MIN_WIDTH = 3;

export interface TableInput {
  rows: readonly (readonly string[])[];
  header: boolean;
  /** A1 range of the table in its sheet: headerless spreadsheet tables are labelled A, B, C… */
  range?: string;
  /** Indexes into `rows` of rows hidden in the source (a spreadsheet): labelled, not left out. */
  hiddenRows?: readonly number[];
  /** Column indexes of hidden columns: their header cell is labelled. */
  hiddenColumns?: readonly number[];
}

const HIDDEN = '(hidden)';

/** A hidden row says so in its first cell, as a hidden sheet says so in its heading. */
function labelHiddenRows(table: TableInput): readonly (readonly string[])[] {
  if (!table.hiddenRows?.length) return table.rows;
  const hidden = new Set(table.hiddenRows);
  return table.rows.map((row, i) => {
    if (!hidden.has(i)) return row;
    const [first = '', ...rest] = row;
    return [first === '' ? HIDDEN : `${HIDDEN} ${first}`, ...rest];
  });
}

/**
 * Splits off the header row. Markdown requires one, so a table without a declared header uses: for
 * a spreadsheet range, the column letters (a reviewer's cell references); otherwise its own first
 * row, as Word and PDF tables almost always start with their column titles (inventing "Column 1"
 * would add words the document does not contain).
 */
function splitHeader(
  table: TableInput,
  width: number,
): { head: string[]; body: readonly (readonly string[])[] } {
  const first = table.range === undefined ? undefined : firstColumnNumber(table.range);
  if (!table.header && first !== undefined) {
    return {
      head: Array.from({ length: width }, (_, i) => columnLetters(first + i)),
      body: table.rows,
    };
  }
  return { head: (table.rows[0] ?? []).map(escapeTableCell), body: table.rows.slice(1) };
}

/** Renders a table as Markdown lines (no trailing newline); empty tables render as nothing. */
export function renderTable(table: TableInput): string {
  const width = table.rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (width === 0) return '';
  const split = splitHeader({ ...table, rows: labelHiddenRows(table) }, width);
  const hiddenColumns = new Set(table.hiddenColumns ?? []);
  const head = split.head.map((cell, c) =>
    hiddenColumns.has(c) ? (cell === '' ? HIDDEN : `${cell} ${HIDDEN}`) : cell,
  );
  const body = split.body;
  const bodyRows = body.map((row) => row.map(escapeTableCell));
  const all = [head, ...bodyRows];
  const widths = Array.from({ length: width }, (_, c) =>
    Math.min(
      MAX_PAD_WIDTH,
      all.reduce((w, row) => Math.max(w, (row[c] ?? '').length), MIN_WIDTH),
    ),
  );
  const line = (cells: readonly string[]): string =>
    '| ' + widths.map((w, c) => (cells[c] ?? '').padEnd(w)).join(' | ') + ' |';
  const delimiter = '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |';
  return [line(head), delimiter, ...bodyRows.map(line)].join('\n');
}
