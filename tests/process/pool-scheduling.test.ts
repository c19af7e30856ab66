// Scheduling through a real child and pool: --workers 1 is sequential, more workers run files at
// once. (Defaults, biggest-first order and page-range splitting are unit tests:
// tests/unit/workers/child/locations.test.ts and batch-run.test.ts.)
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { batchOptions, faultRunner, runBatch, slow, tempFolder } from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

function maxOverlap(events: { type: string }[]): number {
  let inFlight = 0;
  let peak = 0;
  for (const event of events) {
    inFlight += event.type === 'started' ? 1 : -1;
    peak = Math.max(peak, inFlight);
  }
  return peak;
}

test('--workers 1 runs files one after another; 2 workers run them at once', async () => {
  const files: Record<string, string> = {};
  // Each its own text: files with the same bytes would be extracted once, one after the other.
  for (let i = 0; i < 4; i++) files[`s${i}.fault-slow-progress`] = slow(3, 150, `slow ${i}`);
  const input = tempFolder(files);
  const runner = await runnerPromise;
  const one = await runBatch(runner, input, batchOptions(input, { workers: 1, cache: false }));
  assert.equal(one.report.totals.ok, 4);
  assert.equal(one.report.workers, 1);
  assert.equal(maxOverlap(one.events), 1);
  const two = await runBatch(runner, input, batchOptions(input, { workers: 2, cache: false }));
  assert.equal(two.report.totals.ok, 4);
  assert.equal(two.report.workers, 2);
  assert.equal(maxOverlap(two.events), 2);
});
