// A scanned invoice's line items, read by tesseract as one block per column (every number, then
// every description…), come out as one table, row by row, where the first column stood.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../../../../src/shared/model';
import { ocrPageBlocks } from '../../../../../src/workers/extractors/ocr-layout/ocr-page-blocks';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { column, LETTER_PX_300, ocrTree } from '../../../../support/ocr-tree';

const ROWS = [
  ['No.', 'Description', 'Qty', 'Unit price', 'Amount'],
  ['1', 'Audit fieldwork, interim visit', '3', '904.50', '2,713.50'],
  ['2', 'Inventory count attendance', '4', '1,508.50', '6,034.00'],
  ['3', 'Payroll testing, 3 months', '5', '576.25', '2,881.25'],
  ['4', 'Bank confirmation requests', '22', '1,693.75', '37,262.50'],
];
const col = (c: number) => ROWS.map((r) => r[c]);

function invoicePage(slope: number): Block[] {
  const tree = ocrTree(
    [
      [{ text: 'Hartley & Moss Chartered Accountants', x: 72, y: 90 }],
      column(col(0), 72, 200),
      column(col(1), 108, 200),
      column(col(2), 362, 200, 19, true),
      column(col(3), 450, 200, 19, true),
      column(col(4), 540, 200, 19, true),
      [{ text: 'Please quote the invoice number with your payment.', x: 72, y: 330 }],
    ],
    300,
    slope,
  );
  return ocrPageBlocks(toOcrPageResult(tree, 1, LETTER_PX_300, 300), 1, {
    width: 612,
    height: 792,
  });
}

for (const slope of [0, 0.015]) {
  test(`line items become one table in reading order (lean ${slope})`, () => {
    const blocks = invoicePage(slope);
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['paragraph', 'table', 'paragraph'],
    );
    const table = blocks[1] as Extract<Block, { type: 'table' }>;
    assert.deepEqual(table.rows, ROWS);
    assert.equal(table.header, true);
    assert.deepEqual(table.prov, { page: 1, ocr: true });
    assert.equal(table.cells?.length, 25);
    // Boxes in page points: the table spans the columns, a little past them on a leaning page.
    const box = table.bbox as NonNullable<typeof table.bbox>;
    assert.ok(box.x0 > 60 && box.x0 < 80 && box.x1 > 530 && box.x1 < 560, JSON.stringify(box));
    assert.ok(box.y0 > 180 && box.y1 < 300 + 12, JSON.stringify(box));
  });
}

test('cells left blank on the scan stay blank; none is invented', () => {
  const rows = [
    ['Date', 'Description', 'Debit', 'Credit', 'Balance'],
    ['01/03/2024', 'Opening balance', '', '', '39,595.00'],
    ['02/03/2024', 'Card payment', '3,437.42', '', '36,157.58'],
    ['06/03/2024', 'Cheque received', '', '8,851.61', '44,619.28'],
    ['08/03/2024', 'Standing order', '2,437.43', '', '42,181.85'],
  ];
  const at = (c: number, x: number, right: boolean) =>
    rows.flatMap((r, i) => (r[c] ? [{ text: r[c], x, y: 200 + i * 19, right }] : []));
  const tree = ocrTree([
    at(0, 72, false),
    at(1, 150, false),
    at(2, 380, true),
    at(3, 460, true),
    at(4, 540, true),
  ]);
  const blocks = ocrPageBlocks(toOcrPageResult(tree, 2, LETTER_PX_300, 300), 2, {
    width: 612,
    height: 792,
  });
  assert.equal(blocks.length, 1);
  assert.equal(blocks[0].type, 'table');
  assert.deepEqual((blocks[0] as Extract<Block, { type: 'table' }>).rows, rows);
});
