// Grouping placed items into lines and joining them into text: spaces, duplicates, RTL, superscripts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeItems, type PdfTextItem } from '../../../../../src/workers/extractors/pdf/text-items';
import {
  groupLines,
  joinItems,
  repairArticle,
  splitFragments,
} from '../../../../../src/workers/extractors/pdf/text-lines';
import { item, UPRIGHT } from '../../../../support/pdf-text-items';

describe('joining items on a line', () => {
  test('a space goes in for a word gap, none where items abut', () => {
    const [line] = groupLines(
      placeItems([item('Hel', 72, 700), item('lo', 87, 700), item('world', 100, 700)], UPRIGHT)[0]
        .items,
    );
    // "Hel" ends at 87 (abuts "lo"); "lo" ends at 97, 3 pt (0.3 em) before "world".
    assert.equal(joinItems(line, false), 'Hello world');
  });

  test('a faked-bold duplicate run is read once', () => {
    const [line] = groupLines(
      placeItems([item('Bold', 72, 700), item('Bold', 72.4, 700)], UPRIGHT)[0].items,
    );
    const [fragment] = splitFragments(line);
    assert.equal(joinItems(fragment.items, false), 'Bold');
  });

  test('right-to-left runs are read from the right, with a space where the script changes', () => {
    const rtl = (str: string, x: number, width: number): PdfTextItem => ({
      ...item(str, x, 700, 12, width),
      dir: 'rtl',
    });
    // Visual order, left to right: "Python" then "و", abutting, in a right-to-left line.
    const items = [item('Python', 223.85, 700, 12, 41.24), rtl('و', 265.09, 6.12)];
    const [line] = groupLines(placeItems(items, UPRIGHT)[0].items);
    assert.equal(joinItems(line, true), 'و Python');
  });

  test('the reversed lam-alef of the Arabic article is repaired, real alef-lam is kept', () => {
    assert.equal(repairArticle('اإلنتاجية'), 'الإنتاجية');
    assert.equal(repairArticle('عالم'), 'عالم');
  });

  test('superscripts stay on their line; the next line starts a new one', () => {
    const lines = groupLines(
      placeItems(
        [item('E = mc', 72, 700), item('2', 102, 703.5, 6), item('Next', 72, 686)],
        UPRIGHT,
      )[0].items,
    );
    assert.equal(lines.length, 2);
    assert.equal(joinItems(lines[0], false), 'E = mc2');
  });
});
