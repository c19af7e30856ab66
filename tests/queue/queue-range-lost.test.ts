// A page range whose workers die twice (kill -9 of the worker running it, then of the one that
// took it over): BullMQ fails the range on its second stall, the merge still runs (on a third
// worker) and the file ends failed WORKER_LOST naming those pages, as a failed range fails the
// file locally; nothing is written for it, the other ranges are not run again, and their stored
// raw documents stay in the cache for the rerun.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { FolioJobData } from '../../src/queue/job-data';
import { pagesLabel } from '../../src/shared/file-part';
import {
  longScanRanges,
  readReport,
  redisSkip,
  runCli,
  startWorker,
  startWorkers,
  stopWorker,
  waitFor,
} from '../support/queue-harness';

test(
  'a range that kills two workers: the file is failed WORKER_LOST with its pages named',
  { skip: redisSkip, timeout: 300_000 },
  async () => {
    const { batch, redis, queue, args } = await longScanRanges();
    const [first, second] = await startWorkers(redis.url, queue, ['first', 'second']);
    const coordinator = await runCli(args);

    const activeOn = async (worker: string, id?: string) =>
      (await queue.getActive()).find(
        (job) => job.name === 'range' && job.processedBy === worker && (!id || job.id === id),
      );
    let poison: { id?: string; data: FolioJobData } | undefined;
    await waitFor(async () => !!(poison = await activeOn('first')), 60_000, 'a range on first');
    first.kill9();
    await waitFor(async () => !!(await activeOn('second', poison?.id)), 90_000, 'the takeover');
    second.kill9();
    const third = await startWorker(redis.url, 'third');

    const end = await coordinator.exited;
    assert.equal(end.code, 0, end.stderr);
    const [file, ...others] = (await readReport(batch.reportFile)).files;
    assert.equal(others.length, 0);
    assert.equal(file.status, 'failed', JSON.stringify(file));
    assert.equal(file.code, 'WORKER_LOST');
    const range = poison?.data.range;
    assert.ok(range);
    assert.ok(file.message?.includes(pagesLabel(range)), file.message);
    assert.equal(file.output, undefined);
    assert.ok(!existsSync(`${batch.out}/long-scan.pdf.md`));

    const failed = await queue.getJobs(['failed']);
    assert.deepEqual(
      failed.map((job) => job.id),
      [poison?.id],
    );
    // The merge job completed (with the failed entry); each other range completed once.
    const completed = await queue.getJobs(['completed']);
    assert.equal(completed.filter((job) => job.name === 'merge').length, 1);
    assert.equal(completed.filter((job) => job.name === 'range').length, 2);
    assert.ok(completed.every((job) => job.attemptsMade === 1));
    // A failed merge keeps the done ranges' entries: a rerun reuses them.
    const entries = path.join(batch.out, '.folio-cache', 'ranges');
    const stored = readdirSync(entries).flatMap((dir) => readdirSync(path.join(entries, dir)));
    assert.equal(stored.filter((name) => name.endsWith('.v8')).length, 2);
    await stopWorker(third);
  },
);
