// Ruling lines from painted paths: strokes, thin fills, shaded boxes; curves and slants are not rulings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pathSegments } from '../../../../../../src/workers/extractors/pdf/tables/segments';
import type { Matrix } from '../../../../../../src/workers/extractors/pdf/matrix';

const M = 0;
const L = 1;
const C = 2;
const Z = 4;
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** A rectangle as pdfjs's buildPath writes it (re operator). */
const rect = (x: number, y: number, w: number, h: number) => [
  M,
  x,
  y,
  L,
  x + w,
  y,
  L,
  x + w,
  y + h,
  L,
  x,
  y + h,
  Z,
];

describe('pathSegments', () => {
  test('a stroked rectangle gives its four sides', () => {
    const segs = pathSegments(rect(10, 20, 100, 50), IDENTITY, 'stroke');
    assert.equal(segs.length, 4);
    assert.deepEqual(
      segs
        .filter((s) => s.y0 === s.y1)
        .map((s) => s.y0)
        .sort((a, b) => a - b),
      [20, 70],
    );
    assert.deepEqual(
      segs
        .filter((s) => s.y0 !== s.y1)
        .map((s) => s.x0)
        .sort((a, b) => a - b),
      [10, 110],
    );
  });

  test('a thin filled rectangle is one line along its length, at its middle', () => {
    assert.deepEqual(pathSegments(rect(10, 100, 200, 0.5), IDENTITY, 'fill'), [
      { x0: 10, y0: 100.25, x1: 210, y1: 100.25 },
    ]);
    assert.deepEqual(pathSegments(rect(50, 10, 1, 80), IDENTITY, 'fill'), [
      { x0: 50.5, y0: 10, x1: 50.5, y1: 90 },
    ]);
  });

  test('a shaded box gives its edges; an unpainted path (a clip) gives nothing', () => {
    assert.equal(pathSegments(rect(0, 0, 100, 20), IDENTITY, 'fill').length, 4);
    assert.deepEqual(pathSegments(rect(0, 0, 100, 20), IDENTITY, 'none'), []);
  });

  test('the transform is applied: a viewport flip puts y down', () => {
    const flip: Matrix = [1, 0, 0, -1, 0, 792];
    assert.deepEqual(pathSegments([M, 10, 700, L, 110, 700], flip, 'stroke'), [
      { x0: 10, y0: 92, x1: 110, y1: 92 },
    ]);
  });

  test('slanted lines, curves and dots are not rulings', () => {
    assert.deepEqual(pathSegments([M, 0, 0, L, 100, 40], IDENTITY, 'stroke'), []);
    assert.deepEqual(pathSegments([M, 0, 0, C, 10, 10, 20, 10, 30, 0], IDENTITY, 'stroke'), []);
    assert.deepEqual(pathSegments([M, 0, 0, L, 1, 0], IDENTITY, 'stroke'), []);
  });
});
