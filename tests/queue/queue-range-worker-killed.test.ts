// kill -9 of a queue worker in the middle of a page range: BullMQ's stall check hands the range to
// the other worker, the file is merged once with every page once and in order, and no range is
// extracted twice (each range's "ok" line appears once over both workers' logs).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  longScanRanges,
  readReport,
  redisSkip,
  runCli,
  startWorkers,
  stopWorker,
  waitFor,
} from '../support/queue-harness';

test(
  'a worker killed mid-range: the range is taken over, the file completes once',
  { skip: redisSkip, timeout: 300_000 },
  async () => {
    const { batch, redis, queue, args } = await longScanRanges();
    const [doomed, survivor] = await startWorkers(redis.url, queue, ['doomed', 'survivor']);
    const coordinator = await runCli(args);

    let killed: string | undefined;
    await waitFor(
      async () => {
        const active = await queue.getActive();
        killed = active.find((job) => job.name === 'range' && job.processedBy === 'doomed')?.id;
        return killed !== undefined;
      },
      60_000,
      'the doomed worker to take a range',
    );
    doomed.kill9();

    const end = await coordinator.exited;
    assert.equal(end.code, 0, end.stderr);
    const report = await readReport(batch.reportFile);
    assert.equal(report.files.length, 1);
    const [file] = report.files;
    assert.equal(file.status, 'ok', JSON.stringify(file));
    assert.equal(file.pages, 6);
    assert.equal(file.ocrPages, 6);
    // Every page once, in order.
    const markdown = await readFile(file.output ?? '', 'utf8');
    const pages = [...markdown.matchAll(/<!-- page (\d+)/g)].map((m) => Number(m[1]));
    assert.deepEqual(pages, [1, 2, 3, 4, 5, 6]);

    const counts = await queue.getJobCounts('completed', 'failed', 'active', 'waiting');
    assert.deepEqual(counts, { completed: 4, failed: 0, active: 0, waiting: 0 });
    const jobs = await queue.getJobs(['completed']);
    const taken = jobs.find((job) => job.id === killed);
    assert.equal(taken?.processedBy, 'survivor');
    assert.equal(taken?.stalledCounter, 1);
    assert.ok(jobs.filter((job) => job.id !== killed).every((job) => job.stalledCounter === 0));
    await stopWorker(survivor);
    // Each range was extracted to the end once: one "ok" line per range over both workers.
    const logs = (await doomed.exited).stderr + (await survivor.exited).stderr;
    const done = [...logs.matchAll(/^ok long-scan\.pdf \((pages \d+–\d+)\)$/gm)].map((m) => m[1]);
    assert.deepEqual(done.sort(), ['pages 1–2', 'pages 3–4', 'pages 5–6']);
    // The merge removed the ranges' raw documents once the file and its cache entry were written.
    const entries = path.join(batch.out, '.folio-cache', 'ranges');
    const stored = readdirSync(entries).flatMap((dir) => readdirSync(path.join(entries, dir)));
    assert.deepEqual(stored, []);
  },
);
