// The Search view's answer over two indexes (the extension's cache and a queued run's shared one):
// best hits first over both, a chunk's hits kept in line order, counts added, the limit kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSearchResults } from '../../../src/extension/mergeSearchResults';
import type { SearchHit, SearchResult } from '../../../src/shared/search';

const hit = (path: string, line: number, score: number): SearchHit => ({
  input: '/evidence',
  path,
  kind: 'pdf',
  textPath: `/out/${path}.md`,
  line,
  context: 'x',
  contextStart: 0,
  ranges: [],
  score,
});

const result = (hits: SearchHit[], files: number, truncated = false): SearchResult => ({
  query: 'q',
  hits,
  matchedChunks: hits.length,
  filesMatched: new Set(hits.map((h) => h.path)).size,
  truncated,
  indexed: { files, chunks: files * 2 },
  ms: files,
});

test('hits from both indexes, best first, a chunk keeping its line order', () => {
  const local = result([hit('a.pdf', 3, 0.5), hit('a.pdf', 9, 0.5)], 10);
  const queued = result([hit('b.pdf', 1, 0.9), hit('c.pdf', 2, 0.2)], 4);
  const merged = mergeSearchResults('q', [local, queued], 500);
  assert.deepEqual(
    merged.hits.map((h) => `${h.path}:${h.line}`),
    ['b.pdf:1', 'a.pdf:3', 'a.pdf:9', 'c.pdf:2'],
  );
  assert.equal(merged.filesMatched, 3);
  assert.deepEqual(merged.indexed, { files: 14, chunks: 28 });
  assert.equal(merged.matchedChunks, 4);
  assert.equal(merged.truncated, false);
});

test('the limit holds over both, and says it cut', () => {
  const merged = mergeSearchResults(
    'q',
    [result([hit('a.pdf', 1, 0.4)], 1), result([hit('b.pdf', 1, 0.8)], 1)],
    1,
  );
  assert.deepEqual(
    merged.hits.map((h) => h.path),
    ['b.pdf'],
  );
  assert.equal(merged.truncated, true);
});

test('one index: its answer as it is', () => {
  const only = result([hit('a.pdf', 1, 0.4)], 1, true);
  assert.equal(mergeSearchResults('q', [only], 500), only);
});
