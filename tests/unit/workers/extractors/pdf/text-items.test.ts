// Placing pdfjs text items on the page: angles, rotation, dropping blank items.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  placeItems,
  quantizeAngle,
  type PdfTextItem,
} from '../../../../../src/workers/extractors/pdf/text-items';
import { item, pageText, ROTATE_90, UPRIGHT } from '../../../../support/pdf-text-items';

describe('placing items', () => {
  test('angles snap to quarter turns', () => {
    assert.equal(quantizeAngle(1, 0), 0);
    assert.equal(quantizeAngle(0, 1), 90);
    assert.equal(quantizeAngle(-1, 0.1), 180);
    assert.equal(quantizeAngle(0.05, -1), 270);
  });

  test('whitespace-only items are dropped and y grows down the page', () => {
    const [group] = placeItems(
      [item('top', 72, 700), item(' ', 90, 700), item('low', 72, 100)],
      UPRIGHT,
    );
    assert.deepEqual(
      group.items.map((i) => i.text),
      ['top', 'low'],
    );
    assert.ok(group.items[0].y < group.items[1].y);
  });

  test('a page with /Rotate 90 reads in the same order as an upright one', () => {
    const items = [item('First line here', 72, 700), item('Second line here', 72, 686)];
    assert.equal(pageText(items, ROTATE_90), 'First line here\nSecond line here');
  });

  test('text drawn at 90° on an upright page (a landscape table) is turned upright', () => {
    // Text running up the page: baseline vector (0, 1) in PDF space; later lines further right.
    const up = (str: string, x: number, y: number): PdfTextItem => ({
      str,
      transform: [0, 10, -10, 0, x, y],
      width: str.length * 5,
      height: 10,
    });
    assert.equal(
      pageText([up('Row two', 100, 72), up('Row one', 86, 72), up('cell', 86, 200)]),
      'Row one cell\nRow two',
    );
  });
});
