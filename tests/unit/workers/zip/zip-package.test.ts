// Reading a zip package: the central directory without inflating, the package kind, and damage.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { officeKindOf, ZipPackage } from '../../../../src/workers/zip/zip-package';
import { minimalDocxParts, writeZip } from '../../../support/zip-builder';
import { failure } from '../../../support/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

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
