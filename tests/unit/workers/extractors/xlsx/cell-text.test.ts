// What a cell shows: numbers, dates, formula results, rich text, hyperlinks and line breaks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cellText,
  formatDate,
  formatNumber,
  isDateFormat,
  tidyCellText,
} from '../../../../../src/workers/extractors/xlsx/cell-text';

const plain = { date1904: false };

test('numbers print without binary float noise', () => {
  assert.equal(formatNumber(0.1 + 0.2), '0.3');
  assert.equal(formatNumber(1234567.891), '1234567.891');
  assert.equal(formatNumber(-3), '-3');
  assert.equal(formatNumber(1e-7), '1e-7');
  assert.equal(cellText(0.1 + 0.2, plain), '0.3');
  assert.equal(cellText(0.155, { numFmt: '0.0%', date1904: false }), '15.5%');
});

test('raw dates are ISO, with the time only when it is not midnight; displayed ones follow their format', () => {
  assert.equal(formatDate(new Date(Date.UTC(2024, 1, 29))), '2024-02-29');
  assert.equal(formatDate(new Date(Date.UTC(2024, 1, 29, 13, 5))), '2024-02-29 13:05');
  assert.equal(formatDate(new Date(Date.UTC(2024, 1, 29, 13, 5, 9))), '2024-02-29 13:05:09');
  // Serial 45351 is 2024-02-29 in the 1900 system; 0.75 is 18:00 on Excel's day zero.
  assert.equal(cellText(45351, { numFmt: 'dd/mm/yyyy', date1904: false }), '29/02/2024');
  assert.equal(
    cellText(45351, { numFmt: 'dd/mm/yyyy', date1904: false, values: 'raw' }),
    '2024-02-29',
  );
  assert.equal(cellText(0.75, { numFmt: 'h:mm', date1904: false }), '18:00');
  assert.equal(cellText(43889, { numFmt: 'yyyy-mm-dd', date1904: true }), '2024-02-29');
  assert.equal(isDateFormat('"Total: "0.00'), false);
  assert.equal(isDateFormat('[Red]#,##0'), false);
});

test('formula results, rich text, hyperlinks, errors and booleans show what Excel shows', () => {
  assert.equal(cellText({ formula: 'A1+B1', result: 0.30000000000000004 }, plain), '0.3');
  assert.equal(cellText({ formula: 'A1/0', result: { error: '#DIV/0!' } }, plain), '#DIV/0!');
  assert.equal(cellText({ sharedFormula: 'C1', result: 'text' }, plain), 'text');
  assert.equal(
    cellText({ formula: 'TODAY()', result: 45351 }, { numFmt: 'yyyy-mm-dd', date1904: false }),
    '2024-02-29',
  );
  assert.equal(cellText({ formula: 'NOW()' }, plain), '');
  assert.equal(cellText({ richText: [{ text: 'Net ' }, { text: 'sales' }] }, plain), 'Net sales');
  assert.equal(
    cellText({ text: 'Annual report', hyperlink: 'https://example.com' }, plain),
    'Annual report',
  );
  assert.equal(
    cellText({ text: { richText: [{ text: 'rich link' }] }, hyperlink: 'x' }, plain),
    'rich link',
  );
  assert.equal(cellText({ error: '#N/A' }, plain), '#N/A');
  assert.equal(cellText(true, plain), 'TRUE');
  assert.equal(cellText(null, plain), '');
  assert.equal(cellText({ unexpected: 1 }, plain), '');
});

test('line breaks at the edges of a cell are dropped, inner ones kept', () => {
  assert.equal(tidyCellText('City \n        \n      '), 'City ');
  assert.equal(tidyCellText('\n    Revenue\n'), 'Revenue');
  assert.equal(tidyCellText('  Indented'), '  Indented');
  assert.equal(tidyCellText('two\nlines'), 'two\nlines');
});
