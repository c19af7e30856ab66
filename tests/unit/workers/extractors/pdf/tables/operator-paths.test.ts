// The operator-list walk: paths under save/restore, transforms and form XObjects.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  operatorSegments,
  type PathOperatorCodes,
} from '../../../../../../src/workers/extractors/pdf/tables/operator-paths';

// pdfjs's OPS values for these operators.
const OPS: PathOperatorCodes = {
  save: 10,
  restore: 11,
  transform: 12,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
};
const line = (paint: number, x0: number, y0: number, x1: number, y1: number) => [
  paint,
  [new Float32Array([0, x0, y0, 1, x1, y1])],
  null,
];

describe('operatorSegments', () => {
  test('a transform applies until restore; the viewport maps to display space', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath];
    const args = [
      null,
      [1, 0, 0, 1, 100, 0],
      line(OPS.stroke, 0, 10, 50, 10),
      null,
      line(OPS.stroke, 0, 10, 50, 10),
    ];
    const { segments } = operatorSegments(fn, args, OPS, [1, 0, 0, -1, 0, 792]);
    assert.deepEqual(segments, [
      { x0: 100, y0: 782, x1: 150, y1: 782 },
      { x0: 0, y0: 782, x1: 50, y1: 782 },
    ]);
  });

  test('a form XObject draws under its own matrix; paths painted by neither fill nor stroke are skipped', () => {
    const fn = [
      OPS.paintFormXObjectBegin,
      OPS.constructPath,
      OPS.paintFormXObjectEnd,
      OPS.constructPath,
    ];
    const args = [
      [[2, 0, 0, 2, 0, 0], null],
      line(OPS.stroke, 0, 0, 10, 0),
      null,
      line(28, 0, 0, 10, 0),
    ];
    const { segments } = operatorSegments(fn, args, OPS, [1, 0, 0, 1, 0, 0]);
    assert.deepEqual(segments, [{ x0: 0, y0: 0, x1: 20, y1: 0 }]);
  });
});
