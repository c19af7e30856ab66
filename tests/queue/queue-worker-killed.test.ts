// kill -9 of a queue worker in the middle of a file: BullMQ's stall check hands its job to the
// other worker, and the batch ends with every file reported once, every output written, and
// exactly one completed job per file (nothing lost, nothing run as two jobs).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
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
  'a worker killed mid-file: its job is taken over, nothing lost or duplicated',
  { skip: redisSkip, timeout: 90_000 },
  async () => {
    // About 2 s each: long enough to be killed in the middle of one.
    const batch = queuedBatch(slowDocuments(6, 10));
    const redis = await startRedis();
    const queue = testQueue(redis.url);
    const doomed = await startWorker(redis.url, 'doomed');
    const survivor = await startWorker(redis.url, 'survivor');
    const coordinator = await runCli(coordinatorArgs(batch, redis.url));

    let killedJob: string | undefined;
    await waitFor(
      async () => {
        const active = await queue.getActive();
        killedJob = active.find((job) => job.processedBy === 'doomed')?.data.rel;
        return killedJob !== undefined;
      },
      30_000,
      'the doomed worker to take a job',
    );
    doomed.kill9();

    const end = await coordinator.exited;
    assert.equal(end.code, 0, end.stderr);
    const report = await readReport(batch.reportFile);
    assert.equal(report.files.length, 6);
    assert.deepEqual(new Set(report.files.map((f) => f.path)).size, 6);
    assert.ok(
      report.files.every((f) => f.status === 'ok'),
      JSON.stringify(report.files),
    );
    for (const file of report.files) assert.ok(file.output && existsSync(file.output), file.path);
    const counts = await queue.getJobCounts('completed', 'failed', 'active', 'waiting');
    assert.deepEqual(counts, { completed: 6, failed: 0, active: 0, waiting: 0 });
    // The killed worker's file was finished by the survivor, after one stall.
    const jobs = await queue.getJobs(['completed']);
    const taken = jobs.find((job) => job.data.rel === killedJob);
    assert.equal(taken?.processedBy, 'survivor');
    assert.equal(taken?.stalledCounter, 1);
    await stopWorker(survivor);
  },
);
