// OCR words as placed items: in points, on one baseline per row once the lean is sheared out,
// with specks (a hair read as "2", a scratch read as "ee", a lone "|") left out of the layout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutItems } from '../../../../../src/workers/extractors/ocr-layout/layout-items';
import { groupLines } from '../../../../../src/workers/extractors/pdf/text-lines';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { LETTER_PX_300, ocrTree } from '../../../../support/ocr-tree';

const layoutOf = (tree: ReturnType<typeof ocrTree>) => {
  const layout = toOcrPageResult(tree, 1, LETTER_PX_300, 300).layout;
  assert.ok(layout);
  return layout;
};

test('words are in points with one baseline per row on a leaning page', () => {
  const layout = layoutOf(
    ocrTree(
      [[{ text: 'Total', x: 72, y: 200 }], [{ text: '1,200.00', x: 540, y: 200, right: true }]],
      300,
      0.02,
    ),
  );
  assert.ok(Math.abs(layout.slope - 0.02) < 1e-9);
  const { items } = layoutItems(layout);
  assert.deepEqual(
    items.map((i) => i.text),
    ['Total', '1,200.00'],
  );
  assert.equal(items[0].x, 72);
  assert.ok(Math.abs(items[0].y - items[1].y) < 0.5, `${items[0].y} vs ${items[1].y}`);
  assert.ok(Math.abs(items[0].size - 8 / 0.75) < 0.01);
});

test('specks are left out; signs tesseract is sure of stay', () => {
  const tree = ocrTree([
    [{ text: 'Hartley & Moss', x: 72, y: 100 }],
    [{ text: '2', x: 300, y: 130, confidence: 30 }],
    [{ text: '|', x: 300, y: 160, confidence: 95 }],
    [{ text: 'Date', x: 72, y: 190 }],
  ]);
  const layout = layoutOf(tree);
  // A narrow unsure word (a scratch) beside a real one.
  const date = layout.words[layout.words.length - 1];
  layout.words.push({
    ...date,
    text: 'ee',
    confidence: 40,
    box: [1000, date.box[1], 1001, date.box[3]],
    boxIndex: 99,
  });
  assert.deepEqual(
    layoutItems(layout).items.map((i) => i.text),
    ['Hartley', '&', 'Moss', 'Date'],
  );
});

test('a box a ruling stretched does not make its line swallow the rows around it', () => {
  const tree = ocrTree([
    [{ text: 'INV-2021-8781', x: 72, y: 200 }],
    [{ text: '$50,474.38', x: 400, y: 200 }],
    [{ text: 'INV-2021-8127', x: 72, y: 221 }],
    [{ text: 'INV-2024-6066', x: 72, y: 242 }],
  ]);
  // The amount's box reaches up over the row above (a 1-bit grid's rule inked into it).
  const amount = tree[1].paragraphs[0].lines[0].words[0];
  amount.bbox = { ...amount.bbox!, y0: amount.bbox!.y0 - 90 };
  const { items } = layoutItems(layoutOf(tree));
  const tallest = Math.max(...items.map((i) => i.size));
  assert.ok(tallest <= 2 * (8 / 0.75) + 1e-9, `size ${tallest}`);
  assert.equal(groupLines(items).length, 3);
});
