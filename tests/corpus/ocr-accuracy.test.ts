// Accuracy of the real OCR path (tesseract.js, packaged English model) on pages whose text is
// known: the generated sample scans (exact text) and the tesseract test images with human
// ground truth. One OCR service serves every page, as in a pool thread. The pages are few on
// purpose: each costs seconds of CPU.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedDocument } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { extractFile } from '../../src/workers/extractors/extract-file';
import type { OcrPageResult } from '../../src/workers/engine/types';
import { normalizeDocument } from '../../src/workers/normalize/normalize-document';
import { createOcrService } from '../../src/workers/ocr/ocr-service';
import { sampleFixtures } from '../support/generated-fixtures';
import { lineOrderTolerantCer } from '../support/ocr-text-compare';
import { realCorpusDir, realCorpusSkip } from '../support/paths';
import { skewedPage, turnedPage } from '../support/skewed-page';
import { characterErrorRate, wordRecall } from '../support/text-compare';

const ocr = createOcrService({ languages: ['eng'] });
after(() => ocr.terminate());

/** The text a reviewer gets: extracted, then normalized (which joins hyphenated line breaks). */
async function extractedText(file: string): Promise<ExtractedDocument> {
  return normalizeDocument(await extractFile(file, { options: defaultExtractOptions, ocr }));
}

const textOf = (doc: Pick<ExtractedDocument, 'blocks'>): string =>
  doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;

/** OCRs page 1 of a scanned PDF through the same call the PDF extractor makes. */
async function ocrPdfPage(file: string): Promise<OcrPageResult> {
  const pdf = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
  }).promise;
  try {
    return await ocr.recognizePdfPage(await pdf.getPage(1), 1);
  } finally {
    await pdf.destroy();
  }
}

test('generated scanned image: CER under 1%', async (t) => {
  const sample = await sampleFixtures();
  const expected = readFileSync(path.join(sample.expectedDir, 'receipt-scan.png.txt'), 'utf8');
  const doc = await extractedText(path.join(sample.dir, 'receipt-scan.png'));
  const cer = characterErrorRate(expected, textOf(doc));
  t.diagnostic(`receipt-scan.png CER ${percent(cer)}, confidence ${doc.quality.ocrConfidence}`);
  assert.ok(cer < 0.01, `CER ${percent(cer)}`);
  assert.equal(doc.quality.ocrPages, 1);
  assert.ok((doc.quality.ocrConfidence ?? 0) >= 80);
  assert.ok(doc.blocks.every((b) => b.prov.ocr === true && b.prov.page === 1));
});

test('generated scanned PDF page rendered at 300 dpi: CER under 1%', async (t) => {
  const sample = await sampleFixtures();
  const expected = readFileSync(
    path.join(sample.expectedDir, 'bank-confirmation-scan.pdf.txt'),
    'utf8',
  );
  const result = await ocrPdfPage(path.join(sample.dir, 'bank-confirmation-scan.pdf'));
  const doc = normalizeDocument({
    source: { path: 'x.pdf', kind: 'pdf', mime: 'application/pdf', size: 0, sha256: '' },
    blocks: result.blocks,
    metadata: {},
    quality: { pages: 1, textChars: 0, ocrPages: 1 },
    warnings: [],
  });
  const cer = characterErrorRate(expected, textOf(doc));
  t.diagnostic(`bank-confirmation-scan.pdf CER ${percent(cer)}, confidence ${result.confidence}`);
  assert.ok(cer < 0.01, `CER ${percent(cer)}`);
  assert.equal(result.rotation, 0);
});

const groundTruth = (name: string) =>
  readFileSync(path.join(realCorpusDir, 'groundtruth', `${name}.gt.txt`), 'utf8');

test(
  'tesseract test images, upright and rotated: CER under 5%',
  { skip: realCorpusSkip },
  async (t) => {
    const cases = [
      ['tesstest__phototest.tif', 0],
      ['tesstest__phototest-rotated-L.png', 90],
      ['tesstest__phototest-rotated-R.png', 270],
      ['tesstest__phototest-rotated-180.png', 180],
    ] as const;
    for (const [name, rotation] of cases) {
      const doc = await extractedText(path.join(realCorpusDir, name));
      const cer = characterErrorRate(groundTruth(name), textOf(doc));
      t.diagnostic(`${name} CER ${percent(cer)}, rotation ${doc.quality.perPage?.[0].rotation}`);
      assert.ok(cer < 0.05, `${name}: CER ${percent(cer)}`);
      assert.equal(doc.quality.perPage?.[0].rotation, rotation, name);
    }
  },
);

test('UNLV 300-dpi page scans: CER under 5%', { skip: realCorpusSkip }, async (t) => {
  for (const name of ['tesstest__8071_093.3B.tif', 'tesstest__8087_054.3B.tif']) {
    // Compared before normalization: the ground truth keeps the printed lines (and their
    // hyphens), and so does the raw OCR output, so lines can be matched one to one.
    const doc = await extractFile(path.join(realCorpusDir, name), {
      options: defaultExtractOptions,
      ocr,
    });
    const text = textOf(doc);
    // These pages have columns, a caption and a page footer; tesseract reads the zones in a
    // different order than the transcriber typed them, which a whole-page edit distance counts
    // as errors. The line-order-tolerant CER counts misread characters only (missing or
    // invented lines still count in full); the plain figure is reported beside it.
    const cer = lineOrderTolerantCer(groundTruth(name), text);
    const plain = characterErrorRate(groundTruth(name), text);
    t.diagnostic(
      `${name} CER ${percent(cer)} (plain, order-sensitive ${percent(plain)}), ` +
        `word recall ${percent(wordRecall(groundTruth(name), text))}, confidence ${doc.quality.ocrConfidence}`,
    );
    assert.ok(cer < 0.05, `${name}: CER ${percent(cer)}`);
    assert.ok((doc.quality.ocrConfidence ?? 0) >= 80, name);
  }
});

test(
  'eurotext (German, French, Italian... read with the English model)',
  { skip: realCorpusSkip },
  async (t) => {
    const name = 'tesstest__eurotext.tif';
    const doc = await extractedText(path.join(realCorpusDir, name));
    const cer = characterErrorRate(groundTruth(name), textOf(doc));
    t.diagnostic(`${name} CER ${percent(cer)}, confidence ${doc.quality.ocrConfidence}`);
    // Measured 2% here: the English model reads Latin-script accents well on a clean scan.
    // 5% leaves room for the accented words it misses without hiding a broken pipeline.
    assert.ok(cer < 0.05, `CER ${percent(cer)}`);
  },
);

// The page is shown upside down by its /Rotate 180 while the scan inside is upright: OCR reads
// the scan itself, so the text must come out right whatever rotation the viewer applies.
test('scanned PDF page shown upside down is read right', { skip: realCorpusSkip }, async (t) => {
  const name = 'docling__ocr_test_rotated_180.pdf';
  const expected = readFileSync(path.join(realCorpusDir, 'groundtruth', `${name}.gt.md`), 'utf8');
  const result = await ocrPdfPage(path.join(realCorpusDir, name));
  const text = textOf(result);
  const cer = characterErrorRate(expected, text);
  t.diagnostic(
    `${name} CER ${percent(cer)}, rotation ${result.rotation}, confidence ${result.confidence}`,
  );
  assert.ok(cer < 0.05, `CER ${percent(cer)}: ${text}`);
});

// Issue 12: before the deskew, 3° read at 0.96% CER and 7°, 12°, 20° gave no words at all
// (100%); straightened, 0–0.8%.
test('generated text pages turned 3°, 7°, 12°, 20°: CER under 2%, upright under 0.5%', async (t) => {
  for (const degrees of [0, 3, 7, 12, 20]) {
    const { image, text } = skewedPage(degrees);
    const result = await ocr.recognizeImage({ ...image, channels: 1 }, 1);
    const cer = characterErrorRate(text, textOf(result));
    t.diagnostic(`${degrees}°: CER ${percent(cer)}, confidence ${result.confidence}`);
    assert.ok(cer < (degrees === 0 ? 0.005 : 0.02), `${degrees}°: CER ${percent(cer)}`);
    assert.equal(result.rotation, 0);
  }
});

// Issue 12, any angle: the skew off the nearest axis (up to 45°) is undone first, then OSD's
// quarter turn. Measured 0.00% CER at every angle here. Before (skew searched to 30°, no column
// axis), 40° and 45° read no words (100%); 60°, 100° and 200° read right too, but only after a
// pass over the skewed page and OSD on it: 2.4 and 2.1 s of CPU for 60° and 100° against 1.0
// and 0.8 s now, where the wasted first pass is over an exactly sideways page.
test('generated text pages turned 30°, 40°, 45°, 60°, 100°, 200°, 315°: CER under 1%', async (t) => {
  const cases = [
    [30, 0],
    [40, 0],
    [45, 0],
    [60, 270],
    [100, 270],
    [200, 180],
    [315, 0],
  ] as const;
  for (const [degrees, rotation] of cases) {
    const { image, text } = turnedPage(degrees);
    const result = await ocr.recognizeImage({ ...image, channels: 1 }, 1);
    const cer = characterErrorRate(text, textOf(result));
    t.diagnostic(`${degrees}°: CER ${percent(cer)}, rotation ${result.rotation}`);
    assert.ok(cer < 0.01, `${degrees}°: CER ${percent(cer)}`);
    assert.equal(result.rotation, rotation, `${degrees}°`);
  }
});
