import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rotateGray } from '../../../../src/workers/ocr/raster';

// 3×2:  1 2 3
//       4 5 6
const image = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };

test('a quarter turn clockwise puts the left column on top, read bottom-up', () => {
  const turned = rotateGray(image, 90);
  assert.deepEqual([turned.width, turned.height], [2, 3]);
  assert.deepEqual([...turned.data], [4, 1, 5, 2, 6, 3]);
});

test('three quarter turns put the right column on top, read top-down', () => {
  const turned = rotateGray(image, 270);
  assert.deepEqual([turned.width, turned.height], [2, 3]);
  assert.deepEqual([...turned.data], [3, 6, 2, 5, 1, 4]);
});

test('half a turn reverses; no turn is the same image', () => {
  assert.deepEqual([...rotateGray(image, 180).data], [6, 5, 4, 3, 2, 1]);
  assert.equal(rotateGray(image, 0), image);
  const back = rotateGray(rotateGray(image, 90), 270);
  assert.deepEqual([back.width, back.height, ...back.data], [3, 2, 1, 2, 3, 4, 5, 6]);
});
