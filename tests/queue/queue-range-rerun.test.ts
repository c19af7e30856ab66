// The coordinator of a long scan dying mid-batch: the same command again finds the merge job and
// its ranges already queued (same ids) and adds nothing, so no range runs twice. With the jobs
// gone from Redis (aged out, removed by hand) and the file's own cache entry gone, a rerun queues
// the ranges again but each is answered by its stored raw document instead of extracted again,
// and the merge writes the same bytes.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { FolioJobResult } from '../../src/queue/job-data';
import {
  longScanRanges,
  readReport,
  redisSkip,
  runCli,
  startWorker,
  stopWorker,
  waitFor,
} from '../support/queue-harness';

test(
  'rerunning a long scan after the coordinator died: no range extracted twice',
  { skip: redisSkip, timeout: 300_000 },
  async () => {
    const { batch, redis, queue, args } = await longScanRanges();
    const worker = await startWorker(redis.url, 'only');
    const first = await runCli(args);
    const rangesDone = async () =>
      (await queue.getJobs(['completed'])).filter((job) => job.name === 'range').length;
    await waitFor(async () => (await rangesDone()) >= 1, 120_000, 'a range done');
    first.kill9();
    await first.exited;

    const second = await runCli(args);
    const end = await second.exited;
    assert.equal(end.code, 0, end.stderr);
    const [file] = (await readReport(batch.reportFile)).files;
    assert.equal(file.status, 'ok', JSON.stringify(file));
    const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active']);
    assert.equal(jobs.length, 4, 'three ranges and one merge, none added again');
    assert.ok(jobs.every((job) => job.attemptsMade === 1 && job.stalledCounter === 0));
    const markdown = await readFile(file.output ?? '');

    // Jobs gone, the file's cache entry gone, the ranges' entries kept: nothing is OCR'd again.
    await queue.obliterate({ force: true });
    await rm(path.join(batch.out, '.folio-cache', 'entries'), { recursive: true, force: true });
    const third = await runCli(args);
    assert.equal((await third.exited).code, 0);
    const [again] = (await readReport(batch.reportFile)).files;
    assert.equal(again.status, 'ok');
    assert.ok(!again.cached);
    const ranges = (await queue.getJobs(['completed'])).filter((job) => job.name === 'range');
    assert.equal(ranges.length, 3);
    for (const job of ranges) {
      const { report } = job.returnvalue as FolioJobResult;
      assert.equal(report.attempts, 0, `${job.id} was extracted again`);
    }
    assert.ok((await readFile(again.output ?? '')).equals(markdown));
    await stopWorker(worker);
  },
);
