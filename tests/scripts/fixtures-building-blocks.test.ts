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
import { addGrain, binarize, type Pixels } from '../../scripts/fixtures/degrade';
import { photograph, photoLook } from '../../scripts/fixtures/photo';
import { encodeBilevelPng, encodeGrayPng } from '../../scripts/fixtures/png-gray';
import { createRng } from '../../scripts/fixtures/prng';
import { renderScan } from '../../scripts/fixtures/scan-render';
import { encodeGrayTiff } from '../../scripts/fixtures/tiff';
import { PNG } from 'pngjs';
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

  test('ruled grid: every row gets a rule at each column edge; without the option only rows', () => {
    const table: FixtureBlock = {
      type: 'table',
      rows: [
        ['Invoice', 'Amount', 'Date'],
        ['INV-1', '$10.00', '2024-01-02'],
        ['INV-2', '$20.00', '2024-01-03'],
      ],
    };
    const rules = (grid: boolean) =>
      (
        layoutBlocks([table], geometry, BODY_TYPE, mono, {
          maxPages: 1,
          fill: false,
          gridTables: grid,
        }).pages[0] ?? []
      ).filter((i) => i.kind === 'rule');
    const vertical = (items: PlacedItem[]) =>
      items.filter((i) => i.kind === 'rule' && i.x1 === i.x2);
    assert.equal(vertical(rules(false)).length, 0);
    assert.equal(rules(false).length, 4); // top, and under each of the 3 rows
    const grid = vertical(rules(true));
    assert.equal(grid.length, 3 * 4);
    const edges = [...new Set(grid.map((r) => (r.kind === 'rule' ? r.x1 : 0)))];
    assert.equal(edges.length, 4);
    assert.equal(Math.min(...edges), 72);
    assert.ok(
      Math.abs(Math.max(...edges) - (612 - 72)) < 1e-9,
      'the grid closes at the right margin',
    );
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

test('bilevel PNG: 1 bit, its own dpi across and down, decoded exactly by pngjs', () => {
  const width = 21;
  const height = 5;
  const black = Uint8Array.from({ length: width * height }, (_, i) =>
    i % 3 === 0 || i % 7 === 0 ? 1 : 0,
  );
  const png = encodeBilevelPng(width, height, black, { x: 200, y: 100 });
  const decoded = PNG.sync.read(png);
  assert.equal(decoded.depth, 1);
  const gray = Uint8Array.from({ length: width * height }, (_, i) =>
    decoded.data[i * 4] === 0 ? 1 : 0,
  );
  assert.deepEqual(gray, black);
  // pHYs: pixels per metre across, then down.
  const phys = png.indexOf('pHYs');
  assert.deepEqual([png.readUInt32BE(phys + 4), png.readUInt32BE(phys + 8)], [7874, 3937]);
});

test('G4 TIFF: a fax page at 200 x 100 dpi decodes bit for bit (utif2), long runs included', () => {
  const rng = createRng(11);
  const width = 2600; // wider than the longest make-up code (2560)
  const height = 24;
  const black = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let colour = 0;
    for (let x = 0; x < width; x++) {
      // Busy lines (many short runs: vertical and pass modes) and quiet ones (long runs).
      if (rng.chance(y % 4 === 0 ? 0.002 : 0.15)) colour = 1 - colour;
      black[y * width + x] = colour;
    }
  }
  black.fill(1, 5 * width, 6 * width); // an all-black line
  const tiff = encodeGrayTiff(
    [
      { width, height, pixels: black, bilevel: true },
      { width: 3, height: 2, pixels: new Uint8Array(6), bilevel: true },
    ],
    { x: 200, y: 100 },
  );
  const ifds = UTIF.decode(tiff);
  assert.equal(ifds.length, 2);
  const ifd = ifds[0] as UTIF.IFD;
  const tags = ifd as unknown as Record<string, unknown>;
  assert.deepEqual([tags.t259, tags.t258, tags.t262], [[4], [1], [0]]);
  assert.deepEqual([tags.t282, tags.t283], [[[200, 1]], [[100, 1]]]);
  UTIF.decodeImage(tiff, ifd);
  const rgba = UTIF.toRGBA8(ifd);
  const decoded = Uint8Array.from({ length: width * height }, (_, i) =>
    (rgba[i * 4] as number) < 128 ? 1 : 0,
  );
  assert.deepEqual(decoded, black);
});

const grayPage = (width: number, height: number, value: number): Pixels => ({
  width,
  height,
  channels: 1,
  data: new Uint8Array(width * height).fill(value),
});

test('paper grain: the asked share of pixels, spread over the whole page, within ±amplitude', () => {
  const page = grayPage(400, 300, 200);
  const touched = addGrain(page, createRng(3), 0.03, 30);
  const off = page.data.filter((v) => v !== 200).length;
  assert.equal(off, touched);
  assert.ok(
    Math.abs(off / page.data.length - 0.03) < 0.003,
    `grain share ${off / page.data.length}`,
  );
  assert.ok(page.data.every((v) => Math.abs(v - 200) <= 30));
  assert.ok(page.data.some((v) => v > 200) && page.data.some((v) => v < 200));
  // Every 100 × 100 tile has its part: grain is over the page, not in one corner.
  for (let ty = 0; ty < 3; ty++)
    for (let tx = 0; tx < 4; tx++) {
      let n = 0;
      for (let y = ty * 100; y < ty * 100 + 100; y++)
        for (let x = tx * 100; x < tx * 100 + 100; x++) if (page.data[y * 400 + x] !== 200) n++;
      assert.ok(n > 150 && n < 450, `tile ${tx},${ty}: ${n}`);
    }
});

test('binarize: far from the threshold never flips; near it, noise decides', () => {
  const page: Pixels = { width: 3, height: 1, channels: 1, data: Uint8Array.from([20, 150, 250]) };
  const runs = Array.from({ length: 200 }, (_, i) => binarize(page, createRng(i), 150, 30));
  assert.ok(runs.every((b) => b[0] === 1 && b[2] === 0));
  const middle = runs.filter((b) => b[1] === 1).length;
  assert.ok(middle > 60 && middle < 140, `${middle} of 200 black at the threshold`);
});

test('phone photo: desk around the page, light falling off across it, page turned', () => {
  const page = grayPage(600, 800, 240);
  const look = { ...photoLook(createRng(1)), rotationDeg: 3, keystone: 0.02, falloff: 0.35 };
  const photo = photograph(page, 600, 800, look, createRng(2));
  assert.equal(photo.channels, 3);
  const at = (x: number, y: number): number => photo.data[(y * 600 + x) * 3 + 1] as number;
  // Corners are desk (darker than any lit paper), the centre is paper.
  for (const [x, y] of [
    [2, 2],
    [597, 2],
    [2, 797],
    [597, 797],
  ] as const)
    assert.ok(at(x, y) < 130, `corner ${x},${y}: ${at(x, y)}`);
  assert.ok(at(300, 400) > 150);
  // The paper is lit unevenly: the brightest and darkest thirds differ by more than noise.
  const mean = (x0: number, y0: number): number => {
    let sum = 0;
    for (let y = y0; y < y0 + 100; y++) for (let x = x0; x < x0 + 100; x++) sum += at(x, y);
    return sum / 10000;
  };
  const patches = [mean(100, 150), mean(400, 150), mean(100, 550), mean(400, 550)];
  assert.ok(Math.max(...patches) - Math.min(...patches) > 20, `patches ${patches.map(Math.round)}`);
  // The page's top edge is not level: it meets column 150 and column 450 at different rows.
  const edgeRow = (x: number): number => {
    for (let y = 0; y < 400; y++) if (at(x, y) > 150) return y;
    return -1;
  };
  assert.ok(
    Math.abs(edgeRow(150) - edgeRow(450)) >= 8,
    `edge rows ${edgeRow(150)}, ${edgeRow(450)}`,
  );
});

test('a fax render is 200 x 100 dpi and 1-bit; a scanner render carries dust and grain', () => {
  const items: PlacedItem[] = [
    { kind: 'text', text: 'Invoice INV-2024-1234', x: 72, top: 72, face: 'regular', size: 12 },
  ];
  const geometry = { width: 612, height: 396, marginLeft: 54, marginRight: 54, marginBottom: 48 };
  const fax = renderScan({ items, geometry, rotation: 0 }, { capture: 'fax' }, createRng(5)).raster;
  assert.equal(fax.kind, 'bilevel');
  if (fax.kind === 'bilevel') {
    assert.deepEqual([fax.width, fax.height, fax.dpi], [1700, 550, { x: 200, y: 100 }]);
    assert.ok(fax.black.some((b) => b === 1) && fax.black.some((b) => b === 0));
  }
  const scan = renderScan({ items, geometry, rotation: 0 }, { capture: 'scanner' }, createRng(5));
  assert.ok(scan.wear.dust >= 200, `${scan.wear.dust} specks`);
  const pixels = scan.raster.kind === 'pixels' ? scan.raster.pixels : undefined;
  assert.ok(pixels && pixels.width === 2550 && pixels.channels === 1);
  assert.ok(scan.wear.grainPixels / (pixels.width * pixels.height) >= 0.02);
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
