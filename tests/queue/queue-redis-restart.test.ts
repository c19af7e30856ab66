// Redis restarting in the middle of a batch (with its append-only file, as docs/scaling.md asks):
// the coordinator and the workers reconnect by themselves and the batch completes, every file
// reported once and run as exactly one job.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  coordinatorArgs,
  queuedBatch,
  readReport,
  redisSkip,
  runCli,
  slowDocuments,
  startRedis,
  startWorker,
  stopWorker,
  testQueue,
  waitFor,
} from '../support/queue-harness';

test(
  'Redis restarts mid-batch: everyone reconnects and the batch completes',
  { skip: redisSkip, timeout: 90_000 },
  async () => {
    const batch = queuedBatch(slowDocuments(8, 6));
    const redis = await startRedis({ durable: true });
    const queue = testQueue(redis.url);
    // A lock longer than the outage: this test is about reconnecting, not about stalls.
    const workers = await Promise.all(
      ['a', 'b'].map((name) => startWorker(redis.url, name, ['--stall-s', '15'])),
    );
    const coordinator = await runCli(coordinatorArgs(batch, redis.url));
    await waitFor(
      async () => (await queue.getJobCounts('completed')).completed >= 2,
      30_000,
      'two files done',
    );
    const before = await queue.getJobCounts('completed');
    assert.ok(before.completed < 8, 'the restart must come in the middle of the batch');
    await redis.restart(1500);

    const end = await coordinator.exited;
    const counts = await queue.getJobCounts('completed', 'failed');
    await Promise.all(workers.map(stopWorker));
    // Should it fail (it did once, under a load of 8, not since), everyone's log says why.
    const logs = await Promise.all(
      workers.map(async (w) => {
        const { stdout, stderr } = await w.exited;
        return stdout + stderr;
      }),
    );
    const context = `coordinator:\n${end.stdout}${end.stderr}\nworkers:\n${logs.join('\n--\n')}`;
    assert.equal(end.code, 0, context);
    const report = await readReport(batch.reportFile);
    assert.equal(new Set(report.files.map((f) => f.path)).size, 8, context);
    assert.equal(report.files.length, 8, context);
    assert.ok(
      report.files.every((f) => f.status === 'ok'),
      `${JSON.stringify(report.files)}\n${context}`,
    );
    assert.deepEqual(counts, { completed: 8, failed: 0 }, context);
  },
);
