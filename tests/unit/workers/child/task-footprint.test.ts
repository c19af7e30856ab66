// A file's footprint from what it declares, before anything is decoded: the 600-dpi A3 scan's
// image dictionary and page box, an image's header, an Office package's part sizes.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { defaultExtractOptions } from '../../../../src/shared/options';
import { estimateFootprint } from '../../../../src/workers/child/task-footprint';
import { writeBigScanPdf } from '../../../support/big-scan';
import { writeZip } from '../../../support/zip-builder';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-footprint-'));
const noOcr = { ...defaultExtractOptions, ocr: { ...defaultExtractOptions.ocr, enabled: false } };

test('footprint: a 600-dpi A3 scan of 200 KB declares hundreds of MB, OCR at 300 dpi', async () => {
  const file = writeBigScanPdf(path.join(dir, 'a3.pdf'));
  const size = (await import('node:fs')).statSync(file).size;
  assert.ok(size < 512 * 1024, `the file is small (${size} bytes)`);
  const withOcr = await estimateFootprint(file, 'pdf', size, defaultExtractOptions);
  // 7016 × 9921 RGB: stream + image data + gray ≈ 7 bytes a pixel (measured about 500 MB).
  assert.ok(withOcr.mb > 550 && withOcr.mb < 800, `${withOcr.mb} MB`);
  // Shrunk to 300 dpi for OCR: a quarter of its 69.6 Mpx.
  assert.ok(Math.abs(withOcr.ocrPixels - 17_400_000) < 100_000, `${withOcr.ocrPixels} px`);
  assert.match(withOcr.basis, /7,016 × 9,921 px/);
  const without = await estimateFootprint(file, 'pdf', size, noOcr);
  assert.equal(without.ocrPixels, 0);
  assert.ok(without.mb < withOcr.mb, 'no OCR engine to pay for');
});

test('footprint: an image file from its header', async () => {
  const png = new PNG({ width: 2550, height: 3300 });
  const file = path.join(dir, 'page.png');
  writeFileSync(file, PNG.sync.write(png));
  const fp = await estimateFootprint(file, 'image', 1000, defaultExtractOptions);
  assert.equal(fp.ocrPixels, 2550 * 3300);
  // RGBA decode and gray copy (9 B/px, 72 MB) plus recognition (60 + 8 B/px, 124 MB).
  assert.ok(fp.mb > 180 && fp.mb < 240, `${fp.mb} MB`);
});

test('footprint: an XLSX from its parts’ uncompressed sizes, a streamed sheet capped', async () => {
  const sheet = 'x'.repeat(40 * 1024 * 1024);
  const strings = 'y'.repeat(2 * 1024 * 1024);
  const file = writeZip(path.join(dir, 'book.xlsx'), [
    { name: 'xl/workbook.xml', content: '<workbook/>' },
    { name: 'xl/sharedStrings.xml', content: strings },
    { name: 'xl/worksheets/sheet1.xml', content: sheet },
  ]);
  const fp = await estimateFootprint(file, 'xlsx', 100_000, defaultExtractOptions);
  // 20 base + 8 × (2 MB strings + 16 MB of the 40 MB sheet).
  assert.equal(fp.mb, 20 + 8 * 18);
  assert.equal(fp.ocrPixels, 0);
});

test('footprint: an unreadable file falls back to a figure from its size', async () => {
  const file = path.join(dir, 'broken.pdf');
  writeFileSync(file, 'not a pdf at all');
  const fp = await estimateFootprint(file, 'pdf', 16, defaultExtractOptions);
  assert.equal(fp.ocrPixels, 0);
  assert.ok(fp.mb >= 20 && fp.mb < 30, `${fp.mb} MB`);
});
