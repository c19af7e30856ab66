// Zip bombs in Office clothing are refused from their directory or stopped at their declared
// size, without inflating gigabytes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { defaultExtractOptions } from '../../../../src/shared/options';
import { extractFile } from '../../../../src/workers/extractors/extract-file';
import { minimalDocxParts, writeZip, zeroBomb } from '../../../support/zip-builder';
import { failure } from '../../../support/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { options: defaultExtractOptions };
const GB = 1024 ** 3;

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
