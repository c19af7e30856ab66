import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block, ExtractedDocument } from '../../../src/shared/model';
import { outcomeFromDocument } from '../../../src/shared/report-builder';
import { blockTextChars, textChars } from '../../../src/shared/text-chars';
import { ocrPageQuality } from '../../../src/workers/ocr/ocr-summary';

const blocks: Block[] = [
  { type: 'pageBreak', page: 1, prov: { page: 1 } },
  { type: 'heading', level: 1, text: 'Title', prov: {} },
  { type: 'paragraph', text: 'Body text.', prov: {} },
  { type: 'listItem', text: 'item', ordered: false, depth: 0, prov: {} },
  { type: 'sheet', name: 'Sheet1', range: 'A1:B2', hidden: false, prov: {} },
  {
    type: 'table',
    rows: [
      ['ab', 'c'],
      ['', 'defg'],
    ],
    header: false,
    caption: 'Cap',
    prov: {},
  },
];

test('one count: texts, every cell and the caption, nothing for separators or markers', () => {
  assert.deepEqual(blocks.map(blockTextChars), [0, 5, 10, 4, 0, 2 + 1 + 0 + 4 + 3]);
  assert.equal(textChars(blocks), 29);
  assert.equal(textChars([]), 0);
});

test('the report, OCR pages and the document quality count the same characters', () => {
  const doc: ExtractedDocument = {
    source: { path: '/x.pdf', kind: 'pdf', mime: 'application/pdf', size: 1, sha256: '' },
    blocks,
    metadata: {},
    quality: { pages: 1, textChars: 999, ocrPages: 0 },
    warnings: [],
  };
  assert.equal(outcomeFromDocument(doc).chars, textChars(blocks));
  assert.equal(ocrPageQuality(1, { blocks, confidence: 90, rotation: 0 }).chars, 29);
});
