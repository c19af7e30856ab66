// Ctrl-C on a coordinator ends it with exit code 130 and a complete report (files not done are
// skipped/CANCELLED), also when Redis has gone away meanwhile: nothing waits for it for ever.
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
  testQueue,
  waitFor,
} from '../support/queue-harness';

test(
  'Ctrl-C with Redis gone: exit 130 within seconds, every file in the report',
  { skip: redisSkip, timeout: 60_000 },
  async () => {
    // Other texts: files with the same bytes would be one job (duplicate-jobs.ts).
    const batch = queuedBatch({ 'a.fault-ok': slow(1, 10, 'a'), 'b.fault-ok': slow(1, 10, 'b') });
    const redis = await startRedis();
    const queue = testQueue(redis.url);
    // No worker: the jobs wait.
    const coordinator = await runCli(coordinatorArgs(batch, redis.url, { ocr: true }));
    await waitFor(
      async () => (await queue.getJobCounts('waiting')).waiting === 2,
      30_000,
      'two jobs queued',
    );
    await redis.stop();
    const stopped = Date.now();
    coordinator.process.kill('SIGINT');
    const end = await coordinator.exited;
    assert.equal(end.code, 130, end.stderr);
    assert.ok(Date.now() - stopped < 20_000, `took ${Date.now() - stopped} ms`);
    const report = await readReport(batch.reportFile);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.status, f.code]),
      [
        ['a.fault-ok', 'skipped', 'CANCELLED'],
        ['b.fault-ok', 'skipped', 'CANCELLED'],
      ],
    );
  },
);
