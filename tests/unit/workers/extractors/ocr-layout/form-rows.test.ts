// A form's "Label:" and value columns, which tesseract reads as two blocks (every label, then
// every value), read row by row: one paragraph per label with its value, no table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ocrPageBlocks } from '../../../../../src/workers/extractors/ocr-layout/ocr-page-blocks';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { column, LETTER_PX_300, ocrTree } from '../../../../support/ocr-tree';

test('label: value rows read row by row', () => {
  const labels = column(['Invoice no.:', 'Date:', 'Customer:', 'Terms:'], 72, 140, 16);
  const values = column(
    ['INV-2024-0412', '24/03/2024', 'Blue Harbour Foods plc', '30 days net'],
    164,
    140,
    16,
  );
  const tree = ocrTree([[{ text: 'INVOICE', x: 72, y: 100 }], labels, values]);
  const result = toOcrPageResult(tree, 1, LETTER_PX_300, 300);
  assert.deepEqual(
    result.blocks.map((b) => ('text' in b ? b.text : '')),
    [
      'INVOICE',
      'Invoice no.:\nDate:\nCustomer:\nTerms:',
      'INV-2024-0412\n24/03/2024\nBlue Harbour Foods plc\n30 days net',
    ],
  );
  const blocks = ocrPageBlocks(result, 1, { width: 612, height: 792 });
  assert.deepEqual(
    blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type)),
    [
      'INVOICE',
      'Invoice no.: INV-2024-0412',
      'Date: 24/03/2024',
      'Customer: Blue Harbour Foods plc',
      'Terms: 30 days net',
    ],
  );
  assert.ok(blocks.every((b) => b.prov.ocr === true && b.prov.page === 1));
});
