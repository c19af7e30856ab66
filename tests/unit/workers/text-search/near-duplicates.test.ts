// Duplicates in a run: same bytes → duplicate of the first in walk order; similar texts → near
// duplicates both ways, most similar first; exact duplicates are not also near duplicates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minhashSignature } from '../../../../src/workers/text-search/minhash';
import { findDuplicates } from '../../../../src/workers/text-search/near-duplicates';

const base = Array.from({ length: 400 }, (_, i) => `word${(i * 7919) % 1000}`).join(' ');
const edited = base.replace('word7919', 'changed').replace('word838', 'other');
const unrelated = Array.from({ length: 400 }, (_, i) => `term${(i * 104729) % 997}`).join(' ');

test('same sha256: the later files are duplicates of the first', () => {
  const { duplicateOf } = findDuplicates(
    [
      { path: 'a.pdf', sha256: 'x' },
      { path: 'b.pdf', sha256: 'y' },
      { path: 'c/a-copy.pdf', sha256: 'x' },
      { path: 'd.pdf', sha256: 'x' },
      { path: 'unread.pdf' },
    ],
    0.8,
  );
  assert.deepEqual(
    [...duplicateOf],
    [
      ['c/a-copy.pdf', 'a.pdf'],
      ['d.pdf', 'a.pdf'],
    ],
  );
});

test('similar texts are near duplicates of each other; unrelated ones are not', () => {
  const items = [
    { path: 'base.pdf', sha256: '1', signature: minhashSignature(base) },
    { path: 'unrelated.pdf', sha256: '2', signature: minhashSignature(unrelated) },
    { path: 'edited.pdf', sha256: '3', signature: minhashSignature(edited) },
    { path: 'same.pdf', sha256: '1', signature: minhashSignature(base) },
  ];
  const { nearDuplicates } = findDuplicates(items, 0.8);
  const near = nearDuplicates.get('base.pdf')!;
  assert.deepEqual(
    near.map((n) => n.path),
    ['edited.pdf'],
  );
  assert.ok(near[0].similarity >= 0.8 && near[0].similarity < 1);
  assert.deepEqual(
    nearDuplicates
      .get('edited.pdf')!
      .map((n) => n.path)
      .sort(),
    ['base.pdf', 'same.pdf'],
  );
  assert.equal(nearDuplicates.get('unrelated.pdf'), undefined);
});

test('the threshold is a setting; above 1 turns near duplicates off', () => {
  const items = [
    { path: 'a', signature: minhashSignature(base) },
    { path: 'b', signature: minhashSignature(edited) },
  ];
  assert.equal(findDuplicates(items, 0.999).nearDuplicates.size, 0);
  assert.equal(findDuplicates(items, 2).nearDuplicates.size, 0);
  assert.equal(findDuplicates(items, 0.5).nearDuplicates.size, 2);
});
