// The package as mammoth sees it: parts replaced or hidden, text decoded as mammoth's own reader.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { packageSource } from '../../../../../src/workers/extractors/docx/mammoth-source';
import { ZipPackage } from '../../../../../src/workers/zip/zip-package';
import { writeZip } from '../../../../support/zip-builder';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-mammoth-source-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('replaced parts are served, hidden ones do not exist, a BOM is dropped from text', async () => {
  const file = writeZip(path.join(dir, 'p.docx'), [
    { name: 'word/document.xml', content: '<old/>' },
    { name: 'word/comments.xml', content: '<c/>' },
    { name: 'word/styles.xml', content: Buffer.from('\uFEFF<styles/>', 'utf8') },
  ]);
  const pkg = await ZipPackage.open(file);
  try {
    const source = packageSource(pkg, {
      replaced: new Map([['word/document.xml', '<new/>']]),
      hidden: new Set(['word/comments.xml']),
      maxPartBytes: 1024,
    });
    assert.equal(await source.read('word/document.xml', 'utf-8'), '<new/>');
    assert.equal(source.exists('word/comments.xml'), false);
    await assert.rejects(source.read('word/comments.xml', 'utf-8'));
    assert.equal(await source.read('word/styles.xml', 'utf-8'), '<styles/>');
    const bytes = await source.read('word/styles.xml');
    assert.ok(bytes instanceof Uint8Array && bytes[0] === 0xef, 'bytes are served as stored');
    assert.equal(source.exists('word/numbering.xml'), false);
  } finally {
    pkg.close();
  }
});
