// The "source beside" view's images: a PDF page rendered once as PNG (the second call finds it),
// a page past the end clamped to the last, a PNG copied as it is.
import assert from 'node:assert/strict';
import { createCanvas } from '@napi-rs/canvas';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { renderSourcePage } from '../../../../src/workers/child/render-page';
import { sha256OfFile } from '../../../../src/workers/engine/hash-file';
import { wordsSidecarPath, writeWordsSidecar } from '../../../../src/workers/output/words-sidecar';
import { encodeGrayTiff } from '../../../../scripts/fixtures/tiff';
import { writePdfObjects } from '../../../support/pdf-objects';
import { tempFolder } from '../../../support/pool-harness';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

function twoPagePdf(file: string): string {
  const content = 'BT /F1 24 Tf 72 700 Td (Page text) Tj ET';
  return writePdfObjects(file, [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

test('a PDF page is rendered to a PNG once, at the view resolution', async () => {
  const dir = tempFolder({});
  const source = twoPagePdf(path.join(dir, 'doc.pdf'));
  const imageDir = path.join(dir, 'pages');
  const first = await renderSourcePage({ source, page: 2, imageDir });
  assert.equal(first.page, 2);
  assert.equal(first.pages, 2);
  assert.equal(first.width, 1224); // 612 pt at 144 dpi
  assert.ok(first.image.startsWith(imageDir));
  assert.deepEqual(readFileSync(first.image).subarray(0, 4), PNG_SIGNATURE);
  const written = statSync(first.image).mtimeMs;
  const again = await renderSourcePage({ source, page: 2, imageDir });
  assert.equal(again.image, first.image);
  assert.equal(statSync(again.image).mtimeMs, written, 'not rendered a second time');
  const past = await renderSourcePage({ source, page: 9, imageDir });
  assert.equal(past.page, 2, 'a page past the end shows the last one');
});

test('a PNG is shown as it is; a non-paged file is refused', async () => {
  const dir = tempFolder({ 'notes.txt': 'plain text' });
  const canvas = createCanvas(40, 30);
  const source = path.join(dir, 'photo.png');
  writeFileSync(source, canvas.toBuffer('image/png'));
  const shown = await renderSourcePage({ source, page: 1, imageDir: path.join(dir, 'pages') });
  assert.deepEqual(
    { page: shown.page, pages: shown.pages, width: shown.width, height: shown.height },
    { page: 1, pages: 1, width: 40, height: 30 },
  );
  assert.deepEqual(readFileSync(shown.image), readFileSync(source));
  await assert.rejects(
    renderSourcePage({ source: path.join(dir, 'notes.txt'), page: 1, imageDir: dir }),
  );
});

test('a frame of a multi-page TIFF is written as PNG; past the end shows the last frame', async () => {
  const dir = tempFolder({});
  const page = (width: number, shade: number) => ({
    width,
    height: 20,
    pixels: new Uint8Array(width * 20).fill(shade),
  });
  const source = path.join(dir, 'fax.tif');
  writeFileSync(source, encodeGrayTiff([page(30, 0), page(40, 128), page(50, 255)], 200));
  const imageDir = path.join(dir, 'pages');
  const second = await renderSourcePage({ source, page: 2, imageDir });
  assert.deepEqual(
    { page: second.page, pages: second.pages, width: second.width, height: second.height },
    { page: 2, pages: 3, width: 40, height: 20 },
  );
  assert.ok(second.image.endsWith('-p2.png'));
  assert.deepEqual(readFileSync(second.image).subarray(0, 4), PNG_SIGNATURE);
  const last = await renderSourcePage({ source, page: 7, imageDir });
  assert.deepEqual([last.page, last.width], [3, 50]);
});

test('a damaged PDF is refused with a sentence, not the library message', async () => {
  const dir = tempFolder({ 'broken.pdf': '%PDF-1.4\n1 0 obj\n<< /Type /Catalog' });
  await assert.rejects(
    renderSourcePage({ source: path.join(dir, 'broken.pdf'), page: 1, imageDir: dir }),
    /^Error: the PDF is damaged or truncated, so its pages cannot be drawn\.$/,
  );
});

test("with the cache folder, an OCR'd page comes with its words from the words sidecar", async () => {
  const dir = tempFolder({});
  const source = path.join(dir, 'scan.png');
  writeFileSync(source, createCanvas(40, 30).toBuffer('image/png'));
  const cacheDir = path.join(dir, 'cache');
  const imageDir = path.join(dir, 'pages');
  // Not extracted yet: the page alone.
  assert.equal(
    (await renderSourcePage({ source, page: 1, imageDir, cacheDirs: [cacheDir] })).words,
    undefined,
  );
  const word = {
    text: 'Total',
    confidence: 41,
    box: [0.1, 0.2, 0.4, 0.3] as [number, number, number, number],
  };
  await writeWordsSidecar(wordsSidecarPath(cacheDir, await sha256OfFile(source)), [
    { page: 1, words: [word] },
  ]);
  // Found in the second folder too (a queued run's, in the shared folder).
  const other = path.join(dir, 'extension-cache');
  const shown = await renderSourcePage({ source, page: 1, imageDir, cacheDirs: [other, cacheDir] });
  assert.deepEqual(shown.words, [word]);
  // Without the cache folder the request is what it was.
  assert.equal((await renderSourcePage({ source, page: 1, imageDir })).words, undefined);
});
