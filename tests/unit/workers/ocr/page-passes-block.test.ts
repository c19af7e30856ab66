// A confident reading of far fewer lines than the page shows (tesseract's layout took most of a
// photographed page for a picture) is read again as one block, which wins only when it reads
// clearly more words about as surely; a reading that has the page's lines pays no extra pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OcrPageResult } from '../../../../src/workers/engine/types';
import { readPagePasses, type PageReader } from '../../../../src/workers/ocr/page-passes';
import { linedPage } from '../../../support/lined-page';
import { englishPassPolicy as policy } from '../../../support/pass-policy';

/** A reading of `words` words spread over `lines` tesseract lines. */
const reading = (confidence: number, words: number, lines: number): OcrPageResult => ({
  blocks: [{ type: 'paragraph', text: 'text', prov: { page: 1, ocr: true } }],
  confidence,
  words,
  rotation: 0,
  layout: {
    slope: 0,
    words: Array.from({ length: words }, (_, i) => ({
      text: 'w',
      confidence,
      box: [0, 0, 1, 1] as [number, number, number, number],
      block: 0,
      line: i % lines,
    })),
  },
});

function reader(first: OcrPageResult, block: OcrPageResult) {
  let blockReads = 0;
  const r: PageReader = {
    read: async () => first,
    readAsOneBlock: async () => {
      blockReads++;
      return block;
    },
  };
  return { reader: r, blockReads: () => blockReads };
}

const twentyLines = () => linedPage(1200, 20, 14, 20);

test('2 lines read of a 20-line page: read as one block, which wins', async () => {
  const r = reader(reading(94, 7, 2), reading(92, 171, 18));
  const result = await readPagePasses(twentyLines(), 300, 1, r.reader, policy);
  assert.equal(r.blockReads(), 1);
  assert.equal(result.words, 171);
});

test('the page read with its lines: no extra pass', async () => {
  const r = reader(reading(94, 150, 19), reading(95, 400, 20));
  const result = await readPagePasses(twentyLines(), 300, 1, r.reader, policy);
  assert.equal(r.blockReads(), 0);
  assert.equal(result.words, 150);
});

test('a block reading that is not clearly better (fewer words, or much less sure) loses', async () => {
  for (const block of [reading(93, 9, 3), reading(70, 171, 18)]) {
    const r = reader(reading(94, 7, 2), block);
    const result = await readPagePasses(twentyLines(), 300, 1, r.reader, policy);
    assert.equal(r.blockReads(), 1);
    assert.equal(result.words, 7);
  }
});

test('a page of few lines (a receipt stub, a label) is never re-read', async () => {
  const r = reader(reading(94, 3, 1), reading(94, 30, 4));
  await readPagePasses(linedPage(1200, 4, 14, 20), 300, 1, r.reader, policy);
  assert.equal(r.blockReads(), 0);
});
