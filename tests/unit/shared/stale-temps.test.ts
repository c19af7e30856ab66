// Temporary files of interrupted writes are removed: by pid, recursively, ours only.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { processAlive, removeTempFiles, tempFilePid } from '../../../src/shared/stale-temps';
import { tempFolder } from '../../support/pool-harness';

test('temporary names carry the pid of their writer', () => {
  assert.equal(tempFilePid('.report.pdf.md.4242.0a1b2c3d.tmp'), 4242);
  assert.equal(tempFilePid('report.pdf.md'), undefined);
  assert.equal(tempFilePid('.notes.tmp'), undefined);
});

test('the stale ones are removed, in subfolders too; the rest stays', async () => {
  const dir = tempFolder({
    'a.pdf.md': 'done',
    '.a.pdf.md.111.deadbeef.tmp': 'half',
    'sub/.b.pdf.md.222.cafebabe.tmp': 'half',
    'sub/.c.pdf.md.333.01234567.tmp': 'writing now',
  });
  const removed = await removeTempFiles(dir, (pid) => pid !== 333);
  assert.equal(removed.length, 2);
  assert.ok(existsSync(path.join(dir, 'a.pdf.md')));
  assert.ok(existsSync(path.join(dir, 'sub', '.c.pdf.md.333.01234567.tmp')));
  assert.deepEqual(await removeTempFiles(path.join(dir, 'missing'), () => true), []);
});

test('this process is alive; a pid past the system maximum is not', () => {
  assert.equal(processAlive(process.pid), true);
  assert.equal(processAlive(2 ** 22 + 12345), false);
});
