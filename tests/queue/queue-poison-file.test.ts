// Files that kill what runs them are failed, not retried for ever: one that kills its worker
// process is taken over once after the stall and then failed WORKER_LOST; one that kills the
// child twice is CHILD_CRASH and one that kills pool threads WORKER_CRASH, as in a local run
// (the worker survives those). The other files of the batch are unharmed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slow } from '../support/pool-harness';
import {
  coordinatorArgs,
  queuedBatch,
  readReport,
  redisSkip,
  runCli,
  startRedis,
  startWorker,
  stopWorker,
  testQueue,
  type RunningProcess,
} from '../support/queue-harness';

/** A worker restarted whenever it dies, as systemd's Restart=always does. */
function supervised(url: string, name: string) {
  let current: Promise<RunningProcess>;
  let stopping = false;
  let starts = 0;
  const launch = () => {
    starts++;
    current = startWorker(url, `${name}-${starts}`);
    void current.then((worker) =>
      worker.exited.then(() => {
        if (!stopping && starts < 6) launch();
      }),
    );
  };
  launch();
  return {
    starts: () => starts,
    async stop() {
      stopping = true;
      await stopWorker(await current);
    },
  };
}

test(
  'poison files end failed with their code; the rest of the batch is done',
  { skip: redisSkip, timeout: 120_000 },
  async () => {
    const batch = queuedBatch({
      'good-1.fault-ok': slow(2, 100, 'first good file'),
      'good-2.fault-ok': slow(2, 100, 'second good file'),
      'good-3.fault-ok': slow(2, 100, 'third good file'),
      // Other bytes each: files with the same bytes are one job (duplicate-jobs.ts).
      'kills-worker.fault-kill-parent': 'worker',
      'kills-child.fault-kill-child': 'child',
      'kills-thread.fault-exit': 'thread',
    });
    const redis = await startRedis();
    const workers = [supervised(redis.url, 'a'), supervised(redis.url, 'b')];
    const coordinator = await runCli(coordinatorArgs(batch, redis.url));
    const end = await coordinator.exited;
    assert.equal(end.code, 0, end.stderr);
    const report = await readReport(batch.reportFile);
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(report.files.length, 6);
    for (const good of ['good-1.fault-ok', 'good-2.fault-ok', 'good-3.fault-ok']) {
      assert.equal(byPath.get(good)?.status, 'ok', good);
    }
    assert.equal(byPath.get('kills-worker.fault-kill-parent')?.status, 'failed');
    assert.equal(byPath.get('kills-worker.fault-kill-parent')?.code, 'WORKER_LOST');
    assert.equal(byPath.get('kills-child.fault-kill-child')?.code, 'CHILD_CRASH');
    assert.equal(byPath.get('kills-thread.fault-exit')?.code, 'WORKER_CRASH');
    // Killed twice: the first worker to take it and the one that took it over.
    assert.equal(
      workers.reduce((n, w) => n + w.starts(), 0),
      4,
    );
    const failed = await testQueue(redis.url).getJobs(['failed']);
    assert.deepEqual(
      failed.map((job) => job.data.rel),
      ['kills-worker.fault-kill-parent'],
    );
    await Promise.all(workers.map((w) => w.stop()));
  },
);
