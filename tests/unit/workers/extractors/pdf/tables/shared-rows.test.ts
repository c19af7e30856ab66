// The rows the table pre-test builds are handed on to the detector (built once a page, not
// twice); the tables found are the same as with rows built afresh, also when a ruled table has
// taken some of the items first (then the alignment pass builds its own rows of what is left).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignedRows } from '../../../../../../src/workers/extractors/pdf/tables/alignment-grid';
import { detectTables } from '../../../../../../src/workers/extractors/pdf/tables/detect-tables';
import { alignedItems, gridLines, proseItems } from '../../../../../support/table-items';

const INVOICE = [
  ['Description', 'Qty', 'Amount'],
  ['Audit fee', '1', '12,000'],
  ['Travel', '3', '1,450'],
];

test('an unruled table: the same tables with the pre-test rows handed over', () => {
  const items = [...proseItems(3, 72, 40), ...alignedItems(INVOICE, [72, 220, 300], 100)];
  const fresh = detectTables(items, []);
  assert.equal(fresh.tables.length, 1);
  assert.deepEqual(detectTables(items, [], alignedRows(items)), fresh);
});

test('a ruled table beside an unruled one: the rows handed over are not reused', () => {
  const items = [
    ...alignedItems(INVOICE, [75, 255, 335], 414),
    ...alignedItems(INVOICE, [72, 220, 300], 100),
  ];
  const rulings = gridLines([70, 250, 330, 420], [400, 418, 432, 446]);
  const fresh = detectTables(items, rulings);
  assert.deepEqual(
    fresh.tables.map((t) => t.source),
    ['alignment', 'rulings'],
  );
  assert.deepEqual(detectTables(items, rulings, alignedRows(items)), fresh);
});
