// Page chunks: one per page marker and per sheet heading, with the lines they span; the marker
// line is not part of the page's text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  indexChunks,
  isPageMarker,
  pageChunks,
  sectionStart,
  withTerms,
} from '../../../../src/workers/text-search/page-chunks';
import { indexTerms, textTokens } from '../../../../src/workers/text-search/tokenize';

const text = [
  '# report.pdf',
  '> PDF · 2 pages',
  '<!-- page 1 -->',
  'First page text.',
  '<!-- page 2 (OCR, confidence 41%) -->',
  'Second page text.',
].join('\n');

test('pages are cut at their markers; the front matter is a chunk without a page', () => {
  const chunks = pageChunks(text);
  assert.deepEqual(
    chunks.map((c) => [c.page, c.startLine, c.endLine]),
    [
      [undefined, 0, 2],
      [1, 2, 4],
      [2, 4, 6],
    ],
  );
  assert.equal(chunks[2].text, 'Second page text.');
  assert.ok(!chunks[2].text.includes('confidence'), 'the marker is not indexed');
});

test('sheets are chunks named after their heading', () => {
  const chunks = pageChunks(
    '# book.xlsx\n## Sheet: Ledger 2024 (A1:F9)\n| a |\n## Sheet: Notes (hidden)\nx',
  );
  assert.deepEqual(
    chunks.map((c) => c.sheet),
    [undefined, 'Ledger 2024', 'Notes'],
  );
});

test('empty pages make no chunk', () => {
  assert.equal(pageChunks('<!-- page 1 -->\n\n<!-- page 2 -->\ntext').length, 1);
  assert.ok(isPageMarker('<!-- page 12 (OCR) -->'));
  assert.ok(!isPageMarker('<!-- page twelve -->'));
});

test('index chunks group pages up to a size; a hit finds its page from the markers', async () => {
  const { findHits } = await import('../../../../src/workers/text-search/find-hits');
  const chunks = indexChunks(text, 1000);
  assert.equal(chunks.length, 1, 'front matter and two short pages in one chunk');
  assert.deepEqual([chunks[0].startLine, chunks[0].endLine], [0, 6]);
  const lines = text.split('\n');
  const hits = findHits({ lines, startLine: 0 }, new Set(['second']), []);
  assert.deepEqual(
    hits.map((h) => [h.page, h.line]),
    [[2, 5]],
  );
  assert.equal(indexChunks(text, 20).length, 3, 'a small size keeps pages apart');
  assert.deepEqual(sectionStart('## Sheet: Ledger (A1:B2)'), { sheet: 'Ledger' });
  assert.deepEqual(sectionStart('<!-- page 4 -->'), { page: 4 });
  assert.equal(sectionStart('plain'), undefined);
});

test("chunks' terms from the whole text's tokens are each chunk's own terms", () => {
  const markdown = [
    '# ledger.pdf',
    'Summary: INV-2024-4788, 41,228.23',
    '<!-- page 1 -->',
    'Café Straße 15/03/2024',
    '',
    '<!-- page 2 (OCR 83%) -->',
    '   ',
    '<!-- page 3 -->',
    'ref A-17 ﬁle total 1.000,50',
    '## Sheet: Payments (A1:C3)',
    '| a_b:c | 3883647 |',
    '',
  ].join('\n');
  // Merged chunks (20,000 chars) and one chunk per section (10 chars).
  for (const max of [20_000, 10]) {
    const chunks = indexChunks(markdown, max);
    const terms = withTerms(markdown, chunks, textTokens(markdown));
    assert.deepEqual(
      terms.map((c) => c.terms),
      chunks.map((c) => indexTerms(c.text)),
    );
  }
});
