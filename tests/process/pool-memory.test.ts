// The memory governor: above the soft limit no new task starts until RSS falls; above the hard
// limit concurrency drops and threads are asked to release memory; calm brings workers back.
// First as a pure state machine, then inside a batch with a scripted RSS, then for real.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ChildToParent } from '../../src/shared/protocol';
import { defaultBatchOptions } from '../../src/shared/options';
import { BatchRun } from '../../src/workers/child/batch-run';
import { affordableWorkers, MemoryGovernor } from '../../src/workers/child/memory-governor';
import type { TaskRunner } from '../../src/workers/child/piscina-runner';
import {
  batchOptions,
  faultRunner,
  noOcr,
  runBatch,
  slow,
  tempFolder,
} from '../support/pool-harness';
import { isFaultFile } from '../support/faults/faults';

test('governor: soft limit blocks new starts (but never the only one), hard limit shrinks', () => {
  const g = new MemoryGovernor(4, 1000);
  g.sample(500, 0);
  assert.equal(g.mayStart(3), true);
  assert.deepEqual(
    g.sample(850, 100),
    { release: true, changed: false },
    'soft: release, no shrink',
  );
  assert.equal(g.mayStart(1), false);
  assert.equal(g.mayStart(0), true, 'with nothing running one task may always start');
  const shrink = g.sample(1100, 200);
  assert.deepEqual(shrink, { release: true, changed: true });
  assert.equal(g.concurrency, 3);
  assert.equal(g.sample(1100, 300).changed, false, 'one shrink per cooldown');
  g.sample(1100, 2300);
  assert.equal(g.concurrency, 2);
  // Calm for 5 s (below 85% of the soft limit) brings one worker back.
  g.sample(300, 3000);
  g.sample(300, 7999);
  assert.equal(g.concurrency, 2);
  assert.equal(g.sample(300, 8000).changed, true);
  assert.equal(g.concurrency, 3);
});

test('governor: a small budget starts with fewer busy workers (1024 MB → 2, 512 MB → 1)', () => {
  assert.equal(affordableWorkers(1024), 2);
  assert.equal(affordableWorkers(512), 1);
  assert.equal(affordableWorkers(100), 1, 'never zero');
  const g = new MemoryGovernor(2, 512);
  g.startWith(affordableWorkers(512));
  g.sample(200, 0);
  assert.equal(g.concurrency, 1);
  assert.equal(g.mayStart(1), false);
  g.sample(200, 5000);
  g.sample(200, 10000);
  assert.equal(g.concurrency, 1, 'no room for a second busy worker in 512 MB: stays at one');
  const big = new MemoryGovernor(2, 1024);
  big.startWith(1);
  big.sample(300, 0);
  big.sample(300, 5000);
  assert.equal(big.concurrency, 2, 'with room for one more, a calm spell adds it back');
});

/** A fake pool whose tasks take `ms`, recording how many ran at once. */
function fakeRunner(ms: number) {
  const state = { running: 0, peak: 0, releases: 0, startsWhileHigh: 0, high: false };
  const runner: TaskRunner = {
    async run(task, { onProgress }) {
      state.running++;
      if (state.high && state.running > 1) state.startsWhileHigh++;
      state.peak = Math.max(state.peak, state.running);
      onProgress({});
      await new Promise((resolve) => setTimeout(resolve, ms));
      state.running--;
      if (task.type === 'probe') return { type: 'probed', probe: null };
      return {
        type: 'written',
        outcome: { kind: 'pdf', status: 'ok', pages: 1, ocrPages: 0, chars: 1 },
      };
    },
    releaseMemory: () => {
      state.releases++;
    },
    destroy: async () => undefined,
  };
  return { runner, state };
}

test('in a batch: while RSS is above the soft limit tasks run one at a time', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`f${i}.fault-ok`] = `${i}`;
  const input = tempFolder(files);
  const { runner, state } = fakeRunner(300);
  let rss = 900; // soft limit of 1000 MB is 800
  state.high = true;
  const logs: string[] = [];
  setTimeout(() => {
    rss = 100;
    state.high = false;
  }, 1400);
  const run = new BatchRun(
    {
      type: 'start',
      batchId: 'b',
      input,
      batch: { ...batchOptions(input), workers: 2, memoryLimitMb: 1000, cache: false },
      extract: noOcr,
    },
    {
      emit: (m: ChildToParent) => {
        if (m.type === 'log') logs.push(m.message);
      },
      createRunner: () => runner,
      acceptName: isFaultFile,
      rssMb: () => rss,
    },
  );
  const report = await run.run();
  assert.equal(report.totals.ok, 6);
  assert.equal(state.startsWhileHigh, 0, 'no second task started above the soft limit');
  assert.equal(state.peak, 2, 'both workers used once memory fell');
});

test('in a batch: above the hard limit concurrency drops and threads release memory', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++) files[`f${i}.fault-ok`] = `${i}`;
  const input = tempFolder(files);
  const { runner, state } = fakeRunner(400);
  const samples: number[] = [];
  const logs: string[] = [];
  const run = new BatchRun(
    {
      type: 'start',
      batchId: 'b',
      input,
      // 900 MB affords two busy workers at the start (affordableWorkers), so the drop is seen.
      batch: { ...defaultBatchOptions, ...batchOptions(input), workers: 2, memoryLimitMb: 900 },
      extract: noOcr,
    },
    {
      emit: (m: ChildToParent) => {
        if (m.type === 'stats') samples.push(m.sample.workers);
        if (m.type === 'log') logs.push(m.message);
      },
      createRunner: () => runner,
      acceptName: isFaultFile,
      rssMb: () => 1000,
    },
  );
  await run.run();
  assert.ok(state.releases >= 1, 'threads were asked to release memory');
  assert.equal(samples.at(-1), 1, 'concurrency dropped to one worker');
  assert.ok(
    logs.some((m) => /concurrency now 1/.test(m)),
    logs.join('\n'),
  );
});

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
