// What a cell holds and shows: the text under its number format (number-format.ts) or, when
// the reviewer asks for raw values, the value itself (numbers in full, dates ISO); beside it the
// typed value and the formula for the JSON. Cached formula results, rich text joined, hyperlink
// text, error codes. Pure; shared by every reader so they all give identical text.
import {
  dateToSerial1900,
  formatByNumFmt,
  formatGeneral,
  isDateFormat as isNumFmtDate,
} from './number-format';

/** The shapes exceljs gives a cell value (both readers), kept structural to stay library-free. */
export type RawCellValue = unknown;

/** A cell's typed value as stored: a date is its serial number, a text is not repeated. */
export type CellRaw = string | number | boolean;

export interface CellReading {
  /** What the Markdown and `rows` show. */
  text: string;
  /** The stored value when it says more than `text`: numbers (dates as serials) and booleans. */
  raw?: CellRaw;
  /** The formula as written in the file, without the leading `=`. */
  formula?: string;
}

export type CellValuesMode = 'displayed' | 'raw';

export interface CellFormat {
  numFmt?: string;
  date1904: boolean;
  /** 'displayed' (default): as the number format shows it; 'raw': the value itself. */
  values?: CellValuesMode;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Days from 1900-01-00 to 1904-01-01: a 1904-system serial plus this is the 1900 serial. */
const DATE1904_OFFSET = 1462;

export const isDateFormat = isNumFmtDate;

/** Serial day number → Date, as exceljs does (1900 system; 1904 adds 1462 days). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(
    Math.round((serial + (date1904 ? DATE1904_OFFSET : 0)) * DAY_MS + EXCEL_EPOCH_MS),
  );
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

export const formatNumber = formatGeneral;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function richText(parts: unknown): string | undefined {
  if (!Array.isArray(parts)) return undefined;
  return parts.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('');
}

/**
 * A stored number. `serial1900` is the same number as a date serial in the 1900 system (numfmt
 * and the ISO rendering count from there); it differs from `stored` in a 1904 workbook.
 */
function numberReading(stored: number, format: CellFormat): CellReading {
  const date = isNumFmtDate(format.numFmt);
  const serial1900 = date && format.date1904 ? stored + DATE1904_OFFSET : stored;
  if (format.values === 'raw') {
    const text = date ? formatDate(serialToDate(serial1900, false)) : formatGeneral(stored);
    return { text, raw: stored };
  }
  return { text: formatByNumFmt(serial1900, format.numFmt), raw: stored };
}

/** What a cell holds and shows. Unknown shapes give '' rather than "[object Object]". */
export function readCell(value: RawCellValue, format: CellFormat): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', raw: value };
  if (typeof value === 'number')
    return Number.isNaN(value) ? { text: '' } : numberReading(value, format);
  if (value instanceof Date) {
    // exceljs made the Date from the serial; turn it back so the format, not exceljs, decides.
    if (Number.isNaN(value.getTime())) return { text: '' };
    const serial1900 = dateToSerial1900(value);
    const stored = format.date1904 ? serial1900 - DATE1904_OFFSET : serial1900;
    // exceljs's date test is looser than numfmt's: a format numfmt does not read as a date
    // still shows the date, as ISO.
    if (!isNumFmtDate(format.numFmt)) return { text: formatDate(value), raw: stored };
    return numberReading(stored, format);
  }
  if (!isRecord(value)) return { text: '' };
  if ('richText' in value) return { text: richText(value.richText) ?? '' };
  if ('error' in value) return { text: typeof value.error === 'string' ? value.error : '' };
  // Formulas: the value Excel cached when the file was saved (no recalculation here).
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? readCell(value.result, format) : { text: '' };
    return typeof value.formula === 'string' ? { ...result, formula: value.formula } : result;
  }
  // Hyperlinks: the text shown, which may itself be rich text.
  if ('hyperlink' in value || 'text' in value) return { text: readCell(value.text, format).text };
  return { text: '' };
}

/** The text a cell shows (readCell without the value and the formula). */
export function cellText(value: RawCellValue, format: CellFormat): string {
  return readCell(value, format).text;
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
