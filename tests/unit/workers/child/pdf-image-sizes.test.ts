// Image dimensions and page boxes read from a PDF's raw bytes, without a parser.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  readPdfSizes,
  scanPdfText,
  type PdfSizes,
} from '../../../../src/workers/child/pdf-image-sizes';

const scan = (text: string): PdfSizes => {
  const sizes: PdfSizes = { images: [] };
  scanPdfText(text, sizes, new Set(), 0);
  return sizes;
};

test('image dictionaries: direct sizes and colour spaces; indirect sizes and non-images skipped', () => {
  const sizes = scan(
    '5 0 obj << /Type /XObject /Subtype /Image /Width 2550 /Height 3300 /ColorSpace /DeviceGray ' +
      '/BitsPerComponent 8 /Length 10 >>\nstream\n0123456789\nendstream endobj ' +
      '6 0 obj << /Subtype /Image /Width 100 0 R /Height 50 /Length 1 >>stream\nx\nendstream endobj ' +
      '7 0 obj << /Subtype /ImageB /Width 9 /Height 9 >> endobj ' +
      '8 0 obj << /Subtype/Image/Width 1700/Height 2200/ColorSpace/DeviceRGB/Length 1>>stream\nx endobj ' +
      '9 0 obj << /Type /Page /MediaBox [0 0 612 792] >> endobj 10 0 obj << /MediaBox [ 0 0 842 1191 ] >>',
  );
  assert.deepEqual(sizes.images, [
    { width: 2550, height: 3300, components: 1 },
    { width: 1700, height: 2200, components: 3 },
  ]);
  assert.deepEqual(sizes.largestPagePt, { width: 842, height: 1191 });
});

test('a dictionary split across read chunks is found once', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-pdf-sizes-'));
  const dict =
    '1 0 obj << /Subtype /Image /Width 4960 /Height 7016 /Length 1 >>stream\nx\nendstream endobj\n';
  // Padding puts the dictionary across the 4 MB chunk boundary.
  const pad = Buffer.alloc(4 * 1024 * 1024 - 30, 0x20);
  const file = path.join(dir, 'split.pdf');
  writeFileSync(
    file,
    Buffer.concat([pad, Buffer.from(dict + dict.replace('4960', '100'), 'latin1')]),
  );
  const sizes = await readPdfSizes(file);
  assert.deepEqual(
    sizes.images.map((i) => i.width),
    [4960, 100],
  );
});
