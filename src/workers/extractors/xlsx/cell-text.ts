// What a cell shows, as text: cached formula results, ISO dates, rich text joined, hyperlink
// text, error codes, and numbers without binary float noise. Pure; shared by the full and the
// streaming reader so both give identical text.

/** The shapes exceljs gives a cell value (both readers), kept structural to stay library-free. */
export type RawCellValue = unknown;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Same rule as exceljs: any of y m d h s b outside quotes and brackets makes a date format. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === '') return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

function isPercentFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined) return false;
  return /%/.test(numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** Serial day number → Date, as exceljs does (1900 system; 1904 adds 1462 days). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0)) * DAY_MS + EXCEL_EPOCH_MS));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` when the time is not midnight, and `HH:MM[:SS]` for a
 * time of day alone (a serial below 1, which lands on Excel's day zero 1899-12-30 or -31).
 */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  const time = `${pad(h)}:${pad(m)}${s !== 0 ? `:${pad(s)}` : ''}`;
  const timeOnly = date.getUTCFullYear() === 1899 && date.getUTCMonth() === 11;
  if (timeOnly) return time;
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${time}`;
}

/** 15 significant digits (Excel's own precision) drop float noise: 0.1+0.2 → 0.3. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return String(Number(value.toPrecision(15)));
}

function formatPercent(value: number): string {
  return `${formatNumber(Number((value * 100).toPrecision(15)))}%`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function richText(parts: unknown): string | undefined {
  if (!Array.isArray(parts)) return undefined;
  return parts.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('');
}

export interface CellFormat {
  numFmt?: string;
  date1904: boolean;
}

/** The text a cell shows. Unknown shapes give '' rather than "[object Object]". */
export function cellText(value: RawCellValue, format: CellFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateFormat(format.numFmt)) return formatDate(serialToDate(value, format.date1904));
    if (isPercentFormat(format.numFmt)) return formatPercent(value);
    return formatNumber(value);
  }
  if (value instanceof Date) return formatDate(value);
  if (!isRecord(value)) return '';
  if ('richText' in value) return richText(value.richText) ?? '';
  if ('error' in value) return typeof value.error === 'string' ? value.error : '';
  // Formulas: the value Excel cached when the file was saved (no recalculation here).
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? cellText(value.result, format) : '';
  // Hyperlinks: the text shown, which may itself be rich text.
  if ('hyperlink' in value || 'text' in value) return cellText(value.text, format);
  return '';
}

/**
 * Drops line breaks (and the indentation after them) at the very start or end of a cell's text.
 * exceljs's streaming reader keeps the whitespace between the tags of a pretty-printed shared
 * string (`<si>\n  <t>City </t>\n</si>` → "City \n"), which the full reader and Excel do not;
 * a cell's own inner line breaks and spaces stay as they are.
 */
export function tidyCellText(text: string): string {
  return text.replace(/^\s*\n[ \t]*/, '').replace(/\n\s*$/, '');
}
