// Unruled tables from alignment, and what must not become one: prose, two-column text, lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alignedTables } from '../../../../../../src/workers/extractors/pdf/tables/alignment-grid';
import { alignedItems, placed, proseItems } from '../../../../../support/table-items';

const LEDGER = [
  ['Account', '2011', '2012'],
  ['Cash', '1,200', '1,350'],
  ['Receivables', '800', '950'],
  ['Inventory', '2,400', '2,100'],
];

describe('alignedTables', () => {
  test('words in columns over several rows are a table, cell by cell', () => {
    const [table, ...rest] = alignedTables(alignedItems(LEDGER, [72, 220, 300]));
    assert.equal(rest.length, 0);
    assert.equal(table.cols, 3);
    assert.equal(table.rows, 4);
    assert.deepEqual(
      table.cells.filter((c) => c.row === 2).map((c) => c.text),
      ['Receivables', '800', '950'],
    );
    assert.ok(table.columnEdges[1] > 72 + 55 && table.columnEdges[1] < 220);
  });

  test('a line wrapped inside one column continues the cell above', () => {
    const items = alignedItems(LEDGER, [72, 220, 300]);
    items.push(placed('and prepayments', 72, 100 + 14 * 2 + 7));
    // Push the later rows down so the wrapped line sits between rows 2 and 3.
    for (const i of items) if (i.y >= 100 + 14 * 3) i.y += 14;
    const [table] = alignedTables(items);
    assert.equal(table.rows, 4);
    assert.equal(
      table.cells.find((c) => c.row === 2 && c.col === 0)?.text,
      'Receivables and prepayments',
    );
  });

  test('a section title across the columns between rows is a spanning cell', () => {
    const rows = [...LEDGER.slice(0, 2), ['', '', ''], ...LEDGER.slice(2)];
    const items = alignedItems(rows, [72, 220, 300]);
    items.push(placed('Current assets of the group', 150, 100 + 14 * 2, 10, 200));
    const [table] = alignedTables(items);
    const title = table.cells.find((c) => c.row === 2);
    assert.equal(title?.text, 'Current assets of the group');
    assert.equal(title?.col, 0);
    assert.equal(title?.colSpan, 3);
    assert.equal(table.rows, 5);
  });

  test('prose is no table', () => {
    assert.deepEqual(alignedTables(proseItems(20, 72, 100)), []);
  });

  test('two columns of text are no table', () => {
    const items = [...proseItems(20, 72, 100, 46), ...proseItems(20, 316, 100, 46)];
    assert.deepEqual(alignedTables(items), []);
  });

  test('a bulleted or numbered list, or line-numbered text, is no table', () => {
    const bullets = Array.from({ length: 5 }, (_, i) => [
      placed('•', 72, 100 + 14 * i),
      placed(`item ${i} of a list that runs along`, 90, 100 + 14 * i),
    ]).flat();
    assert.deepEqual(alignedTables(bullets), []);
    const numbered = Array.from({ length: 5 }, (_, i) => [
      placed(`${i + 1}.`, 72, 100 + 14 * i),
      placed(`step ${i} of the procedure`, 90, 100 + 14 * i),
    ]).flat();
    assert.deepEqual(alignedTables(numbered), []);
    const transcript = Array.from({ length: 6 }, (_, i) => [
      placed(`${i + 1}`, 72, 100 + 14 * i),
      placed(`WITNESS: line ${i} of what was said`, 110, 100 + 14 * i),
    ]).flat();
    assert.deepEqual(alignedTables(transcript), []);
  });

  test('two aligned lines are not enough for a table', () => {
    assert.deepEqual(alignedTables(alignedItems(LEDGER.slice(0, 2), [72, 220, 300])), []);
  });

  test('nil dashes are table cells; a formula’s stacked pieces are not a table', () => {
    const nil = [
      ['Substance', 'Air', 'Water'],
      ['Methane', '100', '-'],
      ['Benzene', '-', '10'],
      ['Lead', '-', '-'],
    ];
    assert.equal(alignedTables(alignedItems(nil, [72, 220, 300])).length, 1);
    // A matrix: rows closer than a line, lone letters and signs.
    const matrix = [
      ['(', ')'],
      ['a', 'b'],
      ['c', 'd'],
    ].flatMap((row, r) => row.map((t, c) => placed(t, 200 + 60 * c, 100 + 7 * r)));
    assert.deepEqual(alignedTables(matrix), []);
  });

  test('an index in two columns of short entries is two columns of text, not a table', () => {
    const entries = Array.from({ length: 12 }, (_, i) => [
      placed(`Entry number ${i}, ${10 + i}`, 90, 100 + 12 * i),
      placed(`Other entry ${i}, ${40 + i}`, 320, 100 + 12 * i),
    ]).flat();
    assert.deepEqual(alignedTables(entries), []);
  });

  test('a header word split off by a wide space makes no column of its own', () => {
    const rows = [
      ['Item', 'Freq.', 'Fraction'],
      ['Kept', '344', '17.4%'],
      ['Sold', '53', '22.5%'],
      ['Lost', '61', '22.5%'],
    ];
    const items = alignedItems(rows, [72, 220, 300]);
    items.push(placed('of', 300 + 40 + 12, 100)); // 'Fraction' ends at 340: a 1.2 em gap
    const [table] = alignedTables(items);
    assert.equal(table?.cols, 3);
    assert.equal(table.cells.find((c) => c.row === 0 && c.col === 2)?.text, 'Fraction of');
  });

  test('column titles wrapped over two tight lines above the labelled rows are one header row', () => {
    const rows = [
      ['', 'to air', 'to water'],
      ['', 'kg/year', 'kg/year'],
      ['Methane', '100 000', '-'],
      ['Benzene', '1 000', '200'],
      ['Lead', '200', '20'],
    ];
    const items = alignedItems(rows, [72, 220, 300]).map((item) =>
      item.y === 114 ? { ...item, y: 111 } : item,
    );
    const [table] = alignedTables(items);
    assert.equal(table.rows, 4);
    assert.deepEqual(
      table.cells.filter((c) => c.row === 0).map((c) => c.text),
      ['to air kg/year', 'to water kg/year'],
    );
    // Set a full line apart (14 pt here is 1.4 em), the two lines stay two rows.
    assert.equal(alignedTables(alignedItems(rows, [72, 220, 300]))[0].rows, 5);
  });
});
