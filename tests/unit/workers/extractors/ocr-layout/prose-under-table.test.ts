// A paragraph right under a table, one of whose lines OCR left with a wide gap, stays a
// paragraph: the table keeps its columns and rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../../../../src/shared/model';
import { ocrPageBlocks } from '../../../../../src/workers/extractors/ocr-layout/ocr-page-blocks';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { column, LETTER_PX_300, ocrTree } from '../../../../support/ocr-tree';

const ROWS = [
  ['Invoice', 'Date', 'Supplier', 'Amount'],
  ['INV-2022-2306', '2023-09-14', 'Meridian', '$8,870.07'],
  ['INV-2024-6569', '2023-01-10', 'Bluestone', '$78,861.33'],
  ['INV-2021-6453', '2021-04-25', 'Oakridge', '$37,585.80'],
];

test('prose under a table is not taken into it', () => {
  const col = (c: number) => ROWS.map((r) => r[c]);
  const prose = [
    {
      text: 'Invoice INV-2024-9576 dated 8 March 2023 from Oakridge Consulting LLP for',
      x: 72,
      y: 280,
    },
    { text: 'agreed to purchase order PO-69204 and to the goods received', x: 72, y: 296 },
    // The same line's end, after a gap of 1.5 em that tesseract's boxes left.
    { text: 'note. Differences below $490.46', x: 72 + 59 * 5.5 + 16, y: 296 },
  ];
  const tree = ocrTree([
    column(col(0), 72, 200),
    column(col(1), 170, 200),
    column(col(2), 260, 200),
    column(col(3), 420, 200, 19, true),
    prose,
  ]);
  const result = toOcrPageResult(tree, 1, LETTER_PX_300, 300);
  const blocks = ocrPageBlocks(result, 1, { width: 612, height: 792 });
  assert.deepEqual(
    blocks.map((b) => b.type),
    ['table', 'paragraph'],
  );
  assert.deepEqual((blocks[0] as Extract<Block, { type: 'table' }>).rows, ROWS);
  assert.deepEqual(blocks[1], result.blocks[4]);
});
