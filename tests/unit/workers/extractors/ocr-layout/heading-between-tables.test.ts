// Two tables and the heading between them, which tesseract read as one block: the heading stays
// between the tables, where it was on the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ocrPageBlocks } from '../../../../../src/workers/extractors/ocr-layout/ocr-page-blocks';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { LETTER_PX_300, ocrTree, type TreeLine } from '../../../../support/ocr-tree';

const rows = (top: number, data: string[][]): TreeLine[] =>
  data.flatMap((row, r) => row.map((text, c) => ({ text, x: 72 + c * 120, y: top + r * 19 })));

test('a heading read in one block with the tables around it stays between them', () => {
  const first = [
    ['Invoice', 'Date', 'Amount'],
    ['INV-1', '2023-01-05', '$100.00'],
    ['INV-2', '2023-02-06', '$200.00'],
  ];
  const second = [
    ['Invoice', 'Date', 'Amount'],
    ['INV-3', '2023-03-07', '$300.00'],
    ['INV-4', '2023-04-08', '$400.00'],
  ];
  const block = [
    ...rows(200, first),
    { text: 'Follow-up of prior year points', x: 72, y: 280 },
    ...rows(320, second),
  ];
  const result = toOcrPageResult(ocrTree([block]), 1, LETTER_PX_300, 300);
  assert.equal(result.blocks.length, 1);
  const blocks = ocrPageBlocks(result, 1, { width: 612, height: 792 });
  assert.deepEqual(
    blocks.map((b) => (b.type === 'table' ? b.rows[1][0] : b.type === 'paragraph' ? b.text : '')),
    ['INV-1', 'Follow-up of prior year points', 'INV-3'],
  );
});
