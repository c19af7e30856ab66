import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { defaultExtractOptions } from '../../../../src/shared/options';
import { detectType } from '../../../../src/workers/engine/detect-type';
import { extractFile } from '../../../../src/workers/extractors/extract-file';
import { checkPackageLimits } from '../../../../src/workers/zip/package-limits';
import { officeKindOf, ZipPackage } from '../../../../src/workers/zip/zip-package';
import { minimalDocxParts, writeZip, zeroBomb } from '../../../support/zip-builder';
import { failure } from '../../../support/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { options: defaultExtractOptions };
const GB = 1024 ** 3;

test('the central directory is listed without inflating, and names the package kind', async () => {
  const file = writeZip(path.join(dir, 'a.docx'), minimalDocxParts(['Hello zip']));
  const pkg = await ZipPackage.open(file);
  try {
    assert.equal(pkg.kind, 'docx');
    assert.deepEqual(pkg.names(), ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const doc = pkg.entries.get('word/document.xml');
    assert.ok(doc !== undefined && doc.uncompressedSize > doc.compressedSize);
    assert.match((await pkg.readText('word/document.xml')) ?? '', /Hello zip/);
    assert.equal((await pkg.readText('word/document.xml', 10))?.length, 10);
    assert.equal(await pkg.readText('word/missing.xml'), undefined);
  } finally {
    pkg.close();
  }
});

test('package kind comes from part names', () => {
  assert.equal(officeKindOf(['[Content_Types].xml', 'word/document.xml']), 'docx');
  assert.equal(officeKindOf(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']), 'xlsx');
  assert.equal(officeKindOf(['xl/worksheets/sheet1.xml']), 'xlsx');
  assert.equal(officeKindOf(['readme.txt', 'word/media/image1.png']), undefined);
});

test('detectType reads the central directory: a DOCX named .xlsx whose head names no Word part is a DOCX', async () => {
  // 20 KB of incompressible bytes first, so the first 8 KB (the head) mention no word/ part.
  const noise = Buffer.concat(
    Array.from({ length: 700 }, (_, i) => createHash('sha256').update(String(i)).digest()),
  );
  const file = writeZip(path.join(dir, 'disguised.xlsx'), [
    { name: 'docProps/thumbnail.jpeg', content: noise },
    ...minimalDocxParts(['hidden letter']),
  ]);
  assert.ok(!readFileSync(file).subarray(0, 8192).toString('latin1').includes('word/'));
  assert.equal((await detectType(file, 'disguised.xlsx')).kind, 'docx');
});

test('a readable zip that is no Office package is UNSUPPORTED_TYPE, whatever its name', async () => {
  const file = writeZip(path.join(dir, 'notes.docx'), [
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
    { name: 'content.xml', content: '<office:document-content/>' },
  ]);
  const error = await failure(extractFile(file, ctx));
  assert.equal(error.code, 'UNSUPPORTED_TYPE');
  assert.match(error.message, /neither a DOCX nor an XLSX/);
});

test('limits: declared total, degenerate ratio, entry count and zip encryption', () => {
  const entry = (name: string, compressedSize: number, uncompressedSize: number) => ({
    name,
    compressedSize,
    uncompressedSize,
    method: 8,
    encrypted: false,
  });
  const limits = { maxUnzippedBytes: 100 * 1024 * 1024 };
  assert.equal(checkPackageLimits([entry('a.xml', 10, 100)], limits, 'DOCX'), 100);
  const total = (() => {
    try {
      checkPackageLimits([entry('a.xml', 60e6, 60e6), entry('b.xml', 60e6, 60e6)], limits, 'XLSX');
    } catch (error) {
      return error as { code: string; message: string };
    }
    return undefined;
  })();
  assert.equal(total?.code, 'TOO_LARGE');
  assert.match(total?.message ?? '', /above the 100 MB limit/);
  assert.throws(
    () => checkPackageLimits([entry('s.xml', 20_000, 50 * 1024 * 1024)], limits, 'XLSX'),
    (e: { code: string; message: string }) => e.code === 'TOO_LARGE' && /zip bomb/.test(e.message),
  );
  const many = Array.from({ length: 50_001 }, (_, i) => entry(`p${i}`, 1, 1));
  assert.throws(
    () => checkPackageLimits(many, limits, 'DOCX'),
    (e: { code: string }) => e.code === 'TOO_LARGE',
  );
  assert.throws(
    () => checkPackageLimits([{ ...entry('a.xml', 1, 1), encrypted: true }], limits, 'DOCX'),
    (e: { code: string }) => e.code === 'ENCRYPTED',
  );
});

test('a real 2 GB zip bomb named .docx is refused from its directory, without inflating', async () => {
  const bomb = zeroBomb(2 * GB);
  assert.equal(bomb.size, 2 * GB);
  const file = writeZip(
    path.join(dir, 'bomb.docx'),
    minimalDocxParts([], []).map((p) =>
      p.name === 'word/document.xml' ? { name: p.name, deflated: bomb } : p,
    ),
  );
  assert.ok(readFileSync(file).length < 4 * 1024 * 1024, 'the bomb itself is small');
  const rssBefore = process.memoryUsage().rss;
  const error = await failure(extractFile(file, ctx));
  assert.equal(error.code, 'TOO_LARGE');
  assert.match(error.message, /2,048 MB, above the 1,024 MB limit/);
  // Inflating even a fraction of it would show up here; listing the directory does not.
  assert.ok(process.memoryUsage().rss - rssBefore < 200 * 1024 * 1024);
});

test('a bomb disguised as XLSX is refused the same way', async () => {
  const file = writeZip(path.join(dir, 'bomb.xlsx'), [
    { name: '[Content_Types].xml', content: '<Types/>' },
    { name: 'xl/workbook.xml', content: '<workbook/>' },
    { name: 'xl/worksheets/sheet1.xml', deflated: zeroBomb(2 * GB) },
  ]);
  const error = await failure(extractFile(file, ctx));
  assert.equal(error.code, 'TOO_LARGE');
});

test('a bomb that declares a small size is stopped at its declared size', async () => {
  // Declares 1 KB, really inflates to 2 GB: the directory looks innocent, so the parts are
  // inflated once through yauzl, which stops the part as soon as it overshoots.
  const bomb = zeroBomb(2 * GB);
  const file = writeZip(
    path.join(dir, 'liar.docx'),
    minimalDocxParts([]).map((p) =>
      p.name === 'word/document.xml' ? { name: p.name, deflated: bomb, declaredSize: 1024 } : p,
    ),
  );
  const rssBefore = process.memoryUsage().rss;
  // A 64 MB limit keeps the confirming inflate short; the mechanism is the same at 1 GB.
  const small = {
    options: {
      ...defaultExtractOptions,
      limits: { ...defaultExtractOptions.limits, maxUnzippedBytes: 64 * 1024 * 1024 },
    },
  };
  const error = await failure(extractFile(file, small));
  assert.equal(error.code, 'TOO_LARGE');
  assert.match(error.message, /inflates beyond the 64 MB limit while declaring 1,024 bytes/);
  assert.ok(process.memoryUsage().rss - rssBefore < 200 * 1024 * 1024);
});

test('a part that overshoots its declared size only because it is damaged is CORRUPT, not a bomb', async () => {
  // 3 MB of zeros declared as 1 KB: more than declared, far less than the limit.
  const file = writeZip(
    path.join(dir, 'overshoot.docx'),
    minimalDocxParts([]).map((p) =>
      p.name === 'word/document.xml'
        ? { name: p.name, content: Buffer.alloc(3 * 1024 * 1024), declaredSize: 1024 }
        : p,
    ),
  );
  const pkg = await ZipPackage.open(file, 'DOCX');
  try {
    const error = await failure(pkg.scan('word/document.xml', () => true));
    assert.equal(error.code, 'CORRUPT');
    assert.match(error.message, /does not match the size it declares/);
  } finally {
    pkg.close();
  }
});

test('a zip whose central directory is cut off is CORRUPT', async () => {
  const whole = readFileSync(writeZip(path.join(dir, 'w.docx'), minimalDocxParts(['x'])));
  const cut = path.join(dir, 'cut.docx');
  writeFileSync(cut, whole.subarray(0, whole.length - 30));
  const error = await failure(ZipPackage.open(cut, 'DOCX'));
  assert.equal(error.code, 'CORRUPT');
  assert.match(error.message, /The DOCX is damaged or truncated/);
});

test('a lying bomb at the default 1 GB limit is refused after 64 MB of evidence, not 1 GB', async () => {
  const bomb = zeroBomb(2 * GB);
  const file = writeZip(
    path.join(dir, 'liar-default.docx'),
    minimalDocxParts([]).map((p) =>
      p.name === 'word/document.xml' ? { name: p.name, deflated: bomb, declaredSize: 1024 } : p,
    ),
  );
  const error = await failure(extractFile(file, { options: defaultExtractOptions }));
  assert.equal(error.code, 'TOO_LARGE');
  assert.match(error.message, /inflates more than 64 MB beyond the 1,024 bytes it declares/);
});
