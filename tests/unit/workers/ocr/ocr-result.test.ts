// The tesseract result tree becomes a page result: rotation, confidence, paragraphs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  meanWordConfidence,
  rotationFromBaselines,
  toOcrPageResult,
  type OcrTreeLine,
} from '../../../../src/workers/ocr/ocr-result';

const line = (x0: number, y0: number, x1: number, y1: number, text = 'word'): OcrTreeLine => ({
  text,
  words: [{ text, confidence: 90 }],
  baseline: { x0, y0, x1, y1 },
});

test('rotation is read from the direction of the baselines', () => {
  assert.equal(rotationFromBaselines([line(10, 100, 500, 102)]), 0);
  assert.equal(rotationFromBaselines([line(500, 100, 10, 98)]), 180);
  // Text that reads bottom-to-top: the page was turned counter-clockwise, fixed by 90° clockwise.
  assert.equal(rotationFromBaselines([line(100, 600, 100, 60)]), 90);
  assert.equal(rotationFromBaselines([line(100, 60, 100, 600)]), 270);
  assert.equal(rotationFromBaselines([]), 0);
  // The longer lines win a disagreement.
  assert.equal(rotationFromBaselines([line(0, 0, 900, 0), line(50, 50, 0, 50)]), 0);
});

test('confidence is the mean over words with letters or digits; speckle is ignored', () => {
  assert.equal(
    meanWordConfidence([
      { text: 'Total', confidence: 90 },
      { text: '42', confidence: 70 },
      { text: '|', confidence: 10 },
    ]),
    80,
  );
  assert.equal(meanWordConfidence([]), 0);
});

test('the tesseract tree becomes OCR paragraphs with page provenance', () => {
  const result = toOcrPageResult(
    [
      {
        paragraphs: [
          { lines: [line(0, 10, 100, 10, 'First  line\n'), line(0, 30, 100, 30, 'second')] },
          { lines: [line(0, 60, 100, 60, ' . ')] },
        ],
      },
    ],
    3,
  );
  assert.deepEqual(result.blocks, [
    { type: 'paragraph', text: 'First line\nsecond', prov: { page: 3, ocr: true } },
  ]);
  assert.equal(result.words, 2);
  assert.equal(result.rotation, 0);
  assert.deepEqual(toOcrPageResult(null, 1), { blocks: [], confidence: 0, words: 0, rotation: 0 });
});

test("with the image's size, the words with content keep their boxes as fractions of it", () => {
  const word = (text: string, confidence: number, x0: number, x1: number) => ({
    text,
    confidence,
    bbox: { x0, y0: 50, x1, y1: 70 },
  });
  const tree = [
    {
      paragraphs: [
        {
          lines: [
            {
              text: 'Total | 41.20',
              words: [
                word('Total', 91.6, 100, 200),
                word('|', 30, 210, 215),
                word('41.20', 55, 220, 300),
              ],
              baseline: { x0: 100, y0: 70, x1: 300, y1: 70 },
            },
          ],
        },
      ],
    },
  ];
  const result = toOcrPageResult(tree, 1, { width: 1000, height: 500 });
  assert.deepEqual(result.wordBoxes, [
    { text: 'Total', confidence: 92, box: [0.1, 0.1, 0.2, 0.14] },
    { text: '41.20', confidence: 55, box: [0.22, 0.1, 0.3, 0.14] },
  ]);
  assert.equal(toOcrPageResult(tree, 1).wordBoxes, undefined, 'no size, no boxes');
});

test('the layout keeps every boxed word in the frame read, pointing at its word box', () => {
  const word = (text: string, x0: number, confidence = 90) => ({
    text,
    confidence,
    bbox: { x0, y0: 100, x1: x0 + 40, y1: 130 },
  });
  const result = toOcrPageResult(
    [
      {
        paragraphs: [
          {
            lines: [
              {
                text: 'Hartley & Moss',
                words: [word('Hartley', 10), word('&', 60), word('Moss', 110)],
                baseline: { x0: 10, y0: 130, x1: 150, y1: 131 },
              },
            ],
          },
        ],
      },
    ],
    1,
    { width: 1000, height: 2000 },
    300,
  );
  assert.deepEqual(
    result.wordBoxes?.map((w) => w.text),
    ['Hartley', 'Moss'],
  );
  assert.deepEqual(
    result.layout?.words.map((w) => [w.text, w.boxIndex, w.block, w.line]),
    [
      ['Hartley', 0, 0, 0],
      ['&', undefined, 0, 0],
      ['Moss', 1, 0, 0],
    ],
  );
  assert.deepEqual(result.layout?.words[2].box, [110, 100, 150, 130]);
  assert.equal(result.layout?.pointsPerPixel, 72 / 300);
  assert.ok(Math.abs((result.layout?.slope ?? 0) - 1 / 140) < 1e-9);
});
