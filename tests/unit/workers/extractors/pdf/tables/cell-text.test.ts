// Items into grid cells: by centre, lines joined, empty rows and columns dropped.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fillGrid, slot } from '../../../../../../src/workers/extractors/pdf/tables/cell-text';
import { placed } from '../../../../../support/table-items';

const cellsOf = (rows: number, cols: number) =>
  Array.from({ length: rows * cols }, (_, i) => ({
    row: Math.floor(i / cols),
    col: i % cols,
    rowSpan: 1,
    colSpan: 1,
  }));

describe('fillGrid', () => {
  test('slot finds the interval a value falls in, -1 outside', () => {
    assert.deepEqual(
      [5, 15, 25, 35, 45].map((v) => slot([10, 20, 30, 40], v)),
      [-1, 0, 1, 2, -1],
    );
  });

  test('each item lands in the cell its centre is in; a wrapped cell reads as one text', () => {
    const items = [
      placed('Item', 55, 115),
      placed('Amount', 155, 115),
      placed('Office', 55, 135),
      placed('supplies', 55, 147),
      placed('1,200.00', 155, 135),
      placed('outside', 400, 135),
    ];
    const { grid, used } = fillGrid([50, 150, 250], [100, 120, 160], cellsOf(2, 2), items);
    assert.deepEqual(
      grid.cells.map((c) => c.text),
      ['Item', 'Amount', 'Office supplies', '1,200.00'],
    );
    assert.equal(used.size, 5);
    assert.deepEqual(grid.cells[2].box, { x0: 50, y0: 120, x1: 150, y1: 160 });
  });

  test('rows and columns with no text are removed (a double rule’s gap, an empty margin column)', () => {
    const items = [
      placed('a', 55, 115),
      placed('b', 155, 115),
      placed('c', 55, 145),
      placed('d', 155, 145),
    ];
    const { grid } = fillGrid([50, 150, 250, 300], [100, 120, 125, 160], cellsOf(3, 3), items);
    assert.equal(grid.rows, 2);
    assert.equal(grid.cols, 2);
    assert.deepEqual(
      grid.cells.map((c) => [c.row, c.col, c.text]),
      [
        [0, 0, 'a'],
        [0, 1, 'b'],
        [1, 0, 'c'],
        [1, 1, 'd'],
      ],
    );
  });

  test('rows ruled only between rows: a row-wide cell whose runs stand under the columns is split', () => {
    // Verticals only in the header row: each body row is one spanning cell of the rulings.
    const header = [0, 1, 2].map((col) => ({ row: 0, col, rowSpan: 1, colSpan: 1 }));
    const body = [{ row: 1, col: 0, rowSpan: 1, colSpan: 3 }];
    const items = [
      placed('Country', 55, 115),
      placed('Domestic', 155, 115),
      placed('Total', 255, 115),
      placed('Austria', 55, 135),
      placed('86.2', 160, 135),
      placed('3,375', 260, 135),
    ];
    const { grid } = fillGrid([50, 150, 250, 350], [100, 120, 140], [...header, ...body], items);
    assert.deepEqual(
      grid.cells.filter((c) => c.row === 1).map((c) => [c.col, c.colSpan, c.text]),
      [
        [0, 1, 'Austria'],
        [1, 1, '86.2'],
        [2, 1, '3,375'],
      ],
    );
    // A title across the columns stays one spanning cell.
    const title = fillGrid(
      [50, 150, 250, 350],
      [100, 120, 140],
      [...header, ...body],
      [...items.slice(0, 3), placed('Salmonellosis cases by reporting country', 60, 135, 10, 260)],
    );
    assert.deepEqual(
      title.grid.cells.filter((c) => c.row === 1).map((c) => c.colSpan),
      [3],
    );
  });
});
