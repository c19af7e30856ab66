// Numbers as Excel shows them under their number format, one test per format class.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  builtinFormat,
  canonicalFormat,
  formatByNumFmt,
  formatGeneral,
  isDateFormat,
} from '../../../../../src/workers/extractors/xlsx/number-format';

const shown = (code: string | undefined, value: number) => formatByNumFmt(value, code);

test('fixed decimals keep their trailing zeros', () => {
  assert.equal(shown('0.00', 21564.8), '21564.80');
  assert.equal(shown('0.00', 3), '3.00');
  assert.equal(shown('0', 2.5), '3');
  assert.equal(shown('0.000', -0.1), '-0.100');
});

test('thousands separators', () => {
  assert.equal(shown('#,##0.00', 21564.8), '21,564.80');
  assert.equal(shown('#,##0', 1234567), '1,234,567');
  assert.equal(shown(builtinFormat(4), 1e6), '1,000,000.00');
});

test('percentages', () => {
  assert.equal(shown('0%', 0.256), '26%');
  assert.equal(shown('0.00%', 0.256), '25.60%');
  assert.equal(shown(builtinFormat(10), 1), '100.00%');
});

test('currency: quoted symbols, [$€-407] locale codes (separators stay 1,234.50), accounting', () => {
  assert.equal(shown('"$"#,##0.00', 1234.5), '$1,234.50');
  assert.equal(shown('[$€-407] #,##0.00', 1234.5), '€ 1,234.50');
  assert.equal(shown('#,##0.00 [$€-407]', -1234.5), '-1,234.50 €');
  assert.equal(shown('[$£-809]#,##0.00', 5), '£5.00');
  assert.equal(shown('[$USD] #,##0.00', 5), 'USD 5.00');
  assert.equal(shown('#,##0.00 "€"', 1234.56), '1,234.56 €');
  // Accounting: padding and fill are layout, not text; zero shows as a dash.
  const accounting = builtinFormat(44);
  assert.equal(shown(accounting, 1234.5), '$1,234.50');
  assert.equal(shown(accounting, -1234.5), '$(1,234.50)');
  assert.equal(shown(accounting, 0), '$-');
});

test('negative sections: parentheses, [Red], a zero section', () => {
  assert.equal(shown('#,##0.00;[Red](#,##0.00)', -21564.8), '(21,564.80)');
  assert.equal(shown('#,##0.00;[Red](#,##0.00)', 21564.8), '21,564.80');
  assert.equal(shown('#,##0.00_);[Red](#,##0.00)', -5), '(5.00)');
  assert.equal(shown(builtinFormat(8), -5), '($5.00)');
  assert.equal(shown('[Red]0.00', 3), '3.00');
  assert.equal(shown('0.00;-0.00;"zero"', 0), 'zero');
});

test('built-in dates and times 14–22: the locale-dependent 14 and 22 as ISO, the rest as written', () => {
  const serial = 45000.75; // 2023-03-15 18:00
  const ids = [14, 15, 16, 17, 18, 19, 20, 21, 22].map((id) => [
    id,
    shown(builtinFormat(id), serial),
  ]);
  assert.deepEqual(ids, [
    [14, '2023-03-15'],
    [15, '15-Mar-23'],
    [16, '15-Mar'],
    [17, 'Mar-23'],
    [18, '6:00 PM'],
    [19, '6:00:00 PM'],
    [20, '18:00'],
    [21, '18:00:00'],
    [22, '2023-03-15 18:00'],
  ]);
  // exceljs spells 14 and 22 its own way; both become ISO as well.
  assert.equal(shown('mm-dd-yy', 45000), '2023-03-15');
  assert.equal(shown('m/d/yy "h":mm', serial), '2023-03-15 18:00');
  // East Asian locale dates (27–36, 50–58) read the same everywhere as ISO.
  assert.equal(shown(builtinFormat(31), 45000), '2023-03-15');
});

test('custom dates and times: dd/mm/yyyy, long names, elapsed hours, out-of-range serials', () => {
  assert.equal(shown('dd/mm/yyyy', 45000.5), '15/03/2023');
  assert.equal(shown('yyyy-mm-dd', 45351), '2024-02-29');
  assert.equal(shown('dddd, mmmm d, yyyy', 45000), 'Wednesday, March 15, 2023');
  assert.equal(shown('[h]:mm:ss', 1.5), '36:00:00');
  assert.equal(shown('dd.mm.yyyy hh:mm', 45000.25), '15.03.2023 06:00');
  // Excel shows #### for a negative date; the number says more.
  assert.equal(shown('yyyy-mm-dd', -5), '-5');
  assert.equal(isDateFormat('dd/mm/yyyy'), true);
  assert.equal(isDateFormat('"Total: "0.00'), false);
  assert.equal(isDateFormat('[Red]#,##0'), false);
});

test('text @ and General: General keeps every significant digit, without float noise', () => {
  assert.equal(shown('@', 12), '12');
  assert.equal(shown('General', 21564.8), '21564.8');
  assert.equal(shown(undefined, 0.1 + 0.2), '0.3');
  assert.equal(shown('General', 123456789012), '123456789012');
  assert.equal(formatGeneral(-3), '-3');
  assert.equal(canonicalFormat(' general '), undefined);
});

test('fractions and scientific', () => {
  assert.equal(shown('# ?/?', 1.25), '1 1/4');
  assert.equal(shown('# ??/??', 3.14159), '3 1/7');
  assert.equal(shown('0.00E+00', 12345.678), '1.23E+04');
  assert.equal(shown(builtinFormat(48), 12345.678), '12.3E+3');
});

test('literal text and escapes in a format are shown; a format numfmt cannot read falls back', () => {
  assert.equal(shown('0.00"kg"', 3), '3.00kg');
  assert.equal(shown('\\1\\.0#', 13), '1.13');
  assert.equal(shown('"USD "0.00', 3), 'USD 3.00');
  assert.equal(shown('0.00[[[', 3.5), '3.5');
  assert.equal(shown('0.00[[[', 4.25), '4.25', 'the refused format is remembered, still General');
});
