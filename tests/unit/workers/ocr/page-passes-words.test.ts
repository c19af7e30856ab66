// Word boxes through the pass plan: whatever image a pass reads (deskewed, turned upright by
// OSD, enlarged, upside down), the result's boxes are on the page the plan was given. The
// scripted reader boxes the dark pixels of the image it is handed, as tesseract boxes a word.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WordBox } from '../../../../src/shared/ocr-words';
import type { OcrPageResult } from '../../../../src/workers/engine/types';
import { readPagePasses, type PageReader } from '../../../../src/workers/ocr/page-passes';
import { rotateGray, type GrayImage } from '../../../../src/workers/ocr/raster';
import { englishPassPolicy } from '../../../support/pass-policy';
import { skewedPage } from '../../../support/skewed-page';
import { darkBox, pageWithBlock } from '../../../support/word-block';

const policy = englishPassPolicy;

/** Reads the scripted confidences in turn; every reading boxes the image's dark pixels. */
function boxingReader(confidences: number[], osdDegrees?: 90 | 180 | 270): PageReader {
  let reads = 0;
  const reader: PageReader = {
    read: async (image: GrayImage): Promise<OcrPageResult> => {
      const confidence = confidences[Math.min(reads++, confidences.length - 1)]!;
      return {
        blocks: [{ type: 'paragraph', text: 'word', prov: { page: 1, ocr: true } }],
        confidence,
        words: 1,
        rotation: 0,
        wordBoxes: [{ text: 'word', confidence, box: darkBox(image) }],
      };
    },
  };
  if (osdDegrees) {
    reader.detect = async () => ({
      degrees: osdDegrees,
      orientationConfidence: 12,
      script: 'Latin',
      scriptConfidence: 8,
    });
  }
  return reader;
}

function assertNear(actual: WordBox | undefined, expected: WordBox, tolerance: number): void {
  assert.ok(actual, 'the reading has a word box');
  for (let i = 0; i < 4; i++) {
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= tolerance,
      `box ${JSON.stringify(actual)} is not near ${JSON.stringify(expected)}`,
    );
  }
}

describe('readPagePasses word boxes', () => {
  for (const degrees of [90, 180, 270] as const) {
    test(`a page OSD turns by ${degrees}°: the upright reading's box is on the original`, async () => {
      // The page as scanned: the upright page turned the other way.
      const scanned = rotateGray(
        pageWithBlock(400, 300, [40, 200, 120, 260]),
        (360 - degrees) as 90 | 180 | 270,
      );
      const result = await readPagePasses(scanned, 300, 1, boxingReader([50, 90], degrees), policy);
      assert.equal(result.confidence, 90, 'the upright reading won');
      assert.equal(result.rotation, degrees);
      assertNear(result.wordBoxes?.[0]?.box, darkBox(scanned), 0.0001);
    });
  }

  test('a skewed page is deskewed before the first pass; its box is on the skewed page', async () => {
    const { image } = skewedPage(8);
    const result = await readPagePasses(image, 300, 1, boxingReader([95]), policy);
    assertNear(result.wordBoxes?.[0]?.box, darkBox(image), 0.01);
  });

  test('an upside-down retry of a weak page maps its box back too', async () => {
    const scanned = pageWithBlock(400, 300, [40, 200, 120, 260]);
    // No OSD: weak first reading, enlarged retry no better, upside-down retry best.
    const result = await readPagePasses(scanned, 300, 1, boxingReader([40, 30, 55]), policy);
    assert.equal(result.confidence, 55);
    assert.equal(result.rotation, 180);
    assertNear(result.wordBoxes?.[0]?.box, darkBox(scanned), 0.0001);
  });
});
