// Ruling lines → grids: snapping, joining, one grid per group of crossing lines, spans where a
// dividing line is missing, open sides.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  mergeLines,
  ruledGrids,
} from '../../../../../../src/workers/extractors/pdf/tables/ruling-grid';
import { gridLines, hLine, vLine } from '../../../../../support/table-items';

describe('ruledGrids', () => {
  test('a full grid gives its rows, columns and one cell per position', () => {
    const [grid, ...rest] = ruledGrids(gridLines([50, 150, 250, 350], [100, 120, 140]));
    assert.equal(rest.length, 0);
    assert.deepEqual(grid.xs, [50, 150, 250, 350]);
    assert.deepEqual(grid.ys, [100, 120, 140]);
    assert.equal(grid.cells.length, 6);
    assert.ok(grid.cells.every((c) => c.rowSpan === 1 && c.colSpan === 1));
    assert.deepEqual(grid.box, { x0: 50, y0: 100, x1: 350, y1: 140 });
  });

  test('pieces of one line are joined and near-equal lines snapped (double rules, bar edges)', () => {
    assert.deepEqual(
      mergeLines([
        { at: 100, from: 0, to: 50 },
        { at: 100.5, from: 51, to: 120 },
        { at: 300, from: 0, to: 120 },
      ]),
      [
        { at: 100.25, from: 0, to: 120 },
        { at: 300, from: 0, to: 120 },
      ],
    );
    const doubled = [...gridLines([50, 150, 250], [100, 120, 140]), hLine(101, 50, 250)];
    assert.deepEqual(ruledGrids(doubled)[0].ys.length, 3);
  });

  test('a missing dividing line makes a spanning cell', () => {
    // Header row: one cell over columns 2 and 3 (no vertical at x=250 between y=100 and 120).
    const segs = [
      ...[100, 120, 140].map((y) => hLine(y, 50, 350)),
      vLine(50, 100, 140),
      vLine(150, 100, 140),
      vLine(250, 120, 140),
      vLine(350, 100, 140),
    ];
    const [grid] = ruledGrids(segs);
    const header = grid.cells.filter((c) => c.row === 0);
    assert.deepEqual(
      header.map((c) => [c.col, c.colSpan]),
      [
        [0, 1],
        [1, 2],
      ],
    );
    assert.equal(grid.cells.length, 5);
  });

  test('a row label spanning two rows', () => {
    const segs = [
      hLine(100, 50, 250),
      hLine(120, 150, 250), // no rule under the first column's cell
      hLine(140, 50, 250),
      ...[50, 150, 250].map((x) => vLine(x, 100, 140)),
    ];
    const label = ruledGrids(segs)[0].cells.find((c) => c.row === 0 && c.col === 0);
    assert.deepEqual(label && [label.rowSpan, label.colSpan], [2, 1]);
  });

  test('a table open at the sides takes its outer edges from the rules’ ends', () => {
    const segs = [
      ...[100, 120, 140].map((y) => hLine(y, 40, 360)),
      vLine(150, 100, 140),
      vLine(250, 100, 140),
    ];
    assert.deepEqual(ruledGrids(segs)[0].xs, [40, 150, 250, 360]);
  });

  test('separate groups of lines are separate tables; lone lines and single boxes are none', () => {
    const segs = [
      ...gridLines([50, 150, 250], [100, 120, 140]),
      ...gridLines([50, 150, 250], [400, 420, 440]),
      hLine(600, 50, 500), // a rule under a heading
      ...gridLines([50, 500], [650, 700]), // a framed note: one cell
    ];
    const grids = ruledGrids(segs);
    assert.deepEqual(
      grids.map((g) => g.box.y0),
      [100, 400],
    );
  });
});
