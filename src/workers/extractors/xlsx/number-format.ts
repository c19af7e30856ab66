// A number as Excel shows it under its cell's number format (ECMA-376 18.8.31), rendered by
// numfmt: fixed decimals, thousands separators, percentages, currency, negative and red sections,
// dates and times, fractions, scientific. Three things are decided here rather than by numfmt:
// General keeps every significant digit (Excel's "1.23457E+11" depends on the column's width);
// the built-in formats whose look follows the reader's system locale (14, 22, the East Asian
// dates) become ISO dates, which read the same everywhere; and a `[$€-407]` locale code picks the
// currency symbol while separators stay the document's one convention (1,234.50).
import { format as numfmtFormat, isDateFormat as numfmtIsDate } from 'numfmt';

/** ISO forms for the formats that mean "the system's short date / date and time". */
const ISO_DATE = 'yyyy-mm-dd';
const ISO_DATE_TIME = 'yyyy-mm-dd hh:mm';

/**
 * Built-in number formats by numFmtId (ECMA-376 18.8.30), as a file refers to them without a
 * `<numFmt>` of its own. The codes for 0–49 are the ones exceljs reports for the same ids, so the
 * tolerant reader and the exceljs readers show the same text.
 */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Ids whose look is the reader's locale (East Asian calendars and date orders): ISO here. */
function isLocaleDateId(id: number): boolean {
  return (id >= 27 && id <= 36) || (id >= 50 && id <= 58) || id === 81;
}

/** The format code for a built-in numFmtId, or undefined for an id Excel does not define. */
export function builtinFormat(id: number): string | undefined {
  if (id === 14) return ISO_DATE;
  if (id === 22) return ISO_DATE_TIME;
  if (isLocaleDateId(id)) return id === 32 || id === 33 ? 'h:mm:ss' : ISO_DATE;
  return BUILTIN_FORMATS[id];
}

/**
 * The format to render with: the locale-dependent built-ins as exceljs spells them (14 as
 * `mm-dd-yy`, 22 with a stray quoted "h") become ISO; everything else is kept as written.
 */
export function canonicalFormat(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const trimmed = code.trim();
  if (trimmed === '' || /^general$/i.test(trimmed)) return undefined;
  if (trimmed === 'mm-dd-yy') return ISO_DATE;
  if (trimmed === 'm/d/yy "h":mm' || trimmed === 'm/d/yy h:mm') return ISO_DATE_TIME;
  return trimmed;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A Date as exceljs makes it from a serial (UTC clock) → that serial in the 1900 system. */
export function dateToSerial1900(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** 15 significant digits (Excel's own precision) drop float noise: 0.1+0.2 → 0.3. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return String(Number(value.toPrecision(15)));
}

const NUMFMT_OPTIONS = { locale: 'en-US', throws: true, dateErrorNumber: true } as const;

/** The largest serial Excel shows as a date (9999-12-31); negative serials show as ####. */
const LAST_DATE_SERIAL = 2_958_465;

const CURRENCY_LOCALE = /\[\$([^\]-]*)-[0-9A-Fa-f]+\]/g;

/**
 * `[$€-407]` in a number format: the symbol is kept, the locale dropped, because Excel takes
 * decimal and thousands separators from the reader's system, not from the code (numfmt would
 * switch to German `1.234,50`). A date format keeps its locale: there it names months and days.
 */
function withoutCurrencyLocale(code: string): string {
  return code.replace(CURRENCY_LOCALE, (_all, symbol: string) => (symbol ? `[$${symbol}]` : ''));
}

/** Formats numfmt refuses are remembered, so a bad code costs one exception, not one per cell. */
const refused = new Set<string>();

/** Fill (`*x`) and padding (`_x`) are layout: they leave runs of spaces that carry no content. */
function tidyLayout(text: string): string {
  return text.replace(/\s{2,}/g, ' ').trim();
}

export function isDateFormat(code: string | undefined): boolean {
  const canonical = canonicalFormat(code);
  if (canonical === undefined || refused.has(canonical)) return false;
  try {
    return numfmtIsDate(canonical);
  } catch {
    return false;
  }
}

/**
 * A number (date serials in the 1900 system, as numfmt reads them) as its format shows it.
 * General, a missing format and a format numfmt cannot read fall back to formatGeneral.
 */
export function formatByNumFmt(value: number, code: string | undefined): string {
  const canonical = canonicalFormat(code);
  if (canonical === undefined || refused.has(canonical)) return formatGeneral(value);
  try {
    const date = numfmtIsDate(canonical);
    if (date && (value < 0 || value > LAST_DATE_SERIAL + 1)) return formatGeneral(value);
    const pattern = date ? canonical : withoutCurrencyLocale(canonical);
    const text = tidyLayout(numfmtFormat(pattern, value, NUMFMT_OPTIONS));
    // numfmt's own General (inside a section) shortens like a narrow column; keep the digits.
    return /^general$/i.test(canonical) ? formatGeneral(value) : text;
  } catch {
    refused.add(canonical);
    return formatGeneral(value);
  }
}
