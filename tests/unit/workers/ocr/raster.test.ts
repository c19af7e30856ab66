// Gray pixels for tesseract: RGBA to luma, PGM, shrinking to the pixel cap, rotating, enlarging.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  encodePgm,
  enlargeGray,
  limitPixels,
  rotateGray180,
  toGray,
} from '../../../../src/workers/ocr/raster';

test('RGBA becomes one luma byte per pixel; transparent pixels become paper white', () => {
  const rgba = new Uint8ClampedArray([
    0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255,
  ]);
  const gray = toGray({ width: 2, height: 2, channels: 4, data: rgba });
  assert.deepEqual([...gray.data], [0, 255, 255, 76]);
});

test('a short raster is refused instead of read past its end', () => {
  assert.throws(() => toGray({ width: 4, height: 4, channels: 4, data: new Uint8Array(10) }));
});

test('PGM is a P5 header followed by the raw pixels', () => {
  const pgm = encodePgm({ width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) });
  const header = 'P5\n3 2\n255\n';
  assert.equal(Buffer.from(pgm.subarray(0, header.length)).toString('latin1'), header);
  assert.deepEqual([...pgm.subarray(header.length)], [1, 2, 3, 4, 5, 6]);
});

test('limitPixels shrinks to the cap by averaging and leaves small images alone', () => {
  const image = { width: 100, height: 100, data: new Uint8Array(10_000).fill(200) };
  assert.equal(limitPixels(image, 20_000), image);
  const small = limitPixels(image, 2_500);
  assert.ok(small.width * small.height <= 2_500);
  assert.ok(small.data.every((v) => v === 200));
});

test('rotateGray180 reverses the pixel order; enlargeGray doubles each side', () => {
  const image = { width: 2, height: 2, data: new Uint8Array([1, 2, 3, 4]) };
  assert.deepEqual([...rotateGray180(image).data], [4, 3, 2, 1]);
  const big = enlargeGray(image, 2);
  assert.equal(big.width, 4);
  assert.equal(big.height, 4);
  assert.equal(big.data[0], 1);
  assert.equal(big.data[15], 4);
});
