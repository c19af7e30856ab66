// A page of prose (and a bulleted list) read by OCR is left as tesseract read it: no table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ocrPageBlocks } from '../../../../../src/workers/extractors/ocr-layout/ocr-page-blocks';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { column, LETTER_PX_300, ocrTree } from '../../../../support/ocr-tree';

test('prose and a list are not a table', () => {
  const prose = column(
    [
      'Revenue recognised in the last week of the year was tested against delivery notes,',
      'and two invoices were moved into the following period by agreement with the client.',
      'Journal entries posted after the close were analysed by user and by time of posting.',
    ],
    72,
    120,
    16,
  );
  const bullets = column(['•', '•', '•'], 72, 200, 16);
  const items = column(
    ['Bank confirmations agreed', 'Count sheets traced', 'Cut-off tested'],
    90,
    200,
    16,
  );
  const result = toOcrPageResult(ocrTree([prose, bullets, items]), 1, LETTER_PX_300, 300);
  assert.deepEqual(ocrPageBlocks(result, 1, { width: 612, height: 792 }), result.blocks);
});
