// A page with a table: the text above, the table, the text below, in that order; a page without
// one is laid out exactly as before.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { layoutPageWithTables } from '../../../../../../src/workers/extractors/pdf/tables/page-layout';
import type {
  OrientationGroup,
  PlacedItem,
} from '../../../../../../src/workers/extractors/pdf/text-items';
import { layoutPage } from '../../../../../../src/workers/extractors/pdf/text-layout';
import { alignedItems, gridLines, placed, proseItems } from '../../../../../support/table-items';

const group = (items: PlacedItem[]): OrientationGroup[] => [
  { angle: 0, items, chars: items.reduce((n, i) => n + i.text.length, 0) },
];

describe('layoutPageWithTables', () => {
  test('the table block stands between the paragraphs above and below it, with its boxes', () => {
    const items = [
      ...proseItems(3, 72, 60),
      ...alignedItems(
        [
          ['Bank', 'Balance'],
          ['First Bank', '10,000'],
          ['Second Bank', '2,500'],
        ],
        [75, 255],
        114,
      ),
      placed('Confirmed balances agree with the ledger.', 72, 200),
    ];
    const blocks = layoutPageWithTables(
      group(items),
      gridLines([70, 250, 330], [100, 118, 132, 146]),
      { bodySize: 10 },
      3,
    );
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['paragraph', 'table', 'paragraph'],
    );
    const table = blocks[1];
    assert.ok(table.type === 'table');
    assert.deepEqual(table.rows, [
      ['Bank', 'Balance'],
      ['First Bank', '10,000'],
      ['Second Bank', '2,500'],
    ]);
    assert.equal(table.headerRows, 1);
    assert.equal(table.header, true);
    assert.deepEqual(table.bbox, { x0: 70, y0: 100, x1: 330, y1: 146 });
    assert.deepEqual(table.cells?.[3], {
      row: 1,
      col: 1,
      rowSpan: 1,
      colSpan: 1,
      bbox: { x0: 250, y0: 118, x1: 330, y1: 132 },
    });
    assert.deepEqual(table.prov, { page: 3 });
  });

  test('without a table, or without segments, the layout is the plain one', () => {
    const items = [...proseItems(10, 72, 60), ...proseItems(10, 316, 60, 46)];
    const plain = layoutPage(group(items), { bodySize: 10 });
    assert.deepEqual(layoutPageWithTables(group(items), [], { bodySize: 10 }, 1), plain);
    assert.deepEqual(layoutPageWithTables(group(items), null, { bodySize: 10 }, 1), plain);
  });
});
