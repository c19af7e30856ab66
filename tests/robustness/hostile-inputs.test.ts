// Checks the hostile-input generators themselves: a bomb that does not inflate to gigabytes, or a
// "deep" PDF that no reader could open anyway, would make the end-to-end tests prove nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  buildZip,
  deflateBomb,
  flipBytes,
  makeEncryptedOoxml,
  makeHugeDimensionPng,
  makePdfDeepNesting,
  makePdfPageTreeCycle,
  makeTextPdf,
  makeWholeGridXlsx,
  makeZipBomb,
  randomBytes,
  readZip,
} from '../support/hostile-inputs';

async function pdfText(data: Buffer, password?: string): Promise<string> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    password,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const texts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return texts.join('\n');
  } finally {
    await doc.destroy();
  }
}

function declaredSizes(data: Buffer): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const sizes = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => {
        sizes.set(entry.fileName, entry.uncompressedSize);
        zip.readEntry();
      });
      zip.on('end', () => resolve(sizes));
      zip.readEntry();
    });
  });
}

test('seeded random bytes and flips are deterministic', () => {
  assert.deepEqual(randomBytes(42, 64), randomBytes(42, 64));
  assert.notDeepEqual(randomBytes(42, 64), randomBytes(43, 64));
  const base = Buffer.alloc(1000);
  const flipped = flipBytes(base, 5, 20);
  assert.deepEqual(flipped, flipBytes(base, 5, 20));
  const changed = [...flipped].filter((b) => b !== 0).length;
  assert.ok(changed > 0 && changed <= 20, `${changed} bytes changed`);
});

test('a deflate bomb inflates to exactly what it claims, with a correct CRC', async () => {
  const prefix = Buffer.from('<a>');
  const suffix = Buffer.from('</a>');
  const bomb = await deflateBomb(prefix, 8, suffix);
  const inflated = zlib.inflateRawSync(bomb.bytes);
  assert.equal(inflated.length, bomb.size);
  assert.equal(bomb.size, 3 + 8 * 1024 * 1024 + 4);
  assert.equal(zlib.crc32(inflated) >>> 0, bomb.crc32);
  assert.equal(inflated.subarray(0, 3).toString(), '<a>');
  assert.equal(inflated.subarray(-4).toString(), '</a>');
  // The ratio is what makes it a bomb: about 1000:1.
  assert.ok(bomb.bytes.length < bomb.size / 900, `ratio ${bomb.size / bomb.bytes.length}`);
});

test('the DOCX zip bomb is ~2 MB on disk and declares ~2 GiB; the lying one declares 1 KB', async () => {
  const honest = await makeZipBomb('docx');
  assert.ok(honest.length < 3_000_000, `${honest.length} bytes`);
  const sizes = await declaredSizes(honest);
  assert.ok((sizes.get('word/document.xml') ?? 0) > 2_000_000_000);
  const lying = await makeZipBomb('xlsx', { lie: true, inflatedMiB: 16 });
  assert.equal((await declaredSizes(lying)).get('xl/worksheets/sheet1.xml'), 1024);
});

test('buildZip round-trips through a real zip reader', async () => {
  const zip = buildZip([
    { name: 'a.txt', data: Buffer.from('alpha') },
    { name: 'dir/b.xml', data: Buffer.from('<b/>') },
  ]);
  const entries = await readZip(zip);
  assert.deepEqual(
    entries.map((e) => [e.name, e.data.toString()]),
    [
      ['a.txt', 'alpha'],
      ['dir/b.xml', '<b/>'],
    ],
  );
});

test('the whole-grid workbook declares A1:XFD1048576 and keeps its rows', async () => {
  const xlsx = await makeWholeGridXlsx([['north', 'south']]);
  const sheet = (await readZip(xlsx)).find((e) => e.name === 'xl/worksheets/sheet1.xml');
  assert.match(sheet?.data.toString() ?? '', /<dimension ref="A1:XFD1048576"\/>/);
});

test('the encrypted OOXML is an OLE container naming EncryptedPackage', () => {
  const cfb = makeEncryptedOoxml();
  assert.deepEqual([...cfb.subarray(0, 8)], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  assert.ok(cfb.toString('utf16le').includes('EncryptedPackage'));
  assert.equal(cfb.length % 512, 0);
});

test('the huge PNG is tiny but declares 50,000 × 50,000', () => {
  const png = makeHugeDimensionPng(50_000, 50_000);
  assert.ok(png.length < 1000);
  assert.equal(png.readUInt32BE(16), 50_000);
  assert.equal(png.readUInt32BE(20), 50_000);
});

test('the deeply nested PDF is valid: a reader that copes finds its page text', async () => {
  const text = await pdfText(makePdfDeepNesting(200, 'Deep page text'));
  assert.match(text, /Deep page text/);
});

test('the page-tree cycle PDF makes a plain reader fail rather than loop', async () => {
  await assert.rejects(pdfText(makePdfPageTreeCycle()));
});

test('the encrypted PDF needs its password', async () => {
  const pdf = await makeTextPdf(['Quarterly cash confirmation'], { userPassword: 'letmein' });
  await assert.rejects(pdfText(pdf), /password/i);
  assert.match(await pdfText(pdf, 'letmein'), /Quarterly cash confirmation/);
});
