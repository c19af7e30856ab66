// The generator's small parts, each checked on its own: the layout that decides what lands on
// which page, the image encoders (read back by independent decoders), the frozen clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { truncatedPdf, randomBytes } from '../../scripts/fixtures/bad-files';
import { expectedTextOf, type FixtureBlock } from '../../scripts/fixtures/content';
import { crc32 } from '../../scripts/fixtures/crc32';
import { withFrozenGlobals } from '../../scripts/fixtures/frozen-globals';
import {
  BODY_TYPE,
  LETTER,
  layoutBlocks,
  type Measure,
  type PlacedItem,
} from '../../scripts/fixtures/layout';
import { encodeGrayPng } from '../../scripts/fixtures/png-gray';
import { createRng } from '../../scripts/fixtures/prng';
import { encodeGrayTiff } from '../../scripts/fixtures/tiff';
import { detectTypeFromHead } from '../../src/workers/engine/detect-type';

/** A monospace font: 6 pt per character at any size, so line breaks are easy to predict. */
const mono: Measure = (text) => text.length * 6;
const geometry = { ...LETTER, columns: 1 as const };
const texts = (items: PlacedItem[]): string[] =>
  items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));

describe('layout', () => {
  test('fill mode stops before the block that would overflow, so page count is exact', () => {
    const para: FixtureBlock = { type: 'paragraph', text: 'word '.repeat(300).trim() };
    const layout = layoutBlocks(Array(50).fill(para), geometry, BODY_TYPE, mono, {
      maxPages: 3,
      fill: true,
    });
    assert.equal(layout.pages.length, 3);
    // Every placed block is whole: the line count is a multiple of one paragraph's lines.
    const lines = layout.pages.flatMap(texts).length;
    const perParagraph = layoutBlocks([para], geometry, BODY_TYPE, mono, {
      maxPages: 1,
      fill: false,
    }).pages[0]?.length as number;
    assert.equal(lines, layout.blocks.length * perParagraph);
  });

  test('without fill, content that does not fit is an error, not a silent cut', () => {
    const para: FixtureBlock = { type: 'paragraph', text: 'word '.repeat(3000).trim() };
    assert.throws(
      () => layoutBlocks([para], geometry, BODY_TYPE, mono, { maxPages: 1, fill: false }),
      /does not fit/,
    );
  });

  test('hyphenation splits a long lower-case word at the line end and records it', () => {
    // 468 pt / 6 = 78 characters per line.
    const text = `${'ab '.repeat(24)}reconciliation of accounts`;
    const layout = layoutBlocks(
      [{ type: 'paragraph', text, hyphenate: true }],
      geometry,
      BODY_TYPE,
      mono,
      {
        maxPages: 1,
        fill: false,
      },
    );
    const lines = texts(layout.pages[0] ?? []);
    assert.match(lines[0] as string, /ab recon-$/);
    assert.match(lines[1] as string, /^ciliation of accounts$/);
    assert.deepEqual(layout.hyphenated, ['reconciliation']);
    const plain = layoutBlocks([{ type: 'paragraph', text }], geometry, BODY_TYPE, mono, {
      maxPages: 1,
      fill: false,
    });
    assert.deepEqual(plain.hyphenated, []);
    assert.ok(texts(plain.pages[0] ?? []).every((l) => !l.endsWith('-')));
  });

  test('two columns: the second column starts at the top, to the right of the first', () => {
    const para: FixtureBlock = { type: 'paragraph', text: 'word '.repeat(400).trim() };
    const layout = layoutBlocks([para], { ...LETTER, columns: 2 }, BODY_TYPE, mono, {
      maxPages: 1,
      fill: false,
    });
    const xs = [...new Set((layout.pages[0] ?? []).map((i) => (i.kind === 'text' ? i.x : 0)))];
    assert.deepEqual(xs, [72, 72 + (468 - 24) / 2 + 24]);
  });

  test('a table that cannot fit its column is refused', () => {
    const wide: FixtureBlock = { type: 'table', rows: [['x'.repeat(60), 'y'.repeat(60)]] };
    assert.throws(
      () => layoutBlocks([wide], geometry, BODY_TYPE, mono, { maxPages: 1, fill: false }),
      /too wide/,
    );
  });
});

test('expected text: one line per paragraph, item and row; tab-separated cells; no markers', () => {
  const text = expectedTextOf([
    { type: 'heading', level: 1, text: 'Scope' },
    { type: 'bullets', items: ['First item.', 'Second item.'] },
    {
      type: 'table',
      rows: [
        ['Invoice', 'Amount'],
        ['INV-1', '$10.00'],
      ],
    },
  ]);
  assert.equal(text, 'Scope\n\nFirst item.\nSecond item.\n\nInvoice\tAmount\nINV-1\t$10.00\n');
});

test('seeded PRNG: same seed, same stream; forks depend on the label, not on call order', () => {
  const a = createRng(42);
  const b = createRng(42);
  assert.deepEqual([a.next(), a.next(), a.int(1, 6)], [b.next(), b.next(), b.int(1, 6)]);
  const forkFirst = createRng(42).fork('x').next();
  const c = createRng(42);
  c.next();
  assert.equal(c.fork('x').next(), forkFirst);
  assert.notEqual(createRng(42).fork('y').next(), forkFirst);
});

test('CRC-32 matches the standard check value', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
});

/** A small gradient with distinct values, so a decoder that misplaces rows or pixels is caught. */
function gradient(width: number, height: number, offset: number): Uint8Array {
  return Uint8Array.from({ length: width * height }, (_, i) => (i * 7 + offset) % 256);
}

test('gray TIFF: multi-page, Deflate, 300 dpi, decoded exactly by utif2', () => {
  const pages = [
    { width: 13, height: 7, pixels: gradient(13, 7, 0) },
    { width: 5, height: 9, pixels: gradient(5, 9, 100) },
  ];
  const tiff = encodeGrayTiff(pages, 300);
  const ifds = UTIF.decode(tiff);
  assert.equal(ifds.length, 2);
  ifds.forEach((ifd, p) => {
    UTIF.decodeImage(tiff, ifd);
    const page = pages[p] as (typeof pages)[number];
    assert.deepEqual([ifd.width, ifd.height], [page.width, page.height]);
    assert.deepEqual((ifd as unknown as Record<string, unknown>).t282, [[300, 1]]);
    const rgba = UTIF.toRGBA8(ifd);
    const gray = Uint8Array.from({ length: page.pixels.length }, (_, i) => rgba[i * 4] as number);
    assert.deepEqual(gray, page.pixels);
  });
});

test('gray PNG: decoded exactly by another decoder (Skia)', async () => {
  const pixels = gradient(11, 6, 3);
  const png = encodeGrayPng(11, 6, pixels, 300);
  assert.equal(detectTypeFromHead(png, 'x.png').mime, 'image/png');
  const image = await loadImage(png);
  const canvas = createCanvas(11, 6);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, 11, 6).data;
  const gray = Uint8Array.from({ length: pixels.length }, (_, i) => rgba[i * 4] as number);
  assert.deepEqual(gray, pixels);
});

test('frozen globals: fixed clock and seeded random inside, real ones after, even on error', async () => {
  const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  const before = new Date();
  const inside = await withFrozenGlobals(at, createRng(1), async () => ({
    now: Date.now(),
    date: new Date().toISOString(),
    random: Math.random(),
    oldDateStillADate: before instanceof Date,
  }));
  assert.deepEqual(inside, {
    now: at.getTime(),
    date: '2024-01-02T03:04:05.000Z',
    random: createRng(1).next(),
    oldDateStillADate: true,
  });
  await assert.rejects(
    withFrozenGlobals(at, createRng(1), async () => Promise.reject(new Error('boom'))),
  );
  assert.ok(Date.now() > at.getTime());
  assert.notEqual(Math.random(), createRng(1).next());
});

test('bad-file builders: noise matches no signature; truncation refuses to keep the catalog', () => {
  const noise = randomBytes(createRng(9), 4096);
  assert.throws(() => detectTypeFromHead(noise, 'x.docx'), { code: 'UNSUPPORTED_TYPE' });
  const fakePdf = Buffer.from('%PDF-1.4\n' + 'x'.repeat(100) + '/Type /Catalog' + 'y'.repeat(20));
  assert.throws(() => truncatedPdf(fakePdf, 0.95), /catalog/);
  assert.equal(truncatedPdf(fakePdf, 0.5).length, Math.floor(fakePdf.length * 0.5));
});
