// Issue 12: a scanned PDF page whose OCR reading stays below `ocr.minConfidence` is lost content,
// so the file is `partial` with OCR_LOW_CONFIDENCE naming that page; confident pages stay `ok`.
// Small PDFs written here (one 8×8 gray image stretched over each page: a scan to pdfjs), read
// with a stand-in OCR that answers a fixed confidence per page.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { writePdfObjects } from '../../../../support/pdf-objects';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { outcomeFromDocument } from '../../../../../src/shared/report-builder';
import type { OcrService } from '../../../../../src/workers/engine/types';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import { normalizeDocument } from '../../../../../src/workers/normalize/normalize-document';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-pdf-lowconf-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const SCAN = 'q 612 0 0 792 0 0 cm BI /W 8 /H 8 /BPC 8 /CS /G ID\n' + 'x'.repeat(64) + '\nEI Q\n';

/** A PDF of `pages` scan-only pages, with a correct xref. */
function scanPdf(name: string, pages: number): string {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + 2 * i} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + 2 * i} 0 R >>`,
    );
    objects.push(`<< /Length ${SCAN.length} >>\nstream\n${SCAN}\nendstream`);
  }
  return writePdfObjects(path.join(tmp, name), objects);
}

/** Answers every page with a full sentence at the confidence `confidenceOf(page)`. */
function ocrAt(confidenceOf: (page: number) => number): OcrService {
  return {
    recognizeImage: async () => assert.fail('not an image file'),
    recognizePdfPage: async (_page, n) => ({
      blocks: [
        {
          type: 'paragraph',
          text: `Page ${n} of the scanned quarterly report, read by OCR.`,
          prov: { page: n, ocr: true },
        },
      ],
      confidence: confidenceOf(n),
      words: 9,
      rotation: 0,
    }),
    terminate: async () => undefined,
  };
}

async function outcomeOf(file: string, ocr: OcrService) {
  const doc = await extractFile(file, { options: defaultExtractOptions, ocr });
  return outcomeFromDocument(normalizeDocument(doc));
}

test('a scanned page read below the confidence floor makes the PDF partial, naming the page', async () => {
  const outcome = await outcomeOf(
    scanPdf('weak-page-2.pdf', 3),
    ocrAt((n) => (n === 2 ? 41 : 93)),
  );
  assert.equal(outcome.status, 'partial');
  assert.equal(outcome.code, 'OCR_LOW_CONFIDENCE');
  assert.equal(
    outcome.message,
    'Page 2 read at 41% confidence: its text may be wrong or missing; check it against the original.',
  );
  assert.deepEqual(
    outcome.warnings?.map((w) => [w.code, w.page]),
    [['OCR_LOW_CONFIDENCE', 2]],
  );
  assert.equal(outcome.ocrPages, 3);
});

test('confident scanned pages stay ok, without warnings', async () => {
  const outcome = await outcomeOf(
    scanPdf('good.pdf', 2),
    ocrAt(() => 93),
  );
  assert.equal(outcome.status, 'ok');
  assert.equal(outcome.warnings, undefined);
  assert.equal(outcome.ocrPages, 2);
});

test('the floor is the option: the same reading passes when minConfidence is lower', async () => {
  const doc = await extractFile(scanPdf('floor.pdf', 1), {
    options: { ...defaultExtractOptions, ocr: { ...defaultExtractOptions.ocr, minConfidence: 40 } },
    ocr: ocrAt(() => 41),
  });
  assert.equal(outcomeFromDocument(normalizeDocument(doc)).status, 'ok');
});
