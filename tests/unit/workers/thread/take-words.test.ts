// The words leave the document before it is rendered: outputs and report never carry them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractedDocument } from '../../../../src/shared/model';
import { takeWords } from '../../../../src/workers/thread/take-words';

const word = {
  text: 'Total',
  confidence: 88,
  box: [0.1, 0.2, 0.3, 0.25] as [number, number, number, number],
};

function doc(perPage: NonNullable<ExtractedDocument['quality']['perPage']>): ExtractedDocument {
  return {
    source: { path: '/x/scan.png', kind: 'image', mime: 'image/png', size: 1, sha256: 'a' },
    blocks: [],
    metadata: {},
    quality: { pages: perPage.length, textChars: 5, ocrPages: perPage.length, perPage },
    warnings: [],
  };
}

test('takeWords moves the words of OCR pages out of the page qualities', () => {
  const raw = doc([
    { page: 1, chars: 5, ocr: true, confidence: 88, words: [word] },
    { page: 2, chars: 0, ocr: false },
  ]);
  const { doc: bare, pages } = takeWords(raw);
  assert.deepEqual(pages, [{ page: 1, words: [word] }]);
  assert.deepEqual(bare.quality.perPage, [
    { page: 1, chars: 5, ocr: true, confidence: 88 },
    { page: 2, chars: 0, ocr: false },
  ]);
  assert.ok(raw.quality.perPage?.[0]?.words, 'the raw document is left as it was');
});

test('a document without words is returned as it is', () => {
  const raw = doc([{ page: 1, chars: 5, ocr: false }]);
  assert.equal(takeWords(raw).doc, raw);
  assert.deepEqual(takeWords(raw).pages, []);
});
