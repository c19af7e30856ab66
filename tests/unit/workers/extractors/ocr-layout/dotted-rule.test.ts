// Two panels side by side with a dotted line between them (a payment slip's receipt and payment
// part), which tesseract reads as a column of "i": no table, the panels stay as tesseract read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ocrPageBlocks } from '../../../../../src/workers/extractors/ocr-layout/ocr-page-blocks';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { column, LETTER_PX_300, ocrTree } from '../../../../support/ocr-tree';

test('a dotted separator between two panels does not make a table', () => {
  const receipt = column(
    [
      'Receipt',
      'Account / Payable to',
      'CH58 0079 1123 0008',
      'Robert Schneider AG',
      'Rue du Lac 1268',
      '2501 Biel',
    ],
    72,
    120,
  );
  const dots = column(['i', 'i', 'i'], 250, 120 + 2 * 19);
  const payment = column(
    [
      'Payment part',
      'Account / Payable to',
      'CH58 0079 1123 0008',
      'Robert Schneider AG',
      'Rue du Lac 1268',
      '2501 Biel',
    ],
    300,
    120,
  );
  const result = toOcrPageResult(ocrTree([receipt, dots, payment]), 1, LETTER_PX_300, 300);
  assert.deepEqual(ocrPageBlocks(result, 1, { width: 612, height: 792 }), result.blocks);
});
