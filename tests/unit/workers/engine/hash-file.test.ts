import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sha256OfFile } from '../../../../src/workers/engine/hash-file';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-hash-'));

test('the hash of a regular file is its sha256', async () => {
  const file = path.join(dir, 'a.pdf');
  writeFileSync(file, 'hello world');
  assert.equal(await sha256OfFile(file), createHash('sha256').update('hello world').digest('hex'));
});

test('a FIFO in place of a file is refused at once instead of blocking on open', async (t) => {
  const fifo = path.join(dir, 'swapped.pdf');
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    t.skip('mkfifo is not available on this system');
    return;
  }
  await assert.rejects(sha256OfFile(fifo), { code: 'ENOTFILE' });
});
