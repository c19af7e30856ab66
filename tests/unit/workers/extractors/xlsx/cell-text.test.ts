import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cellText,
  formatDate,
  formatNumber,
  isDateFormat,
  tidyCellText,
} from '../../../../../src/workers/extractors/xlsx/cell-text';
import { chooseReadMode } from '../../../../../src/workers/extractors/xlsx/extract-xlsx';
import {
  looksLikeHeader,
  MAX_GRID_CELLS,
  SheetTable,
  TABLE_CHUNK_ROWS,
} from '../../../../../src/workers/extractors/xlsx/sheet-table';
import { declaredRows } from '../../../../../src/workers/extractors/xlsx/workbook-parts';

const plain = { date1904: false };

test('numbers print without binary float noise', () => {
  assert.equal(formatNumber(0.1 + 0.2), '0.3');
  assert.equal(formatNumber(1234567.891), '1234567.891');
  assert.equal(formatNumber(-3), '-3');
  assert.equal(formatNumber(1e-7), '1e-7');
  assert.equal(cellText(0.1 + 0.2, plain), '0.3');
  assert.equal(cellText(0.155, { numFmt: '0.0%', date1904: false }), '15.5%');
});

test('dates are ISO, with the time only when it is not midnight; a time alone stays a time', () => {
  assert.equal(formatDate(new Date(Date.UTC(2024, 1, 29))), '2024-02-29');
  assert.equal(formatDate(new Date(Date.UTC(2024, 1, 29, 13, 5))), '2024-02-29 13:05');
  assert.equal(formatDate(new Date(Date.UTC(2024, 1, 29, 13, 5, 9))), '2024-02-29 13:05:09');
  // Serial 45351 is 2024-02-29 in the 1900 system; 0.75 is 18:00 on Excel's day zero.
  assert.equal(cellText(45351, { numFmt: 'dd/mm/yyyy', date1904: false }), '2024-02-29');
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

test('declared dimensions', () => {
  assert.equal(declaredRows('<worksheet><dimension ref="A1:XFD1048576"/><sheetData>'), 1048576);
  assert.equal(declaredRows('<x:dimension ref="B2"/>'), 2);
  assert.equal(declaredRows('<worksheet><sheetData>'), undefined);
});

test('the read mode follows declared rows, or the sheet size when that says more', () => {
  assert.equal(chooseReadMode([10, 900], 10_000, 1000), 'full');
  assert.equal(chooseReadMode([5, 1048576], 10_000, 1000), 'streaming');
  assert.equal(chooseReadMode([undefined], 5_000_000, 1000), 'streaming');
  assert.equal(chooseReadMode([3], 5_000_000, 1000), 'streaming');
  assert.equal(chooseReadMode([], 0, 1000), 'full');
});

test('header rows: text cells across the row, not titles or figures', () => {
  assert.equal(
    looksLikeHeader([
      ['Name', 'Amount'],
      ['a', '1'],
    ]),
    true,
  );
  assert.equal(looksLikeHeader([['Quarterly report'], ['a']]), false);
  assert.equal(
    looksLikeHeader([
      ['2023', '2024'],
      ['1', '2'],
    ]),
    false,
  );
  assert.equal(
    looksLikeHeader([
      ['Name', ''],
      ['a', '1'],
    ]),
    false,
  );
  assert.equal(looksLikeHeader([['Name', 'Amount']]), false);
  assert.equal(
    looksLikeHeader([
      ['Name', '', 'Total'],
      ['a', '', '1'],
    ]),
    true,
  );
  assert.equal(
    looksLikeHeader([
      ['Title', '', '', '', 'x'],
      ['a', 'b', 'c', 'd', 'e'],
    ]),
    false,
  );
});

test('a sheet keeps only cells with text: range is the text bounding box, empty rows are dropped, columns stay in place', () => {
  const table = new SheetTable({ name: 'Data', hidden: false });
  table.addRow(2, [
    [2, 'Name'],
    [3, ''],
    [4, 'Total'],
  ]);
  table.addRow(3, [
    [2, 'a'],
    [4, '1'],
  ]);
  table.addRow(7, []);
  table.addRow(9, [
    [2, 'b'],
    [4, '2'],
  ]);
  assert.equal(table.range, 'B2:D9');
  const { blocks, droppedRows } = table.toBlocks();
  assert.equal(droppedRows, 0);
  assert.deepEqual(blocks, [
    {
      type: 'sheet',
      name: 'Data',
      range: 'B2:D9',
      hidden: false,
      prov: { sheet: 'Data', range: 'B2:D9' },
    },
    {
      type: 'table',
      rows: [
        ['Name', '', 'Total'],
        ['a', '', '1'],
        ['b', '', '2'],
      ],
      header: true,
      prov: { sheet: 'Data', range: 'B2:D9' },
    },
  ]);
});

test('an empty sheet is a sheet block without a table', () => {
  const { blocks } = new SheetTable({ name: 'Blank', hidden: true }).toBlocks();
  assert.deepEqual(blocks, [
    { type: 'sheet', name: 'Blank', range: '', hidden: true, prov: { sheet: 'Blank', range: '' } },
  ]);
});

test('long sheets are chunked; continuations repeat the header and name their own rows', () => {
  const table = new SheetTable({ name: 'Long', hidden: false });
  table.addRow(1, [
    [1, 'id'],
    [2, 'value'],
  ]);
  for (let r = 2; r <= 1201; r++)
    table.addRow(r, [
      [1, String(r - 1)],
      [2, `v${r - 1}`],
    ]);
  const tables = table.toBlocks().blocks.filter((b) => b.type === 'table');
  assert.equal(tables.length, 3);
  assert.deepEqual(
    tables.map((t) => t.type === 'table' && [t.rows.length, t.rows[0], t.prov.range]),
    [
      [TABLE_CHUNK_ROWS, ['id', 'value'], 'A1:B500'],
      [TABLE_CHUNK_ROWS + 1, ['id', 'value'], 'A501:B1000'],
      [202, ['id', 'value'], 'A1001:B1201'],
    ],
  );
});

test('a sparse diagonal sheet cannot blow the grid up: rows past the cell budget are dropped', () => {
  const table = new SheetTable({ name: 'Diagonal', hidden: false });
  const n = 3000;
  for (let i = 1; i <= n; i++) table.addRow(i, [[i, 'x']]);
  const { blocks, droppedRows } = table.toBlocks();
  const kept = Math.floor(MAX_GRID_CELLS / n);
  assert.equal(droppedRows, n - kept);
  const rows = blocks.reduce((sum, b) => sum + (b.type === 'table' ? b.rows.length : 0), 0);
  assert.equal(rows, kept);
});
