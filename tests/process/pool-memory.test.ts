// The memory governor for real: a memory limit below the child's baseline makes the pool
// sequential. (The governor's state machine and its use inside a batch are unit tests:
// tests/unit/workers/child/memory-governor.test.ts and batch-run.test.ts.)
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { batchOptions, faultRunner, runBatch, slow, tempFolder } from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

test('for real: a memory limit below the child baseline makes the pool sequential', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++) files[`s${i}.fault-slow-progress`] = slow(3, 100);
  const input = tempFolder(files);
  const run = await runBatch(
    await runnerPromise,
    input,
    batchOptions(input, { workers: 2, memoryLimitMb: 40 }),
  );
  assert.equal(run.report.totals.ok, 4);
  // Sequential: every start comes after the previous file is done.
  let inFlight = 0;
  for (const event of run.events) {
    if (event.type === 'started') inFlight++;
    else inFlight--;
    assert.ok(inFlight <= 1, 'two files ran at once above the memory limit');
  }
});
