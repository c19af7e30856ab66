// No-progress timeout and total cap, by fault injection: a hung file is aborted (its thread
// replaced, the batch goes on), a slow file that keeps reporting progress is not.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { batchOptions, faultRunner, runBatch, slow, tempFolder } from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

test('a hung file fails TIMEOUT after the no-progress timeout; the others finish', async () => {
  const input = tempFolder({
    'stuck.fault-hang': 'x',
    'next.fault-ok': 'after the hang',
    'also.fault-ok': 'fine',
  });
  const run = await runBatch(
    await runnerPromise,
    input,
    batchOptions(input, { workers: 1, fileTimeoutSeconds: 1 }),
  );
  const stuck = run.byPath.get('stuck.fault-hang');
  assert.equal(stuck?.status, 'failed');
  assert.equal(stuck?.code, 'TIMEOUT');
  assert.match(stuck?.message ?? '', /No progress for 1 s/);
  assert.ok((stuck?.ms ?? 0) >= 1000, `aborted too early: ${stuck?.ms} ms`);
  // With one worker the hung thread had to be replaced for these to run at all.
  assert.equal(run.byPath.get('next.fault-ok')?.status, 'ok');
  assert.equal(run.byPath.get('also.fault-ok')?.status, 'ok');
});

test('a long file that keeps making progress is not killed for being long', async () => {
  // 8 heartbeats 300 ms apart: 2.4 s in all, more than twice the 1 s no-progress timeout.
  const input = tempFolder({ 'long-scan.fault-slow-progress': slow(8, 300, 'forty pages later') });
  const run = await runBatch(
    await runnerPromise,
    input,
    batchOptions(input, { fileTimeoutSeconds: 1 }),
  );
  const file = run.byPath.get('long-scan.fault-slow-progress');
  assert.equal(file?.status, 'ok', JSON.stringify(file));
  assert.equal(file?.pages, 8);
  assert.ok((file?.ms ?? 0) >= 2400);
});

test('the total cap per file still applies to a file that makes progress', async () => {
  const input = tempFolder({ 'endless.fault-slow-progress': slow(100, 200) });
  const run = await runBatch(
    await runnerPromise,
    input,
    batchOptions(input, { fileTimeoutSeconds: 1, fileTotalCapSeconds: 1.5 }),
  );
  const file = run.byPath.get('endless.fault-slow-progress');
  assert.equal(file?.code, 'TIMEOUT');
  assert.match(file?.message ?? '', /total time/);
});
