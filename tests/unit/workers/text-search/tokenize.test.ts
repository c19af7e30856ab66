// The tokenizer: folded words, and compounds (amounts, dates, references) under every form a
// query may write them in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fold,
  indexTerms,
  joinedForms,
  textTokens,
} from '../../../../src/workers/text-search/tokenize';

test('words are folded: case and accents', () => {
  assert.equal(fold('Société GÉNÉRALE'), 'societe generale');
  assert.deepEqual(indexTerms('Über Straße'), ['uber', 'straße']);
});

test('an amount is indexed as its parts and its joined form', () => {
  assert.deepEqual(indexTerms('$41,228.23'), ['41', '228', '23', '4122823']);
  // European separators give the same joined form.
  assert.ok(indexTerms('41.228,23').includes('4122823'));
});

test('a reference mixing letters and digits also has its digits alone', () => {
  const terms = indexTerms('see INV-2024-4788.');
  assert.deepEqual(terms, ['see', 'inv', '2024', '4788', 'inv20244788', '20244788']);
  assert.deepEqual(joinedForms(['po', '12']), ['po12']);
});

test('dates with slashes or dots join the same way', () => {
  assert.ok(indexTerms('15/03/2024').includes('15032024'));
  assert.ok(indexTerms('15.03.2024').includes('15032024'));
});

test('tokens carry their spans in the text', () => {
  const [word, ref] = textTokens('Pay INV-1 now');
  assert.deepEqual([word.start, word.end], [0, 3]);
  assert.deepEqual([ref.start, ref.end, ref.parts], [4, 9, ['inv', '1']]);
});

test('punctuation and symbols alone make no tokens', () => {
  assert.deepEqual(indexTerms('— | ... $ %'), []);
});
