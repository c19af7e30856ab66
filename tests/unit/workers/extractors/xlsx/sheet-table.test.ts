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

test('continuations repeat the header with its values; hidden rows are indexed within each block', () => {
  const table = new SheetTable({
    name: 'Long',
    hidden: false,
    hiddenRows: new Set([3, 700]),
    hiddenColumns: new Set([2, 9]),
  });
  table.addRow(1, [
    [1, 'id'],
    [2, 'amount'],
  ]);
  for (let r = 2; r <= 800; r++)
    table.addRow(r, [
      [1, String(r)],
      [2, { text: `${r}.00`, raw: r, ...(r === 700 ? { formula: 'A700' } : {}) }],
    ]);
  const tables = table.toBlocks().blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
  assert.equal(tables.length, 2);
  const [first, second] = tables;
  assert.deepEqual(first?.hiddenRows, [2], 'sheet row 3 is the first block’s third row');
  assert.deepEqual(first?.hiddenColumns, [1], 'column B; column I is outside the range');
  assert.deepEqual(first?.cellValues?.[0], [null, null], 'the header row holds only text');
  assert.deepEqual(first?.cellValues?.[2], [null, { raw: 3 }]);
  // The second block is header + sheet rows 501–800: row 700 is its 201st row.
  assert.equal(second?.rows.length, 301);
  assert.deepEqual(second?.hiddenRows, [200]);
  assert.deepEqual(second?.rows[200], ['700', '700.00']);
  assert.deepEqual(second?.cellValues?.[200], [null, { raw: 700, formula: 'A700' }]);
  assert.deepEqual(table.hiddenWithText(), { rows: [3, 700], columns: [2] });
});

test('one-cell title rows above the header become paragraphs naming their cell', () => {
  const table = new SheetTable({ name: 'T', hidden: false });
  table.addRow(2, [[3, 'Duck observations']]);
  table.addRow(4, [
    [2, 'Year'],
    [3, 'Ducks'],
  ]);
  table.addRow(5, [
    [2, { text: '2019', raw: 2019 }],
    [3, { text: '120', raw: 120 }],
  ]);
  const { blocks } = table.toBlocks();
  assert.deepEqual(
    blocks.map((b) => [
      b.type,
      b.prov.range,
      b.type === 'table' ? b.rows : 'text' in b ? b.text : b.type,
    ]),
    [
      ['sheet', 'B2:C5', 'sheet'],
      ['paragraph', 'C2', 'Duck observations'],
      [
        'table',
        'B4:C5',
        [
          ['Year', 'Ducks'],
          ['2019', '120'],
        ],
      ],
    ],
  );
});

test('with storedValues off (Markdown output) the text is the same and no values are kept', () => {
  const fill = (table: SheetTable) => {
    table.addRow(1, [[1, 'amount']]);
    table.addRow(2, [[1, { text: '21,564.80', raw: 21564.8, formula: 'SUM(B2:B9)' }]]);
    return table.toBlocks().blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
  };
  const [kept] = fill(new SheetTable({ name: 'T', hidden: false }));
  const [dropped] = fill(new SheetTable({ name: 'T', hidden: false, storedValues: false }));
  assert.deepEqual(kept?.cellValues?.[1], [{ raw: 21564.8, formula: 'SUM(B2:B9)' }]);
  assert.equal(dropped?.cellValues, undefined);
  assert.deepEqual(dropped?.rows, kept?.rows);
});
