// Two inputs whose output names differ only in case (one would overwrite the other on a
// case-insensitive disk): a worker sees one file at a time, so it names each as the planner named
// it from the whole folder's walk, and the queued outputs carry a local run's names.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  coordinatorArgs,
  outputsOf,
  queuedBatch,
  readReport,
  redisSkip,
  runCli,
  startRedis,
  startWorkers,
  stopWorker,
  testQueue,
} from '../support/queue-harness';

test(
  'clashing output names: queued outputs have the names and bytes of a local run',
  { skip: redisSkip, timeout: 90_000 },
  async () => {
    const batch = queuedBatch({
      'Report.fault-ok': 'The first report, about the warehouse lease.',
      'report.fault-ok': 'The second report, about the payroll audit.',
    });
    const localOut = path.join(path.dirname(batch.input), 'local');
    const local = await runCli(['extract', batch.input, '--out', localOut, '--quiet']);
    assert.equal((await local.exited).code, 0);
    const localOutputs = await outputsOf(localOut);
    // The premise: locally one of the two names takes a ~hash suffix.
    assert.equal(
      [...localOutputs.keys()].filter((name) => /~[0-9a-f]+\.md$/.test(name)).length,
      1,
      [...localOutputs.keys()].join(', '),
    );

    const redis = await startRedis();
    const workers = await startWorkers(redis.url, testQueue(redis.url), ['w1']);
    const end = await (await runCli(coordinatorArgs(batch, redis.url))).exited;
    assert.equal(end.code, 0, end.stderr);
    const queuedOutputs = await outputsOf(batch.out);
    assert.deepEqual([...queuedOutputs.keys()].sort(), [...localOutputs.keys()].sort());
    for (const [name, bytes] of localOutputs) {
      assert.ok(queuedOutputs.get(name)?.equals(bytes), `${name} differs from the local run's`);
    }
    const report = await readReport(batch.reportFile);
    for (const file of report.files) {
      assert.ok(file.output && queuedOutputs.has(path.relative(batch.out, file.output)));
    }
    await Promise.all(workers.map(stopWorker));
  },
);
