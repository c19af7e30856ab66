// A sheet's cells into table blocks: header rows, the text bounding box, chunks, the cell budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  looksLikeHeader,
  MAX_GRID_CELLS,
  SheetTable,
  TABLE_CHUNK_ROWS,
} from '../../../../../src/workers/extractors/xlsx/sheet-table';

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
      headerRows: 1,
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
