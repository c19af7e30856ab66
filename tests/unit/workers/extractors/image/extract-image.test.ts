// The image extractor without tesseract: header checks before decoding, damaged bytes, frames,
// OCR turned off. A recording OCR stand-in shows what reaches OCR; the accuracy of real OCR on
// these paths is measured in ocr-accuracy.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { outcomeFromDocument } from '../../../../../src/shared/report-builder';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import type {
  ExtractContext,
  OcrService,
  RasterImage,
} from '../../../../../src/workers/engine/types';
import { readFrameSizes } from '../../../../../src/workers/extractors/image/image-header';
import { normalizeDocument } from '../../../../../src/workers/normalize/normalize-document';
import { realCorpusDir, realCorpusSkip } from '../../../../support/paths';
import { codeOf } from '../../../../support/errors';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-image-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** Stands in for tesseract: records the rasters it is handed and answers a fixed reading. */
function recordingOcr(confidence = 91): OcrService & { seen: RasterImage[] } {
  const seen: RasterImage[] = [];
  return {
    seen,
    async recognizeImage(image, page) {
      seen.push(image);
      return {
        blocks: [{ type: 'paragraph', text: `text of frame ${page}`, prov: { page, ocr: true } }],
        confidence,
        words: 3,
        rotation: 0,
      };
    },
    async recognizePdfPage() {
      throw new Error('not used');
    },
    async terminate() {},
  };
}

const ctx = (ocr?: OcrService): ExtractContext => ({ options: defaultExtractOptions, ocr });

function drawn(width: number, height: number): Canvas {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000';
  g.fillRect(10, 10, 20, 5);
  return canvas;
}

/** A PNG that is only a signature and an IHDR chunk declaring the given size: no pixel data. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 0, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

/** A little-endian TIFF with one IFD declaring the size, and no strips. */
function tiffHeaderOnly(width: number, height: number): Buffer {
  const b = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(2, 8);
  const tag = (at: number, id: number, value: number) => {
    b.writeUInt16LE(id, at);
    b.writeUInt16LE(4, at + 2); // LONG
    b.writeUInt32LE(1, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  tag(10, 256, width);
  tag(22, 257, height);
  return b;
}

/** A JPEG that is SOI, a SOF0 declaring the size, and EOI. */
function jpegHeaderOnly(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

/** A 24-bit bottom-up BMP of white paper with a black bar at x 10..30, y 10..15. */
function bmp(width: number, height: number, declare?: { width: number; height: number }): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const b = Buffer.alloc(54 + stride * height, 255);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(0, 6);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(declare?.width ?? width, 18);
  b.writeInt32LE(declare?.height ?? height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(0, 30);
  b.writeUInt32LE(stride * height, 34);
  for (let y = 10; y < Math.min(15, height); y++) {
    const row = 54 + (height - 1 - y) * stride;
    for (let x = 10; x < Math.min(30, width); x++) b.fill(0, row + x * 3, row + x * 3 + 3);
  }
  return b;
}

test('header sizes are read without decoding, for every supported format', () => {
  assert.deepEqual(readFrameSizes(drawn(37, 21).toBuffer('image/png'), 'image/png'), [
    { width: 37, height: 21 },
  ]);
  assert.deepEqual(readFrameSizes(drawn(37, 21).toBuffer('image/jpeg'), 'image/jpeg'), [
    { width: 37, height: 21 },
  ]);
  assert.deepEqual(readFrameSizes(bmp(37, 21), 'image/bmp'), [{ width: 37, height: 21 }]);
  assert.deepEqual(readFrameSizes(tiffHeaderOnly(37, 21), 'image/tiff'), [
    { width: 37, height: 21 },
  ]);
});

// Each file below holds only a header: decoding it would fail as CORRUPT, so TOO_LARGE proves
// the size check ran first, before any pixel buffer was allocated.
for (const [name, bytes] of [
  ['huge.png', pngHeaderOnly(50_000, 50_000)],
  ['huge.tif', tiffHeaderOnly(50_000, 50_000)],
  ['huge.jpg', jpegHeaderOnly(50_000, 50_000)],
  ['huge.bmp', bmp(1, 1, { width: 50_000, height: -50_000 })],
] as const) {
  test(`${name}: an image declaring 50,000 × 50,000 pixels is TOO_LARGE before decoding`, async () => {
    const ocr = recordingOcr();
    const p = file(name, bytes);
    await assert.rejects(extractFile(p, ctx(ocr)), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'TOO_LARGE');
      assert.match(error.message, /50,000 × 50,000 pixels/);
      return true;
    });
    assert.equal(ocr.seen.length, 0);
  });
}

test('damaged image bytes are CORRUPT, for each format', async () => {
  const garbage = Buffer.from('this is not image data at all, just words '.repeat(20));
  const cases = {
    'bad.png': Buffer.concat([pngHeaderOnly(40, 40), garbage]),
    'bad.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), garbage]),
    'bad.tif': Buffer.concat([Buffer.from('II*\0'), Buffer.from([8, 0, 0, 0]), garbage]),
    'bad.bmp': bmp(10, 10).subarray(0, 30),
    'zero.png': pngHeaderOnly(0, 10),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    assert.equal(
      await codeOf(extractFile(file(name, bytes), ctx(recordingOcr()))),
      'CORRUPT',
      name,
    );
  }
});

test('a TIFF whose directory chain loops is CORRUPT instead of hanging the decoder', async () => {
  const looping = tiffHeaderOnly(10, 10);
  looping.writeUInt32LE(8, looping.length - 4); // "next directory" points back at the first
  assert.equal(
    await codeOf(extractFile(file('loop.tif', looping), ctx(recordingOcr()))),
    'CORRUPT',
  );
});

test('PNG, JPEG and BMP decode to the declared size and reach OCR as one page', async () => {
  for (const [name, bytes] of [
    ['a.png', drawn(64, 48).toBuffer('image/png')],
    ['a.jpg', drawn(64, 48).toBuffer('image/jpeg')],
    ['a.bmp', bmp(64, 48)],
  ] as const) {
    const ocr = recordingOcr();
    const doc = await extractFile(file(name, bytes), ctx(ocr));
    assert.equal(ocr.seen.length, 1, name);
    assert.equal(ocr.seen[0].width, 64, name);
    assert.equal(ocr.seen[0].height, 48, name);
    // The black bar at (10..30, 10..15) survived decoding; the corner is white paper.
    const px = (x: number, y: number) => ocr.seen[0].data[(y * 64 + x) * 4];
    assert.ok(px(15, 12) < 60, `${name}: bar pixel ${px(15, 12)}`);
    assert.ok(px(60, 40) > 200, `${name}: paper pixel ${px(60, 40)}`);
    assert.equal(doc.blocks.length, 1);
    assert.deepEqual(doc.quality.perPage, [
      { page: 1, chars: 15, ocr: true, confidence: 91, rotation: 0 },
    ]);
    assert.equal(doc.quality.ocrPages, 1);
    assert.equal(doc.quality.ocrConfidence, 91);
    assert.deepEqual(doc.warnings, []);
  }
});

test('a single-frame TIFF written by utif2 decodes', async () => {
  const rgba = new Uint8Array(drawn(30, 20).getContext('2d').getImageData(0, 0, 30, 20).data);
  const tif = Buffer.from(UTIF.encodeImage(rgba, 30, 20));
  const ocr = recordingOcr();
  await extractFile(file('one.tif', tif), ctx(ocr));
  assert.equal(ocr.seen.length, 1);
  assert.equal(ocr.seen[0].width, 30);
});

test('low confidence is a lossy OCR_LOW_CONFIDENCE naming the page: the image is partial', async () => {
  const doc = await extractFile(
    file('weak.png', drawn(20, 20).toBuffer('image/png')),
    ctx(recordingOcr(55)),
  );
  assert.deepEqual(
    doc.warnings.map((w) => [w.code, w.message, w.lossy, w.page]),
    [
      [
        'OCR_LOW_CONFIDENCE',
        'Page 1 read at 55% confidence: its text may be wrong or missing; check it against the original.',
        true,
        1,
      ],
    ],
  );
  const outcome = outcomeFromDocument(normalizeDocument(doc));
  assert.equal(outcome.status, 'partial');
  assert.equal(outcome.code, 'OCR_LOW_CONFIDENCE');
  assert.deepEqual(
    outcome.warnings?.map((w) => [w.code, w.page]),
    [['OCR_LOW_CONFIDENCE', 1]],
  );
});

test('a confident reading of an image stays ok, without warnings', async () => {
  const doc = await extractFile(
    file('good.png', drawn(20, 20).toBuffer('image/png')),
    ctx(recordingOcr(91)),
  );
  const outcome = outcomeFromDocument(normalizeDocument(doc));
  assert.equal(outcome.status, 'ok');
  assert.equal(outcome.warnings, undefined);
});

test('with OCR off an image yields no text and a lossy OCR_SKIPPED warning', async () => {
  const doc = await extractFile(file('off.png', drawn(20, 20).toBuffer('image/png')), ctx());
  assert.deepEqual(doc.blocks, []);
  assert.equal(doc.quality.ocrPages, 0);
  assert.deepEqual(
    doc.warnings.map((w) => [w.code, w.lossy]),
    [['OCR_SKIPPED', true]],
  );
});

test(
  'a multi-page TIFF yields one page per frame, in order',
  { skip: realCorpusSkip },
  async () => {
    const ocr = recordingOcr();
    const doc = await extractFile(path.join(realCorpusDir, 'docling__2206.01062.tif'), ctx(ocr));
    assert.equal(ocr.seen.length, 2);
    assert.deepEqual(
      ocr.seen.map((f) => [f.width, f.height]),
      [
        [612, 792],
        [612, 792],
      ],
    );
    assert.equal(doc.metadata.pageCount, 2);
    assert.equal(doc.quality.ocrPages, 2);
    assert.deepEqual(
      doc.blocks.map((b) => (b.type === 'pageBreak' ? `break ${b.page}` : b.prov.page)),
      ['break 1', 1, 'break 2', 2],
    );
  },
);
