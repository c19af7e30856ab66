import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { FORMATS, SUPPORTED_FORMATS_TEXT } from '../../../../src/shared/formats';
import { defaultExtractOptions } from '../../../../src/shared/options';
import { detectType, detectTypeFromHead } from '../../../../src/workers/engine/detect-type';
import { extractFile } from '../../../../src/workers/extractors/extract-file';
import { failure } from '../../../support/errors';
import { minimalDocxParts, writeZip } from '../../../support/zip-builder';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

test('a PNG named .pdf is detected as an image', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.deepEqual(detectTypeFromHead(png, 'invoice.pdf'), { kind: 'image', mime: 'image/png' });
});

test('a PDF header after leading junk is still a PDF', () => {
  const pdf = Buffer.concat([Buffer.from('junk\n'), Buffer.from('%PDF-1.7\n')]);
  assert.equal(detectTypeFromHead(pdf, 'x.pdf').kind, 'pdf');
});

test('an empty head is EMPTY_FILE', () => {
  assert.equal(
    codeOf(() => detectTypeFromHead(Buffer.alloc(0), 'a.pdf')),
    'EMPTY_FILE',
  );
});

test('an OLE container holding EncryptedPackage is ENCRYPTED', () => {
  const ole = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.from('EncryptedPackage', 'utf16le'),
  ]);
  assert.equal(
    codeOf(() => detectTypeFromHead(ole, 'book.xlsx')),
    'ENCRYPTED',
  );
});

test('random bytes with a document extension are UNSUPPORTED_TYPE', () => {
  assert.equal(
    codeOf(() => detectTypeFromHead(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), 'report.docx')),
    'UNSUPPORTED_TYPE',
  );
});

// Zips: the central directory, not the first bytes, says which Office package a file is.
const dir = mkdtempSync(path.join(tmpdir(), 'folio-detect-'));
after(() => rmSync(dir, { recursive: true, force: true }));

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
  const error = await failure(extractFile(file, { options: defaultExtractOptions }));
  assert.equal(error.code, 'UNSUPPORTED_TYPE');
  assert.match(error.message, /neither a DOCX nor an XLSX/);
});

test('every byte signature of the formats table is detected as its format, whatever the name', () => {
  for (const format of FORMATS)
    for (const signature of format.signatures ?? []) {
      const head = Buffer.concat([Buffer.from(signature.bytes), Buffer.alloc(64)]);
      assert.deepEqual(detectTypeFromHead(head, 'renamed.bin'), {
        kind: format.kind,
        mime: format.mime,
      });
    }
});

test('a zip whose parts lie beyond the head is taken at its name for every OOXML extension', () => {
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
  for (const format of FORMATS.filter((f) => f.zipFolder !== undefined))
    for (const ext of format.extensions)
      assert.equal(detectTypeFromHead(zip, `Book.${ext.toUpperCase()}`).kind, format.kind);
  assert.equal(
    codeOf(() => detectTypeFromHead(zip, 'archive.zip')),
    'UNSUPPORTED_TYPE',
  );
  const named = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook')]);
  assert.equal(detectTypeFromHead(named, 'misnamed.docx').kind, 'xlsx');
});

test('an unknown head names the table formats, or the extension it fails to be', () => {
  const junk = Buffer.from('just some text');
  assert.throws(
    () => detectTypeFromHead(junk, 'notes.txt'),
    new RegExp(`Folio reads ${SUPPORTED_FORMATS_TEXT}\\.`),
  );
  assert.throws(() => detectTypeFromHead(junk, 'scan.TIFF'), /not a valid \.tiff file/);
});
