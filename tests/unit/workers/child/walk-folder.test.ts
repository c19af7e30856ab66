// Walking the input folder: every file accounted for (to extract or skipped with a code), hidden
// and output folders left out, globs applied, symlinks handled without ever hanging.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FORMATS } from '../../../../src/shared/formats';
import { walkFolder, type WalkEntry } from '../../../../src/workers/child/walk-folder';
import { tempFolder } from '../../../support/pool-harness';

const base = { include: ['**/*'], exclude: [], followSymlinks: false, skipDirs: [] };

function summary(entries: WalkEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [e.rel, e.type === 'file' ? 'file' : e.code]));
}

test('recursive, sorted, hidden folders skipped, hidden files and unsupported types reported', async () => {
  const input = tempFolder({
    'b.pdf': 'x',
    'a.docx': 'x',
    'notes.txt': 'x',
    README: 'x',
    'deep/er/c.XLSX': 'x',
    'deep/photo.jpeg': 'x',
    '.git/config.pdf': 'x',
    '.DS_Store': 'x',
    '.hidden-statement.pdf': 'x',
  });
  const entries = await walkFolder(input, base);
  assert.deepEqual(summary(entries), {
    '.DS_Store': 'UNSUPPORTED_TYPE',
    '.hidden-statement.pdf': 'file',
    README: 'UNSUPPORTED_TYPE',
    'a.docx': 'file',
    'b.pdf': 'file',
    'notes.txt': 'UNSUPPORTED_TYPE',
    'deep/photo.jpeg': 'file',
    'deep/er/c.XLSX': 'file',
  });
  const txt = entries.find((e) => e.rel === 'notes.txt');
  assert.match(txt?.type === 'skipped' ? txt.message : '', /not a supported document type/i);
});

test('every extension of the formats table is walked; the skip message names every format', async () => {
  const files: Record<string, string> = { pdf: 'x', 'archive.zip': 'x' };
  for (const format of FORMATS)
    for (const ext of format.extensions) files[`${format.label}-file.${ext}`] = 'x';
  const entries = await walkFolder(tempFolder(files), base);
  for (const entry of entries) {
    const supported = entry.rel !== 'pdf' && entry.rel !== 'archive.zip';
    assert.equal(entry.type, supported ? 'file' : 'skipped', entry.rel);
  }
  const skipped = entries.find((e) => e.rel === 'pdf');
  for (const format of FORMATS)
    assert.ok(skipped?.type === 'skipped' && skipped.message.includes(format.label), format.label);
});

test('acceptName adds names besides the supported types; without it they are unsupported', async () => {
  const input = tempFolder({ 'a.pdf': 'x', 'b.fault-ok': 'x', 'c.txt': 'x' });
  assert.deepEqual(summary(await walkFolder(input, base)), {
    'a.pdf': 'file',
    'b.fault-ok': 'UNSUPPORTED_TYPE',
    'c.txt': 'UNSUPPORTED_TYPE',
  });
  const acceptName = (name: string) => name.endsWith('.fault-ok');
  assert.deepEqual(summary(await walkFolder(input, { ...base, acceptName })), {
    'a.pdf': 'file',
    'b.fault-ok': 'file',
    'c.txt': 'UNSUPPORTED_TYPE',
  });
});

test('the output folder inside the input is not walked; include/exclude globs apply', async () => {
  const input = tempFolder({
    'keep/a.pdf': 'x',
    'drop/b.pdf': 'x',
    'out/c.pdf.md': 'x',
    'd.docx': 'x',
  });
  const entries = await walkFolder(input, {
    ...base,
    exclude: ['drop/**'],
    include: ['**/*.pdf', '**/*.md'],
    skipDirs: [path.join(input, 'out')],
  });
  assert.deepEqual(summary(entries), { 'keep/a.pdf': 'file' });
});

test('symlinks: inside followed, outside skipped unless asked, loops and broken links reported', async () => {
  const input = tempFolder({ 'real/a.pdf': 'x' });
  const outside = tempFolder({ 'secret.pdf': 'x' });
  symlinkSync(path.join(input, 'real', 'a.pdf'), path.join(input, 'alias.pdf'));
  symlinkSync(path.join(outside, 'secret.pdf'), path.join(input, 'escape.pdf'));
  symlinkSync(outside, path.join(input, 'escape-dir'));
  symlinkSync(input, path.join(input, 'real', 'loop'));
  symlinkSync('self-a', path.join(input, 'self-b'));
  symlinkSync('self-b', path.join(input, 'self-a'));
  symlinkSync('missing.pdf', path.join(input, 'broken.pdf'));
  const entries = await walkFolder(input, base);
  assert.deepEqual(summary(entries), {
    'alias.pdf': 'file',
    'broken.pdf': 'UNREADABLE',
    'escape-dir': 'SYMLINK_OUTSIDE',
    'escape.pdf': 'SYMLINK_OUTSIDE',
    'self-a': 'SYMLINK_LOOP',
    'self-b': 'SYMLINK_LOOP',
    'real/a.pdf': 'file',
    'real/loop': 'SYMLINK_LOOP',
  });
  const followed = summary(await walkFolder(input, { ...base, followSymlinks: true }));
  assert.equal(followed['escape.pdf'], 'file');
  assert.equal(followed['escape-dir/secret.pdf'], 'file');
  assert.equal(followed['real/loop'], 'SYMLINK_LOOP');
});

test('non-UTF-8 names keep their raw bytes; FIFOs are never opened', async () => {
  const input = tempFolder({});
  const raw = Buffer.concat([
    Buffer.from(input + '/caf'),
    Buffer.from([0xe9]),
    Buffer.from('.pdf'),
  ]);
  writeFileSync(raw, 'x');
  execFileSync('mkfifo', [path.join(input, 'pipe.pdf')]);
  mkdirSync(path.join(input, 'empty'));
  const entries = await walkFolder(input, base);
  const file = entries.find((e) => e.rel.startsWith('caf'));
  assert.equal(file?.type, 'file');
  assert.equal(file?.rel, 'caf\ufffd.pdf');
  assert.ok(file?.type === 'file' && file.raw?.equals(raw));
  assert.equal(summary(entries)['pipe.pdf'], 'UNSUPPORTED_TYPE');
});

test('the root itself must be readable', async () => {
  await assert.rejects(walkFolder('/nonexistent/folio', base), /ENOENT/);
});
