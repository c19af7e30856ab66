// The coordinator dying (kill -9) while workers run its jobs: the same command again resumes. Files
// finished meanwhile come from the cache, the rest are the jobs already on the queue (same ids),
// so every file is reported once and extracted once.
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
  'rerunning after the coordinator died resumes without running any file twice',
  { skip: redisSkip, timeout: 90_000 },
  async () => {
    const batch = queuedBatch(slowDocuments(8, 5));
    const redis = await startRedis();
    const queue = testQueue(redis.url);
    const worker = await startWorker(redis.url, 'only');
    const args = coordinatorArgs(batch, redis.url);
    const first = await runCli(args);
    await waitFor(
      async () => (await queue.getJobCounts('completed')).completed >= 2,
      30_000,
      'two files done',
    );
    first.kill9();
    await first.exited;

    const second = await runCli(args);
    const end = await second.exited;
    assert.equal(end.code, 0, end.stderr);
    const report = await readReport(batch.reportFile);
    assert.equal(report.files.length, 8);
    assert.equal(new Set(report.files.map((f) => f.path)).size, 8);
    assert.ok(
      report.files.every((f) => f.status === 'ok'),
      JSON.stringify(report.files),
    );
    assert.ok(
      report.files.filter((f) => f.cached).length >= 2,
      'files done before the rerun are cached',
    );
    // One job per file, each run once: the rerun added none and none ran again.
    const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active']);
    assert.equal(jobs.length, 8);
    assert.ok(
      jobs.every((job) => job.finishedOn && job.attemptsMade === 1 && job.stalledCounter === 0),
      JSON.stringify(jobs.map((j) => [j.attemptsMade, j.stalledCounter])),
    );
    await stopWorker(worker);
  },
);
