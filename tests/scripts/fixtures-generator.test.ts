// The fixtures are the ground truth other tests and the bench measure against, so they are
// checked against independent readers (pdfjs, exceljs, mammoth, utif2), not just the manifest.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, test } from 'node:test';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { generatorEntry } from '../../scripts/fixtures/source-hash';
import { detectTypeFromHead } from '../../src/workers/engine/detect-type';
import {
  ensureGeneratedBatch,
  readExpectedText,
  readManifest,
  sampleFixtures,
  type FixtureEntry,
  type FixtureSet,
} from '../support/generated-fixtures';
import { projectRoot } from '../support/paths';

const run = promisify(execFile);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function generate(args: string[]): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', generatorEntry, '--quiet', ...args], {
    cwd: projectRoot,
  });
}

async function hashesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort())
    out.set(name, sha256(await readFile(path.join(dir, name))));
  return out;
}

async function openPdf(file: string, password?: string) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    data: new Uint8Array(await readFile(file)),
    password,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

async function pdfPageText(file: string, page: number, password?: string): Promise<string[]> {
  const doc = await openPdf(file, password);
  try {
    const content = await (await doc.getPage(page)).getTextContent();
    return content.items.map((item) => ('str' in item ? item.str : ''));
  } finally {
    await doc.destroy();
  }
}

async function pdfErrorName(file: string): Promise<string | undefined> {
  try {
    const doc = await openPdf(file);
    await doc.destroy();
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
}

/** Rows per sheet as exceljs's streaming reader sees them (the way the extractor reads big sheets). */
async function xlsxRowCounts(file: string): Promise<number[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
  });
  const counts: number[] = [];
  for await (const sheet of reader) {
    let rows = 0;
    for await (const _row of sheet) rows++;
    counts.push(rows);
  }
  return counts;
}

const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface PdfImage {
  filter: string;
  bits: number;
  colorSpace: string;
  width: number;
  height: number;
  bytes: Buffer;
}

/** Image XObjects of a PDF as pdfkit writes them (uncompressed dictionaries), in page order. */
function pdfImages(pdf: Buffer): PdfImage[] {
  const text = pdf.toString('latin1');
  const out: PdfImage[] = [];
  for (const m of text.matchAll(/\/Subtype \/Image\n([\s\S]*?)>>\nstream\n/g)) {
    const dict = m[1] as string;
    const field = (name: string): string => new RegExp(`/${name} /?(\\w+)`).exec(dict)?.[1] ?? '';
    const start = (m.index as number) + m[0].length;
    out.push({
      filter: field('Filter'),
      bits: Number(field('BitsPerComponent')),
      colorSpace: field('ColorSpace'),
      width: Number(field('Width')),
      height: Number(field('Height')),
      bytes: pdf.subarray(start, start + Number(field('Length'))),
    });
  }
  return out;
}

describe('generator determinism', () => {
  const subset = 'pdf-text-01,pdf-text-02,pdf-scan-01,image-08,docx-01,xlsx-02,bad-03,bad-05';
  let first: Map<string, string>;
  let tmp: string;

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-fixtures-'));
    await generate(['--only', subset, '--out', path.join(tmp, 'a', 'batch')]);
    await generate(['--only', subset, '--out', path.join(tmp, 'b', 'batch')]);
    first = await hashesOf(path.join(tmp, 'a', 'batch'));
  });

  test('the same seed gives byte-identical files of every kind', async () => {
    const second = await hashesOf(path.join(tmp, 'b', 'batch'));
    assert.equal(first.size, 8);
    assert.deepEqual([...second.entries()], [...first.entries()]);
    const expectedA = await hashesOf(path.join(tmp, 'a', 'expected'));
    const expectedB = await hashesOf(path.join(tmp, 'b', 'expected'));
    assert.deepEqual([...expectedB.entries()], [...expectedA.entries()]);
  });

  test('another seed gives different content', async () => {
    const other = path.join(tmp, 'c', 'batch');
    await generate(['--only', 'pdf-text-01', '--seed', '7', '--out', other]);
    const [name, hash] = [...(await hashesOf(other)).entries()][0] ?? [];
    assert.ok(name?.startsWith('pdf-text-01'));
    assert.notEqual(hash, first.get(name as string));
    await rm(tmp, { recursive: true, force: true });
  });

  test('a file generated alone equals the same file in the full batch', async () => {
    const batch = await ensureGeneratedBatch();
    for (const [name, hash] of first) {
      const entry = batch.manifest.files.find((f) => f.name === name);
      assert.equal(entry?.sha256, hash, name);
    }
  });
});

describe('standard batch', () => {
  let batch: FixtureSet;
  let files: FixtureEntry[];
  const of = (kind: FixtureEntry['kind']): FixtureEntry[] => files.filter((f) => f.kind === kind);
  const fileOf = (f: FixtureEntry): string => path.join(batch.dir, f.name);

  before(async () => {
    batch = await ensureGeneratedBatch();
    files = batch.manifest.files;
  });

  test('has exactly 100 files in the specified mix, each on disk with its recorded hash', async () => {
    assert.equal(files.length, 100);
    assert.deepEqual(batch.manifest.counts, {
      'pdf-text': 40,
      'pdf-scanned': 15,
      image: 10,
      docx: 15,
      xlsx: 15,
      bad: 5,
    });
    assert.equal(new Set(files.map((f) => f.name)).size, 100);
    assert.deepEqual((await readdir(batch.dir)).sort(), files.map((f) => f.name).sort());
    for (const f of files) assert.equal(sha256(await readFile(fileOf(f))), f.sha256, f.name);
    assert.ok(batch.manifest.totalBytes < 60 * 1024 * 1024, `${batch.manifest.totalBytes} bytes`);
  });

  test('every non-bad file has a non-empty expected text; bad files have an error code', async () => {
    for (const f of files) {
      if (f.kind === 'bad') {
        assert.ok(f.expectedCode, f.name);
        continue;
      }
      const text = await readExpectedText(batch, f);
      assert.ok(text && text.trim().length > 100, f.name);
    }
  });

  test('PDF page counts, read by pdfjs, match the spec: 4 of 60–120, one of 200, rest 1–10', async () => {
    const pdfs = files.filter((f) => f.kind === 'pdf-text' || f.kind === 'pdf-scanned');
    for (const f of pdfs) {
      const doc = await openPdf(fileOf(f));
      assert.equal(doc.numPages, f.pages, f.name);
      await doc.destroy();
    }
    const pages = of('pdf-text').map((f) => f.pages ?? 0);
    assert.equal(pages.filter((p) => p >= 60 && p <= 120).length, 4);
    assert.equal(pages.filter((p) => p === 200).length, 1);
    assert.equal(pages.filter((p) => p >= 1 && p <= 10).length, 35);
    const scanPages = of('pdf-scanned').reduce((n, f) => n + (f.pages ?? 0), 0);
    assert.ok(scanPages >= 28 && scanPages <= 32, `${scanPages} scanned pages`);
  });

  test('text PDFs carry the expected text; running headers are on the page but not in the body', async () => {
    const running = of('pdf-text').filter((f) => f.runningHeader);
    const twoColumn = of('pdf-text').filter((f) => f.features.includes('two-column'));
    assert.ok(running.length >= 10 && twoColumn.length >= 5);
    for (const f of [...running.slice(0, 3), ...twoColumn.slice(0, 3)]) {
      const page1 = words((await pdfPageText(fileOf(f), 1)).join(' '));
      const expected = (await readExpectedText(batch, f)) as string;
      // The opening words (a later line break may hyphenate the rest of the paragraph).
      const opening = (expected.split('\n')[0] as string).split(' ').slice(0, 5).join(' ');
      assert.ok(page1.includes(opening), `${f.name}: "${opening}" on page 1`);
      if (f.runningHeader) {
        assert.ok(page1.includes(f.runningHeader), f.name);
        assert.ok(page1.includes(`Page 1 of ${f.pages}`), f.name);
        assert.ok(!expected.includes(f.runningHeader), `${f.name}: header kept out of the body`);
      }
    }
  });

  test('hyphenated line ends are real: the PDF shows "prefix-", the expected text the whole word', async () => {
    const hyphenated = of('pdf-text').filter((f) => f.hyphenatedWords?.length);
    assert.ok(hyphenated.length >= 5, `${hyphenated.length} documents with hyphenation`);
    const f = hyphenated.reduce((a, b) => ((a.pages ?? 0) <= (b.pages ?? 0) ? a : b));
    const doc = await openPdf(fileOf(f));
    const lineEnds: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const item of content.items)
        if ('str' in item && item.str.endsWith('-'))
          lineEnds.push(item.str.split(' ').pop() as string);
    }
    await doc.destroy();
    const expected = (await readExpectedText(batch, f)) as string;
    for (const word of f.hyphenatedWords ?? []) {
      assert.ok(
        lineEnds.some((end) => word.startsWith(end.slice(0, -1)) && end.length > 3),
        `${f.name}: a line ends with a prefix of "${word}"`,
      );
      assert.match(expected, new RegExp(`\\b${word}\\b`));
    }
  });

  test('scanned PDFs have no text layer; one has a page upside down', async () => {
    for (const f of of('pdf-scanned'))
      assert.deepEqual(await pdfPageText(fileOf(f), 1), [], f.name);
    const rotated = of('pdf-scanned').filter((f) => f.rotatedPages?.length);
    assert.equal(rotated.length, 1);
    assert.deepEqual(rotated[0]?.rotatedPages, [{ page: 2, degrees: 180 }]);
  });

  test('scanned PDFs mix JPEG and Flate page images, gray, colour and 1-bit, as the manifest says', async () => {
    const seen = { jpeg: 0, flate: 0, bilevel: 0, colour: 0 };
    for (const f of of('pdf-scanned')) {
      const images = pdfImages(await readFile(fileOf(f)));
      assert.equal(images.length, f.pages, f.name);
      const filters = new Set(images.map((i) => i.filter));
      assert.deepEqual(
        [...filters],
        [f.scan?.encoding === 'jpeg' ? 'DCTDecode' : 'FlateDecode'],
        f.name,
      );
      seen[f.scan?.encoding ?? 'jpeg']++;
      if (images.every((i) => i.bits === 1)) seen.bilevel++;
      if (images.every((i) => i.colorSpace === 'DeviceRGB')) seen.colour++;
      // A standard fax page is 1700 × 1100 pixels stretched over Letter: 200 × 100 dpi.
      if (f.scan?.capture === 'fax')
        assert.ok(
          images.every((i) => i.width === 1700 && i.height === 1100 && i.bits === 1),
          f.name,
        );
    }
    assert.ok(seen.jpeg >= 5 && seen.flate >= 5, JSON.stringify(seen));
    assert.ok(seen.bilevel >= 2 && seen.colour >= 2, JSON.stringify(seen));
  });

  test('scans carry tables, stamps, signatures, faxes and phone photos; a stamp is in the text', async () => {
    const scans = files.filter((f) => f.kind === 'pdf-scanned' || f.kind === 'image');
    const withFeature = (feature: string) => scans.filter((f) => f.features.includes(feature));
    assert.ok(withFeature('ruled-grid').length >= 5);
    assert.ok(withFeature('stamp').length >= 5 && withFeature('signature').length >= 5);
    assert.ok(withFeature('phone-photo').length >= 3);
    assert.ok(withFeature('fax').length >= 3);
    for (const f of withFeature('ruled-grid')) {
      const expected = (await readExpectedText(batch, f)) as string;
      assert.match(expected, /^Invoice\tDate\tSupplier\tAmount$/m, f.name);
      assert.match(expected, /^INV-\d{4}-\d{4}\t\d{4}-\d\d-\d\d\t\w+\t\$[\d,]+\.\d\d$/m, f.name);
    }
    for (const f of withFeature('stamp')) {
      const expected = (await readExpectedText(batch, f)) as string;
      const stamp = f.scan?.stampText ?? [];
      assert.equal(stamp.length, 2, f.name);
      assert.ok(
        expected.endsWith(`${stamp.join('\n\n')}\n`),
        `${f.name}: text ends with the stamp`,
      );
    }
  });

  test('a colour scan shows its stamp in colour; a gray scan has no colour at all', async () => {
    const colour = of('pdf-scanned').find(
      (f) => f.features.includes('colour') && f.features.includes('stamp'),
    );
    const gray = of('pdf-scanned').find(
      (f) =>
        f.scan?.capture === 'scanner' &&
        f.scan.encoding === 'jpeg' &&
        !f.features.includes('colour'),
    );
    assert.ok(colour && gray);
    const lastPage = async (f: FixtureEntry) => {
      const images = pdfImages(await readFile(fileOf(f)));
      return (images[images.length - 1] as PdfImage).bytes;
    };
    // Decoded by Skia, not by the pdfjs decoder the extractor uses.
    const tinted = async (jpeg: Buffer): Promise<number> => {
      const image = await loadImage(jpeg);
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      // The stamp sits in the signature zone, the bottom quarter of the page.
      const rgba = ctx.getImageData(
        0,
        Math.floor(image.height * 0.75),
        image.width,
        Math.floor(image.height / 4),
      ).data;
      let n = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        const channels = [rgba[i], rgba[i + 1], rgba[i + 2]] as number[];
        if (Math.max(...channels) - Math.min(...channels) > 60) n++;
      }
      return n;
    };
    const stampPixels = await tinted(await lastPage(colour));
    assert.ok(stampPixels > 2000, `${stampPixels} coloured pixels in the stamp zone`);
    assert.equal(await tinted(await lastPage(gray)), 0);
  });

  test('images: PNG, JPEG and TIFF; a 3-page G4 fax TIFF at 200 x 100 dpi', async () => {
    const images = of('image');
    assert.equal(images.length, 10);
    const mimes = await Promise.all(
      images.map(async (f) => detectTypeFromHead(await readFile(fileOf(f)), f.name).mime),
    );
    assert.deepEqual([...new Set(mimes)].sort(), ['image/jpeg', 'image/png', 'image/tiff']);
    const multi = images.find((f) => f.features.includes('multi-page')) as FixtureEntry;
    assert.equal(multi.scan?.capture, 'fax');
    const tiff = await readFile(fileOf(multi));
    const ifds = UTIF.decode(tiff);
    assert.equal(ifds.length, 3);
    const last = ifds[2] as UTIF.IFD;
    const tags = last as unknown as Record<string, unknown>;
    assert.deepEqual(
      [tags.t259, tags.t258, tags.t282, tags.t283],
      [[4], [1], [[200, 1]], [[100, 1]]],
    );
    UTIF.decodeImage(tiff, last);
    assert.deepEqual([last.width, last.height], [1700, 1100]);
    // Decoded pixels are real: mostly paper, some ink.
    const rgba = UTIF.toRGBA8(last);
    let dark = 0;
    for (let i = 0; i < rgba.length; i += 4) if ((rgba[i] as number) < 100) dark++;
    const share = dark / (rgba.length / 4);
    assert.ok(share > 0.005 && share < 0.2, `ink share ${share}`);
  });

  test('a gray scan has grain over the paper and hundreds of dust specks', async () => {
    const f = of('image').find(
      (x) => x.features.includes('png') && x.scan?.capture === 'scanner' && !x.scan.stampText,
    );
    assert.ok(f);
    const png = PNG.sync.read(await readFile(fileOf(f)));
    const { width, height } = png;
    const at = (x: number, y: number): number => png.data[(y * width + x) * 4] as number;
    // The side margins hold no text: only paper, grain, dust and perhaps a hair. The outer
    // 70 px are left out, where the lid's shadow may fall.
    const bands = [
      [70, 215],
      [width - 215, width - 70],
    ] as const;
    const values: number[] = [];
    for (let y = 0; y < height; y++)
      for (const [a, b] of bands) for (let x = a; x < b; x++) values.push(at(x, y));
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const paper = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    // Measured: 5.0% here (3.2–5.0% over the gray scans), 0.01% on the clean look it replaced.
    const grain =
      values.filter((v) => Math.abs(v - paper) >= 8 && Math.abs(v - paper) <= 32).length /
      values.length;
    assert.ok(grain > 0.01 && grain < 0.1, `grain share ${grain.toFixed(4)} around paper ${paper}`);
    // Dark specks: local minima far darker than paper (grain never goes below paper − 32).
    let specks = 0;
    for (let y = 1; y < height - 1; y++)
      for (const [a, b] of bands)
        for (let x = a; x < b; x++) {
          const v = at(x, y);
          if (
            v < paper - 60 &&
            v <= at(x - 1, y) &&
            v < at(x + 1, y) &&
            v <= at(x, y - 1) &&
            v < at(x, y + 1)
          )
            specks++;
        }
    // Measured: 216 here (26–216 over the gray scans), 2 on the clean look it replaced.
    assert.ok(specks >= 12, `${specks} dark specks in the margins`);
  });

  test('phone photos: colour JPEGs of a turned page on a desk, lit unevenly', async () => {
    const photos = of('image').filter((f) => f.features.includes('phone-photo'));
    assert.ok(photos.length >= 2);
    for (const f of photos) {
      const bytes = await readFile(fileOf(f));
      // SOF0 component count: 3, a colour photo.
      const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
      assert.equal(bytes[sof + 9], 3, f.name);
      const image = await loadImage(bytes);
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
      const green = (x: number, y: number): number => data[(y * width + x) * 4 + 1] as number;
      assert.ok(
        green(5, 5) < 140 && green(width - 5, height - 5) < 140,
        `${f.name}: desk in the corners`,
      );
      assert.ok(green(width >> 1, height >> 1) > 130, `${f.name}: paper in the middle`);
    }
  });

  test('DOCX: the long one holds about 40 pages of text, read back by mammoth', async () => {
    const long = of('docx').find((f) => f.approxPages === 40) as FixtureEntry;
    assert.ok(long.features.includes('tables') && long.runningHeader);
    const raw = words((await mammoth.extractRawText({ path: fileOf(long) })).value);
    const expected = (await readExpectedText(batch, long)) as string;
    const paragraphs = expected.split('\n').filter((l) => l.length > 80);
    for (const p of [paragraphs[0], paragraphs[paragraphs.length - 1]])
      assert.ok(raw.includes(words(p as string)), `mammoth text contains "${p?.slice(0, 60)}"`);
    assert.ok(expected.split(/\s+/).length >= 40 * 400);
  });

  test('XLSX: row counts via the streaming reader; 3 of 1,500–5,000 rows, one of 50,000', async () => {
    const ledgerRows = of('xlsx').map((f) => (f.sheets?.[0]?.rows ?? 0) - 3); // title, header, total
    assert.equal(ledgerRows.filter((n) => n >= 1500 && n <= 5000).length, 3);
    assert.equal(ledgerRows.filter((n) => n === 50000).length, 1);
    const big = of('xlsx').filter((f) => (f.rows ?? 0) >= 1500);
    assert.equal(big.length, 4);
    for (const f of big)
      assert.deepEqual(
        await xlsxRowCounts(fileOf(f)),
        f.sheets?.map((s) => s.rows),
        f.name,
      );
  });

  test('XLSX: cached formula results, dates, merged title and hidden sheet as the manifest says', async () => {
    const f = of('xlsx').find(
      (x) => x.sheets?.some((s) => s.hidden) && (x.rows ?? 0) < 1500,
    ) as FixtureEntry;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fileOf(f));
    assert.deepEqual(
      workbook.worksheets.map((ws) => [ws.name, ws.state]),
      f.sheets?.map((s) => [s.name, s.hidden ? 'hidden' : 'visible']),
    );
    const ledger = workbook.getWorksheet('Ledger') as ExcelJS.Worksheet;
    assert.ok(ledger.getCell('B1').isMerged);
    const gross = ledger.getCell('G3').value as { formula: string; result: number };
    assert.equal(gross.formula, 'E3+F3');
    const date = ledger.getCell('A3').value as Date;
    assert.ok(date instanceof Date);
    // The expected text's first entry row is these very cells.
    const expected = (await readExpectedText(batch, f)) as string;
    const row3 = expected.split('\n')[3]?.split('\t') ?? [];
    assert.equal(row3[0], date.toISOString().slice(0, 10));
    // Gross is formatted '#,##0.00': the text is what Excel shows, two decimals and commas.
    assert.equal(ledger.getCell('G3').numFmt, '#,##0.00');
    const shown = gross.result.toLocaleString('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    assert.equal(row3[6], shown);
  });

  test('bad files fail the way the manifest says', async () => {
    const byFeature = (feature: string): FixtureEntry =>
      of('bad').find((f) => f.features.includes(feature)) as FixtureEntry;
    for (const feature of ['empty', 'random-bytes', 'wrong-extension']) {
      const f = byFeature(feature);
      const head = await readFile(fileOf(f));
      assert.throws(() => detectTypeFromHead(head, f.name), { code: f.expectedCode }, f.name);
    }
    const truncated = byFeature('truncated-pdf');
    assert.equal(truncated.expectedCode, 'CORRUPT');
    assert.equal(await pdfErrorName(fileOf(truncated)), 'InvalidPDFException');
    const encrypted = byFeature('encrypted-pdf');
    assert.equal(encrypted.expectedCode, 'ENCRYPTED');
    assert.equal(await pdfErrorName(fileOf(encrypted)), 'PasswordException');
    const text = words((await pdfPageText(fileOf(encrypted), 1, encrypted.password)).join(' '));
    const expected = (await readExpectedText(batch, encrypted)) as string;
    assert.ok(text.includes(words(expected.split('\n')[2] as string)));
  });
});

describe('committed sample folder', () => {
  test('holds the promised cases and matches its manifest', async () => {
    const sample = await sampleFixtures();
    const features = sample.manifest.files.flatMap((f) => f.features);
    for (const want of [
      'two-column',
      'running-header',
      'hidden-sheet',
      'merged-cells',
      'formulas',
      'tables',
    ])
      assert.ok(features.includes(want), want);
    assert.deepEqual(
      Object.entries(sample.manifest.counts)
        .filter(([, n]) => n > 0)
        .map(([k]) => k)
        .sort(),
      ['bad', 'docx', 'image', 'pdf-scanned', 'pdf-text', 'xlsx'],
    );
    assert.deepEqual(
      (await readdir(sample.dir)).sort(),
      sample.manifest.files.map((f) => f.name).sort(),
    );
    for (const f of sample.manifest.files)
      assert.equal(sha256(await readFile(path.join(sample.dir, f.name))), f.sha256, f.name);
    assert.ok(sample.manifest.totalBytes < 2 * 1024 * 1024);
  });

  test('is reproducible from the generator (`npm run fixtures -- --sample`)', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-sample-'));
    try {
      await generate(['--sample', '--out', path.join(tmp, 'sample')]);
      const regenerated = await readManifest(path.join(tmp, 'expected'));
      const committed = (await sampleFixtures()).manifest;
      // Rasterized pages depend on the font rasterizer build; everything else must match exactly.
      const exact = (f: FixtureEntry): boolean => f.kind !== 'pdf-scanned' && f.kind !== 'image';
      assert.deepEqual(
        regenerated.files.filter(exact).map((f) => [f.name, f.sha256]),
        committed.files.filter(exact).map((f) => [f.name, f.sha256]),
        'committed sample is stale: run `npm run fixtures -- --sample`',
      );
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
