// Word boxes read on a turned or deskewed page map back onto the same region of the original:
// a dark block is found on the transformed pixels (as tesseract would box a word there), its box
// mapped back, and compared with the block's box on the original page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WordBox } from '../../../../src/shared/ocr-words';
import {
  composeMaps,
  fineTurnBack,
  identityMap,
  mapBox,
  quarterTurnBack,
} from '../../../../src/workers/ocr/box-transform';
import { enlargeGray, rotateGray, type GrayImage } from '../../../../src/workers/ocr/raster';
import { rotateGrayFine } from '../../../../src/workers/ocr/skew';
import { darkBox, pageWithBlock } from '../../../support/word-block';

function assertNear(actual: WordBox, expected: WordBox, tolerance: number): void {
  for (let i = 0; i < 4; i++) {
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= tolerance,
      `box ${JSON.stringify(actual)} is not near ${JSON.stringify(expected)}`,
    );
  }
}

describe('box-transform', () => {
  const original: GrayImage = pageWithBlock(400, 300, [40, 200, 120, 260]);
  const expected = darkBox(original);

  for (const degrees of [90, 180, 270] as const) {
    test(`a box on the page turned ${degrees}° maps back onto the original region`, () => {
      const turned = rotateGray(original, degrees);
      const back = mapBox(darkBox(turned), quarterTurnBack(degrees));
      assertNear(back, expected, 0.0001);
    });
  }

  // A skewed page's words are straight on the deskewed image tesseract reads, as the block is here.
  for (const degrees of [-12, 4, 25]) {
    test(`a box on the page deskewed by ${degrees}° maps back onto the skewed region`, () => {
      const skewed = rotateGrayFine(original, degrees);
      const straight = rotateGrayFine(skewed, -degrees);
      const back = mapBox(darkBox(straight), fineTurnBack(-degrees, skewed, straight));
      assertNear(back, darkBox(skewed), 0.01);
    });
  }

  test('turned 90° then deskewed then enlarged: the composed map finds the region', () => {
    const sideways = rotateGray(rotateGrayFine(original, 7), 270);
    const upright = rotateGray(sideways, 90);
    const straight = rotateGrayFine(upright, -7);
    const enlarged = enlargeGray(straight, 2);
    const map = composeMaps(quarterTurnBack(90), fineTurnBack(-7, upright, straight));
    assertNear(mapBox(darkBox(enlarged), map), darkBox(sideways), 0.01);
  });

  test('boxes are clamped to the page and rounded to four decimals', () => {
    assert.deepEqual(mapBox([-0.1, 0.123456, 0.5, 1.2], identityMap), [0, 0.1235, 0.5, 1]);
  });
});
