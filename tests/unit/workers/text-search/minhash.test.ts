// MinHash: a rescan of a signed copy (OCR errors, a signature block) stays near the original;
// unrelated texts do not; short texts have no signature.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SIGNATURE_SIZE,
  minhashSignature,
  similarity,
} from '../../../../src/workers/text-search/minhash';

const words = (seed: number, n: number): string => {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(`w${x % 5000}`);
  }
  return out.join(' ');
};

const original = words(1, 600);

test('identical texts have identical signatures', () => {
  const a = minhashSignature(original)!;
  assert.equal(a.length, SIGNATURE_SIZE);
  assert.equal(similarity(a, minhashSignature(original)!), 1);
});

test('a rescan of a signed copy is at least 0.8 alike', () => {
  const scanned = original
    .split(' ')
    // OCR: one word in a hundred misread.
    .map((w, i) => (i % 100 === 7 ? w.replace('w', 'vv') : w))
    .join(' ');
  const signed = `${scanned}\nSigned: J. Smith, Director, 3 March 2024`;
  const value = similarity(minhashSignature(original)!, minhashSignature(signed)!);
  assert.ok(value >= 0.8, `similarity ${value}`);
});

test('unrelated texts are far apart', () => {
  const value = similarity(minhashSignature(original)!, minhashSignature(words(2, 600))!);
  assert.ok(value < 0.1, `similarity ${value}`);
});

test('a text of a few words has no signature', () => {
  assert.equal(minhashSignature('Dummy PDF file'), undefined);
  assert.equal(minhashSignature(''), undefined);
});
