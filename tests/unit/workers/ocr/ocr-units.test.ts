// Fast checks of the OCR building blocks that need no tesseract run: pixels, PGM, orientation
// from baselines, confidence, per-document summary, render sizing and language resolution.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  installedLanguages,
  osdModelPath,
  resolveLanguages,
  singleLanguageDir,
} from '../../../../src/workers/ocr/language-data';
import { createOcrService } from '../../../../src/workers/ocr/ocr-service';
import {
  meanWordConfidence,
  rotationFromBaselines,
  toOcrPageResult,
  type OcrTreeLine,
} from '../../../../src/workers/ocr/ocr-result';
import { summarizeOcrPages } from '../../../../src/workers/ocr/ocr-summary';
import {
  encodePgm,
  enlargeGray,
  limitPixels,
  rotateGray180,
  toGray,
} from '../../../../src/workers/ocr/raster';
import { scanImageOfPage } from '../../../../src/workers/ocr/pdf-scan-image';
import { renderDpi, renderPdfPageGray } from '../../../../src/workers/ocr/render-pdf-page';
import { sampleDir } from '../../../support/paths';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

test('RGBA becomes one luma byte per pixel; transparent pixels become paper white', () => {
  const rgba = new Uint8ClampedArray([
    0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255,
  ]);
  const gray = toGray({ width: 2, height: 2, channels: 4, data: rgba });
  assert.deepEqual([...gray.data], [0, 255, 255, 76]);
});

test('a short raster is refused instead of read past its end', () => {
  assert.throws(() => toGray({ width: 4, height: 4, channels: 4, data: new Uint8Array(10) }));
});

test('PGM is a P5 header followed by the raw pixels', () => {
  const pgm = encodePgm({ width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) });
  const header = 'P5\n3 2\n255\n';
  assert.equal(Buffer.from(pgm.subarray(0, header.length)).toString('latin1'), header);
  assert.deepEqual([...pgm.subarray(header.length)], [1, 2, 3, 4, 5, 6]);
});

test('limitPixels shrinks to the cap by averaging and leaves small images alone', () => {
  const image = { width: 100, height: 100, data: new Uint8Array(10_000).fill(200) };
  assert.equal(limitPixels(image, 20_000), image);
  const small = limitPixels(image, 2_500);
  assert.ok(small.width * small.height <= 2_500);
  assert.ok(small.data.every((v) => v === 200));
});

test('rotateGray180 reverses the pixel order; enlargeGray doubles each side', () => {
  const image = { width: 2, height: 2, data: new Uint8Array([1, 2, 3, 4]) };
  assert.deepEqual([...rotateGray180(image).data], [4, 3, 2, 1]);
  const big = enlargeGray(image, 2);
  assert.equal(big.width, 4);
  assert.equal(big.height, 4);
  assert.equal(big.data[0], 1);
  assert.equal(big.data[15], 4);
});

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

test('summary: mean and worst page, a warning per weak page, blank pages neither', () => {
  const summary = summarizeOcrPages(
    [
      { page: 1, chars: 900, ocr: true, confidence: 94 },
      { page: 2, chars: 0, ocr: true, confidence: 0 },
      { page: 3, chars: 400, ocr: false },
      { page: 4, chars: 300, ocr: true, confidence: 62.4 },
    ],
    80,
  );
  assert.deepEqual(summary.quality, {
    ocrPages: 3,
    ocrConfidence: 78.2,
    ocrWorstPage: { page: 4, confidence: 62.4 },
  });
  assert.deepEqual(summary.warnings, [
    {
      code: 'OCR_LOW_CONFIDENCE',
      message: 'Page 4: OCR confidence 62% — check the text against the original.',
      lossy: false,
      page: 4,
    },
  ]);
  assert.deepEqual(summarizeOcrPages([], 80), { quality: { ocrPages: 0 }, warnings: [] });
});

test('pages render at 300 dpi unless that exceeds the pixel cap', () => {
  const settings = { dpi: 300, maxPixels: 35_000_000 };
  assert.equal(renderDpi(612, 792, settings), 300);
  const poster = renderDpi(2384, 3370, settings); // A0
  assert.ok(poster < 300);
  assert.ok(((2384 * poster) / 72) * ((3370 * poster) / 72) <= 35_000_000);
});

test('English and the orientation model are packaged; osd is not a recognition language', () => {
  const codes = installedLanguages().map((l) => l.code);
  assert.ok(codes.includes('eng'));
  assert.ok(!codes.includes('osd'));
  assert.ok(osdModelPath()?.endsWith('osd.traineddata.gz'));
  assert.equal(resolveLanguages(['eng'])[0].code, 'eng');
});

test('a language that is not installed is OCR_LANGUAGE_MISSING, listing what is', () => {
  assert.equal(
    codeOf(() => createOcrService({ languages: ['eng', 'klingon'] })),
    'OCR_LANGUAGE_MISSING',
  );
  assert.throws(
    () => resolveLanguages(['deu']),
    (error: Error) => /not installed: deu\. Installed: eng/.test(error.message),
  );
});

async function firstPage(file: string) {
  const pdf = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
  }).promise;
  return { pdf, page: await pdf.getPage(1) };
}

test('a plain scan is taken from its decoded image and matches a full 300-dpi render', async () => {
  const { pdf, page } = await firstPage(path.join(sampleDir, 'bank-confirmation-scan.pdf'));
  try {
    const scan = await scanImageOfPage(page, 300, 35_000_000);
    assert.ok(scan, 'the scanned page should take the fast path');
    const rendered = await renderPdfPageGray(page);
    assert.equal(rendered.dpi, 300);
    assert.equal(scan.image.width, rendered.image.width);
    assert.equal(scan.image.height, rendered.image.height);
    assert.ok(Math.abs(scan.dpi - 300) < 1);
    // Same page, two routes: pixels agree up to resampling differences.
    let diff = 0;
    for (let i = 0; i < scan.image.data.length; i++) {
      diff += Math.abs(scan.image.data[i] - rendered.image.data[i]);
    }
    assert.ok(
      diff / scan.image.data.length < 8,
      `mean difference ${diff / scan.image.data.length}`,
    );
  } finally {
    await pdf.destroy();
  }
});

test('a page with a text layer is not treated as a plain scan', async () => {
  const { pdf, page } = await firstPage(path.join(sampleDir, 'audit-findings-header-footer.pdf'));
  try {
    assert.equal(await scanImageOfPage(page, 300, 35_000_000), undefined);
  } finally {
    await pdf.destroy();
  }
});

test('languages from different packages are gathered into one langPath for tesseract.js', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-langs-'));
  try {
    for (const code of ['eng', 'deu']) {
      mkdirSync(path.join(root, code), { recursive: true });
      writeFileSync(path.join(root, code, `${code}.traineddata.gz`), code);
    }
    const found = installedLanguages(path.join(root, 'none'), [
      path.join(root, 'eng'),
      path.join(root, 'deu'),
    ]);
    assert.deepEqual(
      found.map((l) => l.code),
      ['deu', 'eng'],
    );
    const single = singleLanguageDir(resolveLanguages(['eng', 'deu'], found));
    assert.equal(readFileSync(path.join(single, 'eng.traineddata.gz'), 'utf8'), 'eng');
    assert.equal(readFileSync(path.join(single, 'deu.traineddata.gz'), 'utf8'), 'deu');
    rmSync(single, { recursive: true, force: true });
    // One package: its own folder is used as is, nothing is linked.
    assert.equal(singleLanguageDir(resolveLanguages(['eng'], found)), path.join(root, 'eng'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
