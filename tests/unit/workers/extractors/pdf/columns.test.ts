// Finding column gutters and reading columns one after the other.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findGutter,
  readingFlows,
  type Box,
} from '../../../../../src/workers/extractors/pdf/columns';
import { placeItems, type PdfTextItem } from '../../../../../src/workers/extractors/pdf/text-items';
import { groupLines, splitFragments } from '../../../../../src/workers/extractors/pdf/text-lines';
import { item, pageText, UPRIGHT } from '../../../../support/pdf-text-items';

describe('columns', () => {
  /** Two justified columns (72–300 and 310–540, a 1 em gutter as LaTeX makes) under a title. */
  function twoColumnPage(): PdfTextItem[] {
    const items = [item('A Title Across Both Columns', 200, 740, 16, 210)];
    for (let i = 0; i < 12; i++) {
      items.push(item(`left line ${i} of the first column text`, 72, 700 - 12 * i, 10, 228));
      items.push(item(`right line ${i} of the second column text`, 310, 700 - 12 * i, 10, 230));
    }
    return items;
  }

  test('a 1 em gutter between prose columns is found', () => {
    const groups = placeItems(twoColumnPage(), UPRIGHT);
    const fragments = groupLines(groups[0].items).flatMap(splitFragments);
    const gutter = findGutter(fragments);
    assert.ok(gutter, 'gutter expected');
    assert.ok(gutter.x0 >= 299 && gutter.x1 <= 311, JSON.stringify(gutter));
  });

  test('two columns are read one after the other, the spanning title first', () => {
    const text = pageText(twoColumnPage());
    const title = text.indexOf('A Title');
    const leftEnd = text.indexOf('left line 11');
    const rightStart = text.indexOf('right line 0');
    assert.ok(title === 0, text.slice(0, 80));
    assert.ok(leftEnd > 0 && rightStart > leftEnd, 'left column must end before the right starts');
  });

  test('ragged columns with a page number in the gutter are still two columns', () => {
    const items: PdfTextItem[] = [];
    for (let i = 0; i < 16; i++) {
      // Left lines end anywhere from 230 to 293; the right column starts at 318.
      items.push(item(`left ragged ${i} words here`, 72, 700 - 14 * i, 11, 158 + ((i * 37) % 64)));
      items.push(
        item(`right ragged ${i} words here`, 318, 700 - 14 * i, 11, 150 + ((i * 23) % 70)),
      );
    }
    items.push(item('7', 302, 60, 11, 6));
    const text = pageText(items);
    assert.ok(text.indexOf('left ragged 15') < text.indexOf('right ragged 0'), text.slice(0, 200));
  });

  test('a table whose cells leave the columns mostly blank is read row by row', () => {
    const items: PdfTextItem[] = [];
    for (let i = 0; i < 10; i++) {
      items.push(item(`Item ${i}`, 72, 700 - 14 * i, 10, 35));
      items.push(item(`${100 + i}.00`, 400, 700 - 14 * i, 10, 30));
    }
    const text = pageText(items);
    assert.match(text, /Item 0 100\.00\nItem 1 101\.00/);
  });

  test('no gutter in plain single-column prose', () => {
    const boxes: Box[] = Array.from({ length: 20 }, (_, i) => ({
      x0: 72,
      x1: 540 - (i % 3) * 20,
      y: 100 + 12 * i,
      size: 10,
    }));
    assert.equal(findGutter(boxes), null);
    assert.equal(readingFlows(boxes).length, 1);
  });
});
