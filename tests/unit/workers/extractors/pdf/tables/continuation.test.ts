// A table continued on the next page is joined to its first part, with the page break noted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Block } from '../../../../../../src/shared/model';
import { joinContinuedTables } from '../../../../../../src/workers/extractors/pdf/tables/continuation';

type TableBlock = Extract<Block, { type: 'table' }>;

/** A table block on `page` with columns starting at `xs`, rows of texts. */
function table(page: number, rows: string[][], xs = [72, 200, 300], top = 100): TableBlock {
  return {
    type: 'table',
    rows,
    header: false,
    bbox: { x0: xs[0], y0: top, x1: 400, y1: top + 14 * rows.length },
    cells: rows.flatMap((row, r) =>
      row.map((_, c) => ({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        bbox: { x0: xs[c], y0: top + 14 * r, x1: xs[c + 1] ?? 400, y1: top + 14 * (r + 1) },
      })),
    ),
    prov: { page },
  };
}
const pageBreak = (page: number): Block => ({ type: 'pageBreak', page, prov: { page } });
const para = (page: number, text: string): Block => ({ type: 'paragraph', text, prov: { page } });

describe('joinContinuedTables', () => {
  test('same columns at the end of one page and the start of the next: one table', () => {
    const blocks = [
      pageBreak(1),
      para(1, 'Ledger extract as confirmed by the bank for the year under audit.'),
      table(1, [
        ['Date', 'Ref', 'Amount'],
        ['1 Jan', 'A1', '10'],
      ]),
      para(1, 'Page 1'),
      pageBreak(2),
      table(
        2,
        [
          ['2 Jan', 'A2', '20'],
          ['3 Jan', 'A3', '30'],
        ],
        [72, 200, 300],
        60,
      ),
      para(
        2,
        'The balances above agree with the general ledger after the adjustments listed in note 4.',
      ),
    ];
    const joined = joinContinuedTables(blocks);
    const tables = joined.filter((b): b is TableBlock => b.type === 'table');
    assert.equal(tables.length, 1);
    assert.deepEqual(
      tables[0].rows.map((r) => r[0]),
      ['Date', '1 Jan', '2 Jan', '3 Jan'],
    );
    assert.deepEqual(tables[0].continuation, [
      { page: 2, row: 2, bbox: { x0: 72, y0: 60, x1: 400, y1: 88 } },
    ]);
    assert.deepEqual(
      tables[0].cells?.filter((c) => c.row === 2).map((c) => c.page),
      [2, 2, 2],
    );
    // The page number and the page break stay, after the joined table.
    assert.deepEqual(
      joined.map((b) => b.type),
      ['pageBreak', 'paragraph', 'table', 'paragraph', 'pageBreak', 'paragraph'],
    );
  });

  test('other columns, or text between the parts, keep two tables', () => {
    const moved = joinContinuedTables([
      table(1, [['a', 'b', 'c']]),
      pageBreak(2),
      table(2, [['d', 'e', 'f']], [72, 150, 330]),
    ]);
    assert.equal(moved.filter((b) => b.type === 'table').length, 2);
    const prose = joinContinuedTables([
      table(1, [['a', 'b', 'c']]),
      para(
        1,
        'A paragraph of real text after the table, long enough not to be a page number or header.',
      ),
      pageBreak(2),
      table(2, [['d', 'e', 'f']]),
    ]);
    assert.equal(prose.filter((b) => b.type === 'table').length, 2);
    const narrower = joinContinuedTables([
      table(1, [['a', 'b', 'c']]),
      pageBreak(2),
      table(2, [['d', 'e']]),
    ]);
    assert.equal(narrower.filter((b) => b.type === 'table').length, 2);
  });

  test('a table over three pages is one table with two continuations; inputs are not changed', () => {
    const first = table(1, [['a', 'b', 'c']]);
    const joined = joinContinuedTables([
      first,
      pageBreak(2),
      table(2, [['d', 'e', 'f']]),
      pageBreak(3),
      table(3, [['g', 'h', 'i']]),
    ]);
    const [only] = joined.filter((b): b is TableBlock => b.type === 'table');
    assert.deepEqual(
      only.continuation?.map((c) => [c.page, c.row]),
      [
        [2, 1],
        [3, 2],
      ],
    );
    assert.equal(first.rows.length, 1);
    assert.equal(first.continuation, undefined);
  });
});
