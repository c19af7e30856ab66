import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  enlargementFor,
  inkThreshold,
  medianLineHeight,
} from '../../../../src/workers/ocr/text-height';
import { linedPage } from '../../../support/lined-page';
import { rotateGray } from '../../../../src/workers/ocr/raster';

test('the ink threshold falls between paper and ink', () => {
  const t = inkThreshold(linedPage(300, 5, 10, 10));
  assert.ok(t >= 20 && t < 240, `threshold ${t}`);
});

test('line height is the median run of inked rows', () => {
  assert.equal(medianLineHeight(linedPage(300, 6, 10, 12)), 10);
  assert.equal(medianLineHeight(linedPage(300, 6, 42, 20)), 42);
});

test('light text on a dark page is measured too', () => {
  const page = linedPage(300, 6, 10, 12);
  const negative = { ...page, data: page.data.map((v) => 255 - v) };
  assert.equal(medianLineHeight(negative), 10);
});

test('a blank page or one with fewer than three lines has no measure', () => {
  const blank = { width: 100, height: 100, data: new Uint8Array(10_000).fill(255) };
  assert.equal(medianLineHeight(blank), undefined);
  assert.equal(medianLineHeight(linedPage(300, 2, 10, 12)), undefined);
});

test('small text is enlarged up to 2×, within the pixel cap; tall text is not', () => {
  assert.equal(enlargementFor(linedPage(300, 6, 10, 12), 35_000_000), 2);
  assert.equal(enlargementFor(linedPage(300, 6, 16, 12), 35_000_000), 1.5);
  assert.equal(enlargementFor(linedPage(300, 6, 30, 12), 35_000_000), 1);
  const page = linedPage(300, 6, 10, 12);
  assert.equal(enlargementFor(page, page.width * page.height * 1.2), 1);
});

test('on a page turned a quarter, the lines are measured across the columns', () => {
  const page = linedPage(300, 6, 10, 12);
  const turned = rotateGray(page, 90);
  assert.equal(medianLineHeight(turned), 10);
  // Tall lines turned sideways must not look like small ones (a turned scan is not enlarged).
  assert.equal(enlargementFor(rotateGray(linedPage(600, 8, 40, 20), 90), 35_000_000), 1);
});
