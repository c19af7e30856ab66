// Page chunks: one per page marker and per sheet heading, with the lines they span; the marker
// line is not part of the page's text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPageMarker, pageChunks } from '../../../../src/workers/text-search/page-chunks';

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
