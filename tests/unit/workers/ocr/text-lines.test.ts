// Text lines counted from the pixels, to catch a reading that missed most of a page: rows that
// cross many short strokes, counted strip by strip, so leaning lines and a dark desk around the
// page do not change the count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GrayImage } from '../../../../src/workers/ocr/raster';
import { linesRead, textLineCount } from '../../../../src/workers/ocr/text-lines';
import { linedPage } from '../../../support/lined-page';

/** `lines` rows of 1-px strokes, each line lower by `lean` px per 100 px to the right. */
function leaningPage(width: number, lines: number, lean: number): GrayImage {
  const height = lines * 40 + 80;
  const data = new Uint8Array(width * height).fill(230);
  for (let i = 0; i < lines; i++) {
    for (let x = Math.floor(width * 0.1); x < width * 0.9; x += 3) {
      const top = 40 + i * 40 + Math.round((x * lean) / 100);
      for (let y = top; y < top + 14 && y < height; y++) data[y * width + x] = 30;
    }
  }
  return { width, height, data };
}

test('a page of 20 text lines shows 20', () => {
  assert.equal(textLineCount(linedPage(1200, 20, 14, 20)), 20);
});

test('a blank page and a tiny image show none', () => {
  assert.equal(
    textLineCount({ width: 800, height: 600, data: new Uint8Array(480_000).fill(250) }),
    0,
  );
  assert.equal(textLineCount({ width: 10, height: 10, data: new Uint8Array(100) }), 0);
});

test('a dark desk around the page adds no line', () => {
  const page = linedPage(1200, 12, 14, 20);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < 150; x++) page.data[y * page.width + x] = 40;
    for (let x = 1080; x < 1200; x++) page.data[y * page.width + x] = 40;
  }
  assert.equal(textLineCount(page), 12);
});

test('lines leaning 2% (a photo in perspective) are still counted one by one', () => {
  const count = textLineCount(leaningPage(1600, 15, 2));
  assert.ok(count >= 13 && count <= 15, `counted ${count}`);
});

test('lines read: distinct tesseract lines of the words', () => {
  assert.equal(linesRead([{ line: 0 }, { line: 0 }, { line: 3 }]), 2);
  assert.equal(linesRead([]), 0);
});
