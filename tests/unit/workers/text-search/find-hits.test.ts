// Hits inside a chunk: lines with matched terms, phrases across line ends, long lines windowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CONTEXT_CHARS,
  MAX_HITS_PER_CHUNK,
  findHits,
  phraseMayOccur,
} from '../../../../src/workers/text-search/find-hits';

test('lines holding the matched terms, with their spans; marker lines are passed over', () => {
  const chunk = {
    lines: ['<!-- page 3 -->', 'Net total 41,228.23', 'nothing here'],
    startLine: 10,
  };
  const hits = findHits(chunk, new Set(['4122823', 'page']), []);
  assert.deepEqual(hits, [
    {
      page: 3,
      line: 11,
      context: 'Net total 41,228.23',
      contextStart: 0,
      ranges: [{ start: 10, end: 19 }],
    },
  ]);
});

test('a phrase is found across a line end and marked on its first line', () => {
  const chunk = { lines: ['the trade', 'receivables rose'], startLine: 0 };
  const hits = findHits(chunk, new Set(['trade', 'receivables']), [['trade', 'receivables']]);
  assert.equal(hits.length, 1);
  assert.equal(hits[0].line, 0);
  assert.deepEqual(hits[0].ranges, [{ start: 4, end: 9 }]);
  assert.deepEqual(findHits(chunk, new Set(['trade']), [['receivables', 'trade']]), []);
});

test('a long line is cut to a window around its first match', () => {
  const line = 'x '.repeat(300) + 'needle' + ' y'.repeat(300);
  const [hit] = findHits({ lines: [line], startLine: 0 }, new Set(['needle']), []);
  assert.equal(hit.context.length, CONTEXT_CHARS);
  const range = hit.ranges[0];
  assert.equal(
    hit.context.slice(range.start - hit.contextStart, range.end - hit.contextStart),
    'needle',
  );
});

test('one chunk gives at most MAX_HITS_PER_CHUNK hits', () => {
  const lines = Array.from({ length: 50 }, () => 'total');
  assert.equal(
    findHits({ lines, startLine: 0 }, new Set(['total']), []).length,
    MAX_HITS_PER_CHUNK,
  );
});

test('the quick phrase test: parts in order with only separators between, accents folded', () => {
  assert.equal(phraseMayOccur('Total dû — Société\nGénérale', [['societe', 'generale']]), true);
  assert.equal(phraseMayOccur('INV-2024-4788', [['inv', '2024', '4788']]), true);
  assert.equal(phraseMayOccur('generale societe', [['societe', 'generale']]), false);
  assert.equal(phraseMayOccur('societe x generale', [['societe', 'generale']]), false);
});
