// Cancellation: the batch stops within 2 s and the report still lists every file, the unfinished
// ones skipped with CANCELLED.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  batchOptions,
  faultRunner,
  noOcr,
  pathsOnce,
  runBatch,
  slow,
  tempFolder,
} from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

test('cancel stops within 2 s; every file is reported, unfinished ones CANCELLED', async () => {
  const runner = await runnerPromise;
  const files: Record<string, string> = { 'quick.fault-ok': 'quick', 'stuck.fault-hang': 'x' };
  for (let i = 0; i < 6; i++) files[`slow-${i}.fault-slow-progress`] = slow(50, 200);
  const input = tempFolder(files);
  let cancelledAt = 0;
  const run = await runBatch(
    runner,
    input,
    batchOptions(input, { fileTimeoutSeconds: 30 }),
    undefined,
    {
      onFileStarted: () => {
        if (cancelledAt === 0) {
          // Let the pool get busy, then cancel.
          setTimeout(() => {
            cancelledAt = Date.now();
            runner.cancel();
          }, 500);
          cancelledAt = -1;
        }
      },
    },
  );
  const stoppedIn = Date.now() - cancelledAt;
  assert.ok(stoppedIn < 2000, `took ${stoppedIn} ms to stop`);
  assert.ok(pathsOnce(run.report));
  assert.equal(run.report.totals.files, 8);
  const cancelled = run.report.files.filter((f) => f.code === 'CANCELLED');
  assert.ok(cancelled.length >= 6, JSON.stringify(run.report.files));
  for (const file of cancelled) assert.equal(file.status, 'skipped');
});

test('the runner is usable again after a cancelled batch', async () => {
  const input = tempFolder({ 'again.fault-ok': 'again' });
  const run = await runBatch(await runnerPromise, input, batchOptions(input));
  assert.equal(run.byPath.get('again.fault-ok')?.status, 'ok');
});

test('dispose during a batch ends it as cancelled, without restarting the child', async () => {
  const runner = await faultRunner();
  const input = tempFolder({
    'a.fault-slow-progress': slow(50, 100),
    'b.fault-slow-progress': slow(50, 100),
  });
  let onStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const pending = runBatch(runner, input, batchOptions(input), undefined, {
    onFileStarted: () => onStarted(),
  });
  await started;
  await runner.dispose();
  const run = await pending;
  assert.ok(pathsOnce(run.report));
  assert.ok(
    run.report.files.every((f) => f.code === 'CANCELLED'),
    JSON.stringify(run.report.files),
  );
  assert.equal(runner.childPid, undefined, 'no child was started again');
  await assert.rejects(
    runner.run({ input, batch: batchOptions(input), extract: noOcr }),
    /disposed/,
  );
});
