// A full disk under --out (issue 13): the file is failed/WRITE_FAILED naming the output path, not
// INTERNAL, and the batch goes on. The disk is a 16 KB tmpfs mounted for the test, so it needs
// root (as on the project's machines and CI); without the rights to mount, the test is skipped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { batchOptions, faultRunner, runBatch, tempFolder } from '../support/pool-harness';

// Outside the harness's temporary folders: they are removed before this file's own clean-up.
const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'folio-small-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mountPoint], {
    stdio: 'ignore',
  });
  mounted = true;
} catch {
  // Not root, or no mount in this sandbox: skipped below, saying so.
}

const runnerPromise = faultRunner();
after(async () => {
  await (await runnerPromise).dispose();
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

test(
  'an output that does not fit is WRITE_FAILED with its path; the next file is still written',
  { skip: mounted ? false : 'cannot mount a small tmpfs here (needs root)' },
  async () => {
    const runner = await runnerPromise;
    const input = tempFolder({
      'big.fault-ok': 'large text '.repeat(4000),
      'small.fault-ok': 'fits',
    });
    const batch = batchOptions(input, { outDir: mountPoint, workers: 1 });
    const run = await runBatch(runner, input, batch);
    const big = run.byPath.get('big.fault-ok')!;
    assert.equal(big.status, 'failed');
    assert.equal(big.code, 'WRITE_FAILED');
    assert.equal(
      big.message,
      `${path.join(mountPoint, 'big.fault-ok.md')} could not be written: the disk is full.`,
    );
    assert.equal(run.byPath.get('small.fault-ok')!.status, 'ok');
  },
);
