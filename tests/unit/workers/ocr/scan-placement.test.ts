// A scan's word boxes are fractions of its embedded image; scanToPage puts them where the image
// is painted on the page as shown (its placement, the page's /Rotate).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanToPage, type ViewportLike } from '../../../../src/workers/ocr/scan-placement';

/** A US-letter page's viewport at scale 1, as pdfjs builds it, upright or turned 90°. */
function letter(rotation: 0 | 90): ViewportLike {
  return rotation === 0
    ? { width: 612, height: 792, convertToViewportPoint: (x, y) => [x, 792 - y] }
    : { width: 792, height: 612, convertToViewportPoint: (x, y) => [y, x] };
}

const near = (actual: [number, number], expected: [number, number]) =>
  assert.ok(
    Math.abs(actual[0] - expected[0]) < 1e-9 && Math.abs(actual[1] - expected[1]) < 1e-9,
    `${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`,
  );

test('a scan filling an upright page: the same fractions', () => {
  const map = scanToPage(letter(0), [612, 0, 0, 792, 0, 0]);
  near(map(0.1, 0.2), [0.1, 0.2]);
  near(map(1, 1), [1, 1]);
});

test('a scan on a page shown turned 90° (/Rotate 90): its top-left is the top-right', () => {
  const map = scanToPage(letter(90), [612, 0, 0, 792, 0, 0]);
  near(map(0, 0), [1, 0]);
  near(map(0.25, 0.1), [0.9, 0.25]);
});

test('a scan painted on the lower half of the page', () => {
  const map = scanToPage(letter(0), [612, 0, 0, 396, 0, 0]);
  near(map(0.5, 0), [0.5, 0.5]);
  near(map(0.5, 1), [0.5, 1]);
});
