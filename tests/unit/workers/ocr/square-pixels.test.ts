// Non-square pixels (a fax at 200 × 100 dpi) are stretched to square before OCR; square ones,
// and images that declare nothing, are left alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placedResolution } from '../../../../src/workers/ocr/pdf-scan-image';
import type { GrayImage } from '../../../../src/workers/ocr/raster';
import { isSquare, squarePixels } from '../../../../src/workers/ocr/square-pixels';

/** Horizontal black bars 2 rows tall every 4 rows: a fax's squashed text lines. */
function bars(width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) if (y % 4 < 2) data.fill(0, y * width, (y + 1) * width);
  return { width, height, data };
}

test('a 200 × 100 dpi fax page is stretched down to 200 dpi square pixels', () => {
  const fax = bars(1700, 1100);
  const square = squarePixels(fax, { x: 200, y: 100 }, 300, 35_000_000);
  assert.ok(square);
  assert.deepEqual([square.image.width, square.image.height, square.dpi], [1700, 2200, 200]);
  // The bars are twice as tall: row 0..3 black, 4..7 white (give or take the interpolated edge).
  const column = (y: number) => square.image.data[y * 1700 + 10];
  assert.equal(column(1), 0);
  assert.equal(column(2), 0);
  assert.equal(column(5), 255);
  assert.equal(column(6), 255);
});

test('square, undeclared or nearly square pixels are left alone', () => {
  const page = bars(100, 100);
  assert.equal(squarePixels(page, undefined, 300, 1e9), undefined);
  assert.equal(squarePixels(page, { x: 300, y: 300 }, 300, 1e9), undefined);
  assert.equal(squarePixels(page, { x: 300, y: 295 }, 300, 1e9), undefined);
  assert.equal(isSquare({ x: 204, y: 196 }), true);
  assert.equal(isSquare({ x: 200, y: 100 }), false);
});

test('the stretch stays within the resolution and pixel limits', () => {
  const fine = squarePixels(bars(800, 400), { x: 400, y: 200 }, 300, 1e9);
  assert.ok(fine);
  assert.deepEqual([fine.image.width, fine.image.height, fine.dpi], [600, 600, 300]);
  const capped = squarePixels(bars(1000, 500), { x: 200, y: 100 }, 300, 250_000);
  assert.ok(capped);
  assert.ok(capped.image.width * capped.image.height <= 250_000);
  assert.ok(Math.abs(capped.image.width - capped.image.height) <= 1);
  assert.ok(Math.abs(capped.dpi - 100) < 1);
});

test('a PDF image resolution across and down comes from how it is placed', () => {
  // 1700 × 1100 px painted over a letter page (612 × 792 pt): 200 × 100 dpi.
  assert.deepEqual(placedResolution({ width: 1700, height: 1100 }, [612, 0, 0, 792, 0, 0]), {
    x: 200,
    y: 100,
  });
  // The same image placed turned a quarter: its rows run down the page.
  const turned = placedResolution({ width: 1700, height: 1100 }, [0, 792, -612, 0, 612, 0]);
  assert.ok(turned);
  assert.ok(Math.abs(turned.x - 1700 / 11) < 1e-9 && Math.abs(turned.y - 1100 / 8.5) < 1e-9);
  assert.equal(placedResolution({ width: 10, height: 10 }, [0, 0, 0, 0, 0, 0]), undefined);
});
