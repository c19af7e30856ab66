// Query parsing: words, prefixes, phrases and compounds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzzyDistance, parseQuery } from '../../../../src/workers/text-search/parse-query';

test('words, a prefix and a quoted phrase', () => {
  const q = parseQuery('Balance confirm* "trade receivables"');
  assert.deepEqual(
    q.terms.map((t) => [t.parts.join('+'), t.prefix]),
    [
      ['trade', false],
      ['receivables', false],
      ['balance', false],
      ['confirm', true],
    ],
  );
  assert.deepEqual(q.phrases, [['trade', 'receivables']]);
});

test('a compound is one term with its parts', () => {
  assert.deepEqual(parseQuery('INV-2024-4788').terms, [
    { parts: ['inv', '2024', '4788'], prefix: false, phrase: false },
  ]);
});

test('an unclosed quote is read as words; an empty query has no terms', () => {
  assert.deepEqual(parseQuery('"open quote').phrases, []);
  assert.equal(parseQuery('"open quote').terms.length, 2);
  assert.deepEqual(parseQuery('  ""  ').terms, []);
});

test('fuzziness: letters only, 4+ letters, 2 edits from 8', () => {
  assert.equal(fuzzyDistance('tax'), 0);
  assert.equal(fuzzyDistance('invoice'), 1);
  assert.equal(fuzzyDistance('receivables'), 2);
  assert.equal(fuzzyDistance('41228'), 0, 'numbers are never fuzzy');
});
