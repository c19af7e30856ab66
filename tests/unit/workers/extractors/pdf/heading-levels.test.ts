// Heading levels ranked over the whole document by size and weight.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headingLevels } from '../../../../../src/workers/extractors/pdf/heading-levels';

const h = (size: number, bold = false) => ({ size, bold });

test('each recurring size is a level, largest first; bold ranks below regular of its size', () => {
  const levels = headingLevels([
    h(18),
    h(14),
    h(18),
    h(14),
    h(12, true),
    h(12),
    h(12, true),
    h(12),
  ]);
  assert.deepEqual(levels, [1, 2, 1, 2, 3, 4, 3, 4]);
});

test('sizes a few hundredths apart are one style', () => {
  assert.deepEqual(headingLevels([h(15.96), h(16), h(12), h(12.02)]), [1, 1, 2, 2]);
});

test('a title used once and far above the sections is level 1 above them', () => {
  assert.deepEqual(headingLevels([h(28), h(16), h(12), h(16), h(12)]), [1, 2, 3, 2, 3]);
});

test('a style used once takes the nearest recurring level and cannot push the others down', () => {
  // Cover lines at 43 and 31 pt (a title above the rest), sections at 24, 16 and 13 pt, one stray
  // bold 11.5 pt line and one 20 pt line.
  const levels = headingLevels([
    h(43),
    h(31),
    h(24),
    h(24),
    h(16),
    h(16),
    h(13),
    h(13),
    h(11.5, true),
    h(20),
  ]);
  assert.deepEqual(levels, [1, 1, 2, 2, 3, 3, 4, 4, 4, 2]);
});

test('at most four levels', () => {
  const sizes = [30, 30, 24, 24, 20, 20, 16, 16, 12, 12];
  assert.deepEqual(headingLevels(sizes.map((s) => h(s))), [1, 1, 2, 2, 3, 3, 4, 4, 4, 4]);
});

test('a document whose heading styles are all used once ranks them all', () => {
  assert.deepEqual(headingLevels([h(20), h(14)]), [1, 2]);
  assert.deepEqual(headingLevels([]), []);
});
