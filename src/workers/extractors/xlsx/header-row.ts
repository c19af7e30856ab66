// Which row of a sheet holds its column titles. Sheets often open with a title ("Purchase ledger
// FY2024", merged across the table) and a blank or a subtitle before the real header; taking the
// first row as the header would make the title a column name and the titles data. Pure.

const LOOKS_NUMERIC =
  /^[-+(]?[$€£¥]?\s?[\d.,\s]*\d[\d.,\s]*\)?%?$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/** Title rows looked past, at most: a title, a subtitle, a note. */
export const MAX_TITLE_ROWS = 3;
/** Rows below a candidate that say which columns the data uses. */
const DATA_ROWS_SAMPLED = 5;

function filled(row: readonly string[]): number[] {
  const columns: number[] = [];
  row.forEach((cell, i) => {
    if (cell.trim() !== '') columns.push(i);
  });
  return columns;
}

/**
 * Row `index` is a header when rows follow it and it has at least two texts, none of them a
 * number or a date, covering at least half of the columns the rows below it use. A title row
 * (one cell) or a row of figures is not a header; an empty column between headings is allowed.
 */
function isHeaderAt(rows: readonly string[][], index: number): boolean {
  const row = rows[index];
  if (row === undefined || index + 1 >= rows.length) return false;
  const texts = filled(row);
  if (texts.length < 2 || texts.some((i) => LOOKS_NUMERIC.test((row[i] as string).trim())))
    return false;
  const used = new Set<number>();
  for (const below of rows.slice(index + 1, index + 1 + DATA_ROWS_SAMPLED))
    for (const i of filled(below)) used.add(i);
  const covered = texts.filter((i) => used.has(i)).length;
  return used.size > 0 && covered * 2 >= used.size;
}

/**
 * The 0-based index of the header row, or -1. Only rows of a single text (titles) may come
 * before it, at most MAX_TITLE_ROWS of them; a sheet whose first rows are data has no header
 * further down.
 */
export function findHeaderRow(rows: readonly string[][]): number {
  for (let index = 0; index <= MAX_TITLE_ROWS && index < rows.length; index++) {
    if (isHeaderAt(rows, index)) return index;
    if (filled(rows[index] as string[]).length > 1) return -1;
  }
  return -1;
}

/** True when the first row is the header (no title rows before it). */
export function looksLikeHeader(rows: readonly string[][]): boolean {
  return findHeaderRow(rows) === 0;
}
