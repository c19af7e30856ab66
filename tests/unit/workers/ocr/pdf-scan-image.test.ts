// A plain scan's page image is taken straight from the PDF instead of rendering the page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { scanImageOfPage } from '../../../../src/workers/ocr/pdf-scan-image';
import { renderPdfPageGray } from '../../../../src/workers/ocr/render-pdf-page';
import { sampleDir } from '../../../support/paths';

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
