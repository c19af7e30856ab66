// Worker-thread crashes, by fault injection: a thread that exits is replaced and its file retried
// once, then reported WORKER_CRASH; a file that throws fails on its own without killing anything.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  batchOptions,
  faultRunner,
  pathsOnce,
  runBatch,
  tempFolder,
} from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

test('a thread that dies twice on a file: WORKER_CRASH after 2 attempts; the batch goes on', async () => {
  // Contents differ: files with the same bytes are one extraction (the later waits for the first).
  const input = tempFolder({
    'dies.fault-exit': 'x',
    'dies-once.fault-exit-once': 'recovered',
    'throws.fault-throw': 'thrown',
    'fine.fault-ok': 'fine',
  });
  const run = await runBatch(await runnerPromise, input, batchOptions(input));
  assert.ok(pathsOnce(run.report));

  const dies = run.byPath.get('dies.fault-exit');
  assert.equal(dies?.status, 'failed');
  assert.equal(dies?.code, 'WORKER_CRASH');
  assert.equal(dies?.attempts, 2);
  const attempts = run.events.filter((e) => e.type === 'started' && e.path === 'dies.fault-exit');
  assert.deepEqual(
    attempts.map((e) => e.attempt),
    [1, 2],
  );

  const once = run.byPath.get('dies-once.fault-exit-once');
  assert.equal(once?.status, 'ok');
  assert.equal(once?.attempts, 2);

  // A thrown error is the file's failure, not a crash: no retry.
  const throws = run.byPath.get('throws.fault-throw');
  assert.equal(throws?.status, 'failed');
  assert.equal(throws?.code, 'INTERNAL');
  assert.match(throws?.message ?? '', /injected fault/);
  assert.equal(throws?.attempts, 1);

  assert.equal(run.byPath.get('fine.fault-ok')?.status, 'ok');
});
