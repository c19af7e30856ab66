// A runaway heap, by fault injection: per-thread resourceLimits stop it; the file fails
// OUT_OF_MEMORY, its thread is replaced, and the child (and the batch) survive.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { batchOptions, faultRunner, runBatch, tempFolder } from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

test('a file that allocates without bound fails OUT_OF_MEMORY; the rest of the batch is fine', async () => {
  const input = tempFolder({ 'hog.fault-alloc': 'x', 'after.fault-ok': 'still here' });
  const run = await runBatch(
    await runnerPromise,
    input,
    // 128 MB → 64 MB of heap per thread: reached in seconds. The no-progress timeout is long
    // so only the memory cap can stop it.
    batchOptions(input, { workers: 1, memoryLimitMb: 128, fileTimeoutSeconds: 60 }),
  );
  const hog = run.byPath.get('hog.fault-alloc');
  assert.equal(hog?.status, 'failed');
  assert.equal(hog?.code, 'OUT_OF_MEMORY', JSON.stringify(hog));
  assert.equal(run.byPath.get('after.fault-ok')?.status, 'ok');
});
