import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { USAGE } from '../../../src/cli/args';
import {
  extensionOf,
  FORMATS,
  formatFromSignature,
  kindFromName,
  SUPPORTED_EXTENSIONS,
  SUPPORTED_FORMATS_TEXT,
} from '../../../src/shared/formats';
import { projectRoot } from '../../support/paths';

/** The regex of the explorer menu's "Open Extracted Text" `when` clause, as VS Code reads it. */
function openExtractedTextRegex(): RegExp {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
  };
  const item = manifest.contributes.menus['explorer/context']?.find(
    (m) => m.command === 'folio.openExtractedText',
  );
  const match = /resourceExtname =~ \/(.+)\/([a-z]*)/.exec(item?.when ?? '');
  assert.ok(match, `no resourceExtname regex in: ${item?.when}`);
  return new RegExp(match[1] as string, match[2]);
}

test('package.json offers "Open Extracted Text" on exactly the extensions Folio reads', () => {
  const regex = openExtractedTextRegex();
  for (const ext of SUPPORTED_EXTENSIONS) {
    assert.ok(regex.test(`.${ext}`), `.${ext} is read by the engine but not offered`);
    assert.ok(regex.test(`.${ext.toUpperCase()}`), `.${ext.toUpperCase()} is not offered`);
  }
  // Near misses of every supported extension, and formats Folio does not read.
  const others = [
    ...[...SUPPORTED_EXTENSIONS].flatMap((ext) => [ext.slice(0, -1), `${ext}x`, `x${ext}`]),
    ...['doc', 'xls', 'ppt', 'pptx', 'txt', 'md', 'csv', 'gif', 'webp', 'heic', 'zip', 'jpe'],
  ].filter((ext) => !SUPPORTED_EXTENSIONS.has(ext));
  for (const ext of others) assert.ok(!regex.test(`.${ext}`), `.${ext} is offered but not read`);
  assert.ok(!regex.test('pdf'), 'an extension without its dot');
  assert.ok(!regex.test('.pdf.md'), 'an output file');
});

test('the table: each extension belongs to one format, lower-case and without a dot', () => {
  const all = FORMATS.flatMap((f) => f.extensions);
  assert.equal(new Set(all).size, all.length);
  for (const ext of all) assert.match(ext, /^[a-z0-9]+$/);
  assert.deepEqual([...SUPPORTED_EXTENSIONS].sort(), [...all].sort());
  for (const f of FORMATS) assert.ok((f.signatures !== undefined) !== (f.zipFolder !== undefined));
});

test('kind from name follows the table; a name without a dot claims nothing', () => {
  assert.equal(kindFromName('a/b/Report.PDF'), 'pdf');
  assert.equal(kindFromName('macro.docm'), 'docx');
  assert.equal(kindFromName('macro.xlsm'), 'xlsx');
  assert.equal(kindFromName('scan.TIF'), 'image');
  assert.equal(kindFromName('photo.jpeg'), 'image');
  assert.equal(kindFromName('notes.txt'), 'unknown');
  assert.equal(kindFromName('pdf'), 'unknown');
  assert.equal(kindFromName('folder.pdf/readme'), 'unknown');
  assert.equal(kindFromName('.DS_Store'), 'unknown');
  assert.equal(extensionOf('.hidden.pdf'), 'pdf');
  for (const f of FORMATS)
    for (const ext of f.extensions) assert.equal(kindFromName(`x.${ext}`), f.kind);
});

test('signatures: PDF anywhere in the first 1 KB, BMP only with a full header', () => {
  const pdfAt = (junk: number) =>
    formatFromSignature(Buffer.concat([Buffer.alloc(junk, 0x20), Buffer.from('%PDF-1.7')]));
  assert.equal(pdfAt(0)?.label, 'PDF');
  assert.equal(pdfAt(1019)?.label, 'PDF');
  // Starting at byte 1020 the signature runs past the first 1024 bytes.
  assert.equal(pdfAt(1020), undefined);
  const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(24)]);
  assert.equal(formatFromSignature(bmp)?.label, 'BMP');
  assert.equal(formatFromSignature(bmp.subarray(0, 25)), undefined);
  assert.equal(formatFromSignature(Buffer.from([0x4d, 0x4d, 0x00, 0x2a]))?.mime, 'image/tiff');
  assert.equal(formatFromSignature(Buffer.from('PK\x03\x04word/')), undefined);
});

test('the CLI help and the messages name every format of the table', () => {
  assert.equal(SUPPORTED_FORMATS_TEXT, 'PDF, DOCX, XLSX, PNG, JPEG, TIFF and BMP');
  const helpLine = USAGE.split('\n').find((l) => l.startsWith('Turns every document'));
  for (const f of FORMATS) assert.ok(helpLine?.includes(f.label), `${f.label} missing from help`);
});
