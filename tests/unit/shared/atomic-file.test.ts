import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic } from '../../../src/shared/atomic-file';
import { type FolioError, writeFailed } from '../../../src/shared/errors';
import { tempFolder } from '../../support/pool-harness';

test('atomic writes leave no temporary files behind', async () => {
  const dir = tempFolder({});
  const target = path.join(dir, 'deep', 'out.md');
  await writeFileAtomic(target, 'one');
  await writeFileAtomic(target, 'two');
  assert.equal(readFileSync(target, 'utf8'), 'two');
  assert.deepEqual(readdirSync(path.dirname(target)), ['out.md']);
});

test('a write that fails is WRITE_FAILED naming the path, not INTERNAL', async () => {
  const dir = tempFolder({ 'a-file': 'x' });
  // The parent of the target is a file: the system refuses (ENOTDIR), as it would a full disk.
  const target = path.join(dir, 'a-file', 'out.md');
  await assert.rejects(writeFileAtomic(target, 'text'), (error: FolioError) => {
    assert.equal(error.code, 'WRITE_FAILED');
    assert.ok(error.message.startsWith(`${target} could not be written`), error.message);
    return true;
  });
  assert.deepEqual(readdirSync(dir), ['a-file'], 'no temporary file left');
});

test('a full disk reads as such', () => {
  const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
  });
  const error = writeFailed('/out/report.pdf.md', enospc);
  assert.equal(error.code, 'WRITE_FAILED');
  assert.equal(error.message, '/out/report.pdf.md could not be written: the disk is full.');
  assert.equal(error.cause, enospc);
});
