// Which row heads a sheet's table: past one-cell titles, never past data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findHeaderRow } from '../../../../../src/workers/extractors/xlsx/header-row';

test('the header may follow one-cell title rows', () => {
  assert.equal(
    findHeaderRow([
      ['Purchase ledger FY2024', '', ''],
      ['Reading list', '', ''],
      ['Date', 'Reference', 'Net'],
      ['15/03/2024', 'INV-1', '21,564.80'],
    ]),
    2,
  );
  assert.equal(
    findHeaderRow([
      ['Name', 'Amount'],
      ['a', '1'],
    ]),
    0,
  );
});

test('no header: figures, a row of two values above data, titles only, or too many titles', () => {
  assert.equal(
    findHeaderRow([
      ['2023', '2024'],
      ['1', '2'],
    ]),
    -1,
  );
  assert.equal(
    findHeaderRow([
      ['$1,200.00', '(35.00)'],
      ['1', '2'],
    ]),
    -1,
    'displayed amounts are figures',
  );
  assert.equal(
    findHeaderRow([
      ['a', 'b'],
      ['Name', 'Amount'],
      ['x', '1'],
    ]),
    0,
    'first row wins',
  );
  assert.equal(
    findHeaderRow([
      ['Title', ''],
      ['Subtitle', ''],
    ]),
    -1,
  );
  const titles = [
    ['t1', ''],
    ['t2', ''],
    ['t3', ''],
    ['t4', ''],
    ['Name', 'Amount'],
    ['x', '1'],
  ];
  assert.equal(findHeaderRow(titles), -1);
});

test('a header covers at least half of the columns the data under it uses', () => {
  // Side-by-side tables: the left one's header covers the columns the rows below use.
  assert.equal(
    findHeaderRow([
      ['col-1', 'col-2', '', '', ''],
      ['1', '2', '', '', ''],
      ['2', '4', '', 'x', 'y'],
    ]),
    0,
  );
  assert.equal(
    findHeaderRow([
      ['Title', '', '', '', 'x'],
      ['a', 'b', 'c', 'd', 'e'],
    ]),
    -1,
  );
});
