// The probe reads as few pages as its answer needs: a text PDF is known from its first sampled
// page, a scan (or a PDF with little text) has every sampled page read.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { probePdf, TEXT_CHARS_PER_PAGE } from '../../../../src/workers/thread/probe-pdf';
import { writePdfObjects } from '../../../support/pdf-objects';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-probe-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const stream = (content: string) =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** `pages` pages, each with `chars` letters of text (no spaces) in lines of 50. */
function textPdf(name: string, pages: number, chars: number): string {
  const line = 'x'.repeat(50);
  const lines = Array.from({ length: Math.ceil(chars / 50) }, (_, i) =>
    i < Math.floor(chars / 50) ? line : 'x'.repeat(chars % 50),
  );
  const content = lines.map((l, i) => `BT /F1 10 Tf 72 ${740 - 12 * i} Td (${l}) Tj ET`).join('\n');
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (let i = 0; i < pages; i++) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      stream(content),
    );
  }
  return writePdfObjects(path.join(tmp, name), objects);
}

test('a text PDF is known from its first page: the other sampled pages are not read', async () => {
  const probe = await probePdf(textPdf('text.pdf', 9, 800));
  assert.equal(probe?.pages, 9);
  // Pages 5 and 9 would have made the mean 800.
  assert.equal(probe?.sampledCharsPerPage, 800 / 3);
  assert.ok((probe?.sampledCharsPerPage ?? 0) >= TEXT_CHARS_PER_PAGE);
});

test('pages with little text are all read, so the mean is exact', async () => {
  const probe = await probePdf(textPdf('sparse.pdf', 9, 30));
  assert.deepEqual(probe, { pages: 9, sampledCharsPerPage: 30 });
});
