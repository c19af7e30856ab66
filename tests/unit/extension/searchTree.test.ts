// The Search view's data: hits grouped by file, the matched spans moved into the context shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupHits, hitLocation, summaryText } from '../../../src/extension/searchTree';
import type { SearchHit, SearchResult } from '../../../src/shared/search';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  input: '/w/docs',
  path: 'memo.pdf',
  kind: 'pdf',
  textPath: '/o/memo.pdf.md',
  line: 4,
  context: '  Total due: 41,228.23 by March',
  contextStart: 10,
  ranges: [{ start: 23, end: 32 }],
  score: 1,
  ...over,
});

const result: SearchResult = {
  query: '41228.23',
  hits: [
    hit({ page: 2, line: 9 }),
    hit({ path: 'totals.xlsx', kind: 'xlsx', sheet: 'Totals', line: 3 }),
    hit({ page: 1, line: 4 }),
  ],
  matchedChunks: 3,
  filesMatched: 2,
  truncated: false,
  indexed: { files: 5, chunks: 9 },
  ms: 3,
};

test('hits are grouped by file in rank order, each file in line order', () => {
  const files = groupHits(result);
  assert.deepEqual(
    files.map((f) => [f.sourcePath, f.hits.map((h) => h.hit.line)]),
    [
      ['/w/docs/memo.pdf', [4, 9]],
      ['/w/docs/totals.xlsx', [3]],
    ],
  );
});

test('the label is the trimmed context with the match highlighted in it', () => {
  const [node] = groupHits(result)[0]!.hits;
  assert.equal(node!.label, 'Total due: 41,228.23 by March');
  const [[start, end]] = node!.highlights as [[number, number]];
  assert.equal(node!.label.slice(start, end), '41,228.23');
});

test('location and summary', () => {
  assert.equal(hitLocation(result.hits[0]!), 'p. 2 · line 10');
  assert.equal(hitLocation(result.hits[1]!), 'Totals · line 4');
  assert.equal(summaryText(result), '3 hits in 2 files');
  assert.equal(summaryText({ ...result, truncated: true }), '3 hits in 2 files (first 3)');
});
