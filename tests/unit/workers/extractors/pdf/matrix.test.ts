import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Matrix, multiply } from '../../../../../src/workers/extractors/pdf/matrix';

const apply = (m: readonly number[], [x, y]: [number, number]): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

test('multiply(m1, m2) maps a point through m2, then m1', () => {
  const scale: Matrix = [2, 0, 0, 3, 0, 0];
  const shift: Matrix = [1, 0, 0, 1, 10, -5];
  const rotate: Matrix = [0, 1, -1, 0, 0, 0];
  for (const [m1, m2] of [
    [scale, shift],
    [shift, scale],
    [rotate, shift],
    [[1.5, 0.2, -0.3, 0.9, 7, 11] as Matrix, rotate],
  ]) {
    for (const point of [
      [0, 0],
      [1, 2],
      [-4, 0.5],
    ] as [number, number][]) {
      const [x, y] = apply(multiply(m1, m2), point);
      const [ex, ey] = apply(m1, apply(m2, point));
      assert.ok(Math.abs(x - ex) < 1e-9 && Math.abs(y - ey) < 1e-9, `${m1} × ${m2} at ${point}`);
    }
  }
  assert.deepEqual(multiply([1, 0, 0, 1, 0, 0], shift), shift);
});
