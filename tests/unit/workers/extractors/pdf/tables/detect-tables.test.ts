// A page's tables: ruled first, then aligned among the rest; header rows; the cheap pre-test.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  detectTables,
  headerRowsOf,
  mayHoldTable,
} from '../../../../../../src/workers/extractors/pdf/tables/detect-tables';
import { tableRows } from '../../../../../../src/workers/extractors/pdf/tables/table-types';
import { alignedItems, gridLines, placed, proseItems } from '../../../../../support/table-items';

const INVOICE = [
  ['Description', 'Qty', 'Amount'],
  ['Audit fee', '1', '12,000'],
  ['Travel', '3', '1,450'],
];

describe('detectTables', () => {
  test('a ruled table takes the items inside it; the prose around it stays text', () => {
    const prose = proseItems(3, 72, 40);
    const cells = alignedItems(INVOICE, [75, 255, 335], 114);
    const { tables, rest } = detectTables(
      [...prose, ...cells],
      gridLines([70, 250, 330, 420], [100, 118, 132, 146]),
    );
    assert.equal(tables.length, 1);
    assert.equal(tables[0].source, 'rulings');
    assert.deepEqual(tableRows(tables[0]), INVOICE);
    assert.equal(tables[0].headerRows, 1);
    assert.deepEqual(rest, prose);
  });

  test('two tables on a page, one ruled and one not, come out top to bottom', () => {
    const ruled = alignedItems(INVOICE, [75, 255, 335], 414);
    const unruled = alignedItems(INVOICE, [72, 220, 300], 100);
    const { tables } = detectTables(
      [...ruled, ...unruled],
      gridLines([70, 250, 330, 420], [400, 418, 432, 446]),
    );
    assert.deepEqual(
      tables.map((t) => t.source),
      ['alignment', 'rulings'],
    );
  });

  test('prose with a rule under its heading has no table', () => {
    const { tables, rest } = detectTables(proseItems(30, 72, 100), gridLines([72, 540], [90]));
    assert.deepEqual(tables, []);
    assert.equal(rest.length, 30);
    assert.equal(mayHoldTable(proseItems(30, 72, 100)), false);
  });

  test('header rows: the leading rows before the first row with a number', () => {
    const cell = (row: number, text: string) => ({
      row,
      col: 0,
      rowSpan: 1,
      colSpan: 1,
      text,
      box: { x0: 0, y0: 0, x1: 1, y1: 1 },
    });
    assert.equal(headerRowsOf([cell(0, 'Year'), cell(1, 'Total'), cell(2, '2012')], 3), 2);
    assert.equal(headerRowsOf([cell(0, 'Name'), cell(1, 'Smith')], 2), 0);
    assert.equal(headerRowsOf([cell(0, '12'), cell(1, '13')], 2), 0);
  });

  test('a plot’s axis grid with a few labels is no table', () => {
    const xs = [100, 140, 180, 220, 260];
    const ys = [100, 140, 180, 220, 260];
    const labels = [
      placed('4', 95, 104),
      placed('2', 95, 144),
      placed('−2', 142, 264),
      placed('x', 262, 224),
    ];
    assert.deepEqual(detectTables(labels, gridLines(xs, ys)).tables, []);
  });

  test('the pre-test wants neighbouring lines whose later runs line up', () => {
    assert.equal(mayHoldTable(alignedItems(INVOICE, [72, 220, 300])), true);
    const ragged = [
      placed('x = 1', 72, 100),
      placed('(1)', 500, 100),
      placed('so that y', 72, 114),
      placed('holds', 300, 114),
    ];
    assert.equal(mayHoldTable(ragged), false);
  });
});
