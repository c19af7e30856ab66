// The pass plan for one page, with a scripted reader in place of tesseract: how many full
// recognition passes a page takes, when OSD is asked, when a script no OCR language reads stops
// the retries (OCR_LANGUAGE_MISSING), and the retry budget per page and per file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OcrPageResult } from '../../../../src/workers/engine/types';
import {
  readPagePasses,
  type OsdReading,
  type PageReader,
} from '../../../../src/workers/ocr/page-passes';
import type { GrayImage } from '../../../../src/workers/ocr/raster';
import { rotateGray } from '../../../../src/workers/ocr/raster';
import { scriptsOfLanguages } from '../../../../src/workers/ocr/scripts';
import { estimateSkew } from '../../../../src/workers/ocr/skew';
import { linedPage } from '../../../support/lined-page';
import { englishPassPolicy } from '../../../support/pass-policy';
import { skewedPage } from '../../../support/skewed-page';

const policy = englishPassPolicy;

/** A 4×2 page whose first pixel marks its top-left corner (so turns can be told apart). */
function page(): GrayImage {
  const data = new Uint8Array(8).fill(255);
  data[0] = 0;
  return { width: 4, height: 2, data };
}

const reading = (confidence: number, words = 10): OcrPageResult => ({
  blocks: [{ type: 'paragraph', text: 'text', prov: { page: 1, ocr: true } }],
  confidence,
  words,
  rotation: 0,
});

/** Answers each read with the next scripted confidence and records what it was given. */
function scripted(confidences: number[], osd?: OsdReading) {
  const reads: GrayImage[] = [];
  let detects = 0;
  const reader: PageReader = {
    read: async (image) => {
      reads.push(image);
      return reading(confidences[Math.min(reads.length - 1, confidences.length - 1)]);
    },
  };
  if (osd) {
    reader.detect = async () => {
      detects++;
      return osd;
    };
  }
  return { reader, reads, detects: () => detects };
}

const latinUpright: OsdReading = {
  degrees: 0,
  orientationConfidence: 12,
  script: 'Latin',
  scriptConfidence: 8,
};

describe('readPagePasses', () => {
  test('a page read well the first time takes one pass and no OSD', async () => {
    const r = scripted([93], latinUpright);
    const result = await readPagePasses(page(), 300, 1, r.reader, policy);
    assert.equal(result.confidence, 93);
    assert.equal(r.reads.length, 1);
    assert.equal(r.detects(), 0);
  });

  test('a script no OCR language reads: OCR_LANGUAGE_MISSING and no second pass', async () => {
    const r = scripted([31, 90, 90], {
      degrees: 0,
      orientationConfidence: 25,
      script: 'Hebrew',
      scriptConfidence: 41,
    });
    const result = await readPagePasses(page(), undefined, 3, r.reader, policy);
    assert.equal(r.reads.length, 1);
    assert.equal(r.detects(), 1);
    assert.equal(result.confidence, 31);
    assert.equal(result.warnings?.length, 1);
    const [w] = result.warnings ?? [];
    assert.equal(w.code, 'OCR_LANGUAGE_MISSING');
    assert.equal(w.lossy, true);
    assert.equal(w.page, 3);
    assert.match(w.message, /Hebrew script.*\(eng\).*@tesseract\.js-data\/heb/);
  });

  test('the same page with the language installed gets its retries instead', async () => {
    const r = scripted([31, 40, 45], {
      degrees: 0,
      orientationConfidence: 5,
      script: 'Hebrew',
      scriptConfidence: 41,
    });
    const result = await readPagePasses(page(), undefined, 1, r.reader, {
      ...policy,
      scripts: scriptsOfLanguages(['eng', 'heb']),
      languages: ['eng', 'heb'],
    });
    assert.equal(r.reads.length, 3);
    assert.equal(result.warnings, undefined);
  });

  test('a turned page is read once more, upright, and says how it was turned', async () => {
    const r = scripted([20, 95], {
      degrees: 90,
      orientationConfidence: 9,
      script: 'Latin',
      scriptConfidence: 9,
    });
    const result = await readPagePasses(page(), 300, 1, r.reader, policy);
    assert.equal(r.reads.length, 2);
    assert.deepEqual([r.reads[1].width, r.reads[1].height], [2, 4]);
    assert.equal(result.confidence, 95);
    assert.equal(result.rotation, 90);
  });

  test('a skewed page is straightened before its first and only pass; upright is not', async () => {
    const skewed = skewedPage(7).image;
    const r = scripted([95], latinUpright);
    await readPagePasses(skewed, 300, 1, r.reader, policy);
    assert.equal(r.reads.length, 1);
    assert.notEqual(r.reads[0], skewed);
    assert.ok(Math.abs(estimateSkew(r.reads[0]).degrees) <= 0.3);
    const upright = skewedPage(0).image;
    const u = scripted([95], latinUpright);
    await readPagePasses(upright, 300, 1, u.reader, policy);
    assert.equal(u.reads[0], upright);
  });

  test('a straightened page stays within the pixel limit, its dpi scaled with it', async () => {
    const skewed = skewedPage(20).image;
    const maxPixels = skewed.width * skewed.height;
    const dpis: (number | undefined)[] = [];
    const reader: PageReader = {
      read: async (image, dpi) => {
        dpis.push(dpi);
        assert.ok(image.width * image.height <= maxPixels);
        assert.ok(image.width < skewed.width, 'the larger turned canvas was shrunk');
        return reading(95);
      },
    };
    await readPagePasses(skewed, 300, 1, reader, { ...policy, maxPixels });
    assert.ok(dpis[0] !== undefined && dpis[0] < 300);
  });

  test('a sideways skewed page is straightened first, then turned upright by OSD', async () => {
    const sideways = rotateGray(skewedPage(12).image, 270);
    const r = scripted([20, 95], { ...latinUpright, degrees: 90, orientationConfidence: 9 });
    const result = await readPagePasses(sideways, 300, 1, r.reader, policy);
    assert.equal(r.reads.length, 2);
    // The first pass reads it exactly sideways: its skew off the columns is undone.
    assert.notEqual(r.reads[0], sideways);
    const first = estimateSkew(r.reads[0]);
    assert.ok(Math.abs(first.degrees) <= 0.3, `sideways, still skewed ${first.degrees}°`);
    const upright = estimateSkew(r.reads[1]);
    assert.ok(Math.abs(upright.degrees) <= 0.3 && upright.axis === 'rows');
    assert.equal(result.rotation, 90);
  });

  test('an unsure upright page that stays weak is tried enlarged, then upside down', async () => {
    const r = scripted([30, 35, 80], { ...latinUpright, orientationConfidence: 3 });
    const result = await readPagePasses(page(), 100, 1, r.reader, policy);
    assert.equal(r.reads.length, 3);
    assert.deepEqual([r.reads[1].width, r.reads[1].height], [8, 4]);
    assert.equal(result.confidence, 80);
    assert.equal(result.rotation, 180);
  });

  test('OSD sure the page is upright: no upside-down retry', async () => {
    const r = scripted([30, 35, 80], latinUpright);
    await readPagePasses(page(), 100, 1, r.reader, policy);
    assert.equal(r.reads.length, 2);
  });

  test('a page never takes more than its extra passes, and a file shares one budget', async () => {
    const budget = { extraPasses: 3 };
    const first = scripted([10, 10, 10, 10, 10]);
    await readPagePasses(page(), 100, 1, first.reader, policy, budget);
    assert.equal(first.reads.length, 3, 'one pass plus two retries');
    assert.equal(budget.extraPasses, 1);
    const second = scripted([10, 10, 10, 10, 10]);
    await readPagePasses(page(), 100, 2, second.reader, policy, budget);
    assert.equal(second.reads.length, 2, 'the file had one retry left');
    const third = scripted([10, 10, 10, 10, 10]);
    await readPagePasses(page(), 100, 3, third.reader, policy, budget);
    assert.equal(third.reads.length, 1, 'budget spent: the first pass only');
  });

  test('small text is enlarged before the first pass, and not enlarged again', async () => {
    const r = scripted([30, 35, 35]);
    const small = linedPage(300, 6, 10, 12);
    await readPagePasses(small, 100, 1, r.reader, policy);
    assert.deepEqual([r.reads[0].width, r.reads[0].height], [600, 2 * small.height]);
    assert.equal(r.reads.length, 2, 'the first pass, then only the upside-down retry');
    assert.deepEqual([r.reads[1].width, r.reads[1].height], [600, 2 * small.height]);
  });

  test('a turned page still weak upright asks OSD again for its script; a good one does not', async () => {
    const turnedUnsure: OsdReading = {
      degrees: 90,
      orientationConfidence: 8,
      script: 'Devanagari',
      scriptConfidence: 2,
    };
    const uprightHebrew: OsdReading = {
      ...turnedUnsure,
      degrees: 0,
      script: 'Hebrew',
      scriptConfidence: 30,
    };
    for (const [upright, detects, warned] of [
      [95, 1, false],
      [35, 2, true],
    ] as const) {
      const answers = [turnedUnsure, uprightHebrew];
      let asked = 0;
      const reads: number[] = [];
      const reader: PageReader = {
        read: async () => reading(reads.push(0) === 1 ? 20 : upright),
        detect: async () => answers[asked++],
      };
      const result = await readPagePasses(page(), 300, 1, reader, policy);
      assert.equal(asked, detects);
      assert.equal(reads.length, 2);
      assert.equal(result.warnings?.[0]?.code === 'OCR_LANGUAGE_MISSING', warned);
    }
  });
  test('fast model: a page still weak after its passes is read once with the careful model', async () => {
    const r = scripted([40, 45, 50], latinUpright);
    const careful: GrayImage[] = [];
    r.reader.readCareful = async (image) => {
      careful.push(image);
      return reading(70);
    };
    const budget = { extraPasses: 2 };
    const result = await readPagePasses(page(), 100, 1, r.reader, policy, budget);
    assert.equal(r.reads.length, 2, 'the fast pass and the enlarged retry');
    assert.equal(careful.length, 1);
    assert.equal(careful[0], r.reads[1], 'the careful model reads the best fast image');
    assert.equal(result.confidence, 70);
    assert.equal(budget.extraPasses, 1, 'outside the pass budget');
  });

  test('the careful reading is kept only when better, and keeps the turn', async () => {
    const osd: OsdReading = { ...latinUpright, degrees: 90, orientationConfidence: 20 };
    const r = scripted([20, 50], osd);
    r.reader.readCareful = async () => reading(45);
    const result = await readPagePasses(page(), 300, 1, r.reader, policy, { extraPasses: 1 });
    assert.equal(result.confidence, 50, 'the fast reading was better');
    assert.equal(result.rotation, 90);
    const s = scripted([20, 50], osd);
    s.reader.readCareful = async () => reading(65);
    const kept = await readPagePasses(page(), 300, 1, s.reader, policy, { extraPasses: 1 });
    assert.equal(kept.confidence, 65);
    assert.equal(kept.rotation, 90);
  });

  test('no careful pass for good, blank or unreadable-script pages', async () => {
    let careful = 0;
    const count = async () => {
      careful++;
      return reading(99);
    };
    for (const [confidences, osd, words] of [
      [[92], latinUpright, 10],
      [[70], latinUpright, 10],
      [[0], latinUpright, 0],
      [[31], { degrees: 0, orientationConfidence: 12, script: 'Hebrew', scriptConfidence: 30 }, 10],
    ] as const) {
      const reader: PageReader = {
        read: async () => reading(confidences[0], words),
        detect: async () => osd,
        readCareful: count,
      };
      await readPagePasses(page(), 300, 1, reader, policy);
    }
    assert.equal(careful, 0);
  });
});
