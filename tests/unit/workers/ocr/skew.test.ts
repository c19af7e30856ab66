// The skew estimate (off either axis, any turn) and the bilinear turn, on generated 300-dpi text
// pages whose angle is known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rotateGray } from '../../../../src/workers/ocr/raster';
import { deskew, estimateSkew, rotateGrayFine } from '../../../../src/workers/ocr/skew';
import { linedPage } from '../../../support/lined-page';
import { skewedPage, turnedPage } from '../../../support/skewed-page';

test('the skew of a text page is found to within 0.3°, either way, up to 25°', () => {
  for (const degrees of [-12, -3, 0.8, 3, 7, 12, 20, 25]) {
    const found = estimateSkew(skewedPage(degrees).image);
    assert.ok(
      Math.abs(found.degrees - degrees) <= 0.3,
      `${degrees}° estimated as ${found.degrees}°`,
    );
    assert.equal(found.axis, 'rows');
  }
});

/** How far `found` is from `degrees` once whole quarter turns are set aside (0 to 45). */
const offQuarter = (degrees: number, found: number): number => {
  const rest = (((degrees - found) % 90) + 90) % 90;
  return Math.min(rest, 90 - rest);
};

test('the skew is found to within 0.3° up to 45° either way, the lines along the rows', () => {
  for (const degrees of [-45, -40, -30, -20, 30, 35, 40, 44, 45]) {
    const found = estimateSkew(turnedPage(degrees).image);
    // At 45° off, the rows and the columns are as near: either is a quarter turn from upright.
    if (Math.abs(degrees) === 45) {
      assert.ok(offQuarter(degrees, found.degrees) <= 0.3, `${degrees}°: ${found.degrees}°`);
      continue;
    }
    assert.ok(
      Math.abs(found.degrees - degrees) <= 0.3,
      `${degrees}° estimated as ${found.degrees}°`,
    );
    assert.equal(found.axis, 'rows', `${degrees}°`);
  }
});

test('a page turned any way: its skew off the nearest axis, along the rows or the columns', () => {
  const cases = [
    [60, -30, 'columns'],
    [90, 0, 'columns'],
    [100, 10, 'columns'],
    [200, 20, 'rows'],
    [250, -20, 'columns'],
    [315, -45, 'rows'],
    [-100, -10, 'columns'],
    [172, -8, 'rows'],
  ] as const;
  for (const [degrees, skew, axis] of cases) {
    const found = estimateSkew(turnedPage(degrees).image);
    assert.ok(Math.abs(found.degrees - skew) <= 0.3, `${degrees}°: skew ${found.degrees}°`);
    // Exactly sideways there is no skew to undo, and the axis is not needed.
    if (skew !== 0) assert.equal(found.axis, axis, `${degrees}°`);
  }
  // The same on a page turned by whole pixels (rotateGray) after its skew.
  const sideways = estimateSkew(rotateGray(skewedPage(12).image, 90));
  assert.deepEqual([sideways.degrees, sideways.axis], [12, 'columns']);
});

test('deskewing a page turned any way leaves it a whole quarter turn', () => {
  for (const degrees of [40, 60, 100, 200, 315]) {
    const straightened = deskew(turnedPage(degrees).image);
    assert.ok(offQuarter(degrees, straightened.degrees) <= 0.3, `${degrees}°`);
    assert.ok(Math.abs(estimateSkew(straightened.image).degrees) <= 0.3, `${degrees}°`);
  }
});

test('an upright page is left as it is (the same pixels, not a copy)', () => {
  const { image } = skewedPage(0);
  const result = deskew(image);
  assert.equal(result.image, image);
  assert.equal(result.degrees, 0);
  // Below the threshold the page is not turned either: tesseract absorbs a fraction of a degree.
  const slight = skewedPage(0.3).image;
  assert.equal(deskew(slight).image, slight);
});

test('pages without lines are not turned: blank, noise, tiny, bars', () => {
  const blank = { width: 800, height: 600, data: new Uint8Array(480_000).fill(255) };
  assert.equal(estimateSkew(blank).degrees, 0);
  let seed = 7;
  const noise = new Uint8Array(480_000).map(
    () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24,
  );
  assert.equal(estimateSkew({ width: 800, height: 600, data: noise }).degrees, 0);
  assert.equal(estimateSkew({ width: 4, height: 2, data: new Uint8Array(8) }).degrees, 0);
  assert.equal(estimateSkew(linedPage(400, 10, 6, 14)).degrees, 0);
});

test('a deskewed page has horizontal lines again', () => {
  const straightened = deskew(skewedPage(12).image);
  assert.ok(Math.abs(straightened.degrees - 12) <= 0.3);
  assert.ok(Math.abs(estimateSkew(straightened.image).degrees) <= 0.3);
});

test('the fine turn grows the canvas to hold the page and fills the corners white', () => {
  const image = { width: 100, height: 50, data: new Uint8Array(5000).fill(0) };
  const turned = rotateGrayFine(image, 10);
  const cos = Math.cos(Math.PI / 18);
  const sin = Math.sin(Math.PI / 18);
  assert.equal(turned.width, Math.ceil(100 * cos + 50 * sin));
  assert.equal(turned.height, Math.ceil(100 * sin + 50 * cos));
  assert.equal(turned.data[0], 255, 'top-left corner is outside the turned page');
  const centre = Math.floor(turned.height / 2) * turned.width + Math.floor(turned.width / 2);
  assert.equal(turned.data[centre], 0);
  // A turn by 0° is the same pixels on the same canvas.
  const same = rotateGrayFine(image, 0);
  assert.deepEqual([same.width, same.height], [100, 50]);
  assert.deepEqual(same.data, image.data);
});

test('turning clockwise moves the right end of a line down', () => {
  // One dark row across the middle of a white 101×101 image.
  const data = new Uint8Array(101 * 101).fill(255);
  for (let x = 0; x < 101; x++) data[50 * 101 + x] = 0;
  const turned = rotateGrayFine({ width: 101, height: 101, data }, 20);
  const darkestRow = (x: number) => {
    let best = 0;
    for (let y = 1; y < turned.height; y++) {
      if (turned.data[y * turned.width + x] < turned.data[best * turned.width + x]) best = y;
    }
    return best;
  };
  const left = Math.floor(turned.width * 0.25);
  const right = Math.floor(turned.width * 0.75);
  assert.ok(darkestRow(right) > darkestRow(left) + 10);
});
