// A long scanned PDF on the queue: the coordinator cuts it into page-range jobs (--range-pages),
// the ranges run on both workers (one with two threads cuts its range again, as locally), one
// worker merges them once all are done, and the Markdown and the report entry are those of a
// local run of the same folder (which splits it its own way); a rerun comes from the cache.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { FolioJobResult } from '../../src/queue/job-data';
import { longScanPdf } from '../support/long-scan';
import {
  coordinatorArgs,
  outputsOf,
  queuedBatch,
  readReport,
  redisSkip,
  runCli,
  startRedis,
  startWorker,
  stopWorker,
  testQueue,
  waitFor,
} from '../support/queue-harness';

/** What must match between runs: everything but time and where the output went. */
function comparable(report: Awaited<ReturnType<typeof readReport>>) {
  return report.files.map(({ ms: _ms, output, ...rest }) => ({ ...rest, output: !!output }));
}

/** Pool tasks started, as the trace file tells. */
function taskStarts(traceFile: string): number {
  const lines = readFileSync(traceFile, 'utf8').split('\n').filter(Boolean);
  return lines.filter((line) => (JSON.parse(line) as { type: string }).type === 'start').length;
}

test(
  'a long scan on two workers: ranges on both, merged once, the bytes of a local run',
  { skip: redisSkip, timeout: 300_000 },
  async () => {
    const batch = queuedBatch({ 'long-scan.pdf': await longScanPdf(8) });
    const root = path.dirname(batch.input);
    const localOut = path.join(root, 'local');
    const localReport = path.join(root, 'local.json');
    const redis = await startRedis();
    const queue = testQueue(redis.url);
    // Each worker's child writes its scheduling trace: one "start" line per pool task.
    const traces = { w1: path.join(root, 'w1.trace'), w2: path.join(root, 'w2.trace') };
    const traced = (file: string) => ({ FOLIO_TRACE: 'admission', FOLIO_TRACE_FILE: file });
    const workers = [
      await startWorker(redis.url, 'w1', ['--workers', '2'], traced(traces.w1)),
      await startWorker(redis.url, 'w2', [], traced(traces.w2)),
    ];
    // Both listening before the jobs come, so the first two ranges go to different workers.
    await waitFor(async () => (await queue.getWorkers()).length >= 2, 30_000, 'two workers');
    const args = coordinatorArgs(batch, redis.url, { ocr: true, extra: ['--range-pages', '4'] });
    const [queued, local] = await Promise.all([
      runCli(args).then((run) => run.exited),
      runCli(['extract', batch.input, '--out', localOut, '--report', localReport, '--quiet']).then(
        (run) => run.exited,
      ),
    ]);
    assert.equal(queued.code, 0, queued.stderr);
    assert.equal(local.code, 0, local.stderr);

    const report = await readReport(batch.reportFile);
    assert.deepEqual(comparable(report), comparable(await readReport(localReport)));
    assert.equal(report.files[0].status, 'ok', JSON.stringify(report.files));
    assert.equal(report.files[0].ocrPages, 8);
    const queuedOutputs = await outputsOf(batch.out);
    const localOutputs = await outputsOf(localOut);
    assert.deepEqual([...queuedOutputs.keys()], ['long-scan.pdf.md']);
    assert.ok(queuedOutputs.get('long-scan.pdf.md')?.equals(localOutputs.get('long-scan.pdf.md')!));

    // Two range jobs (pages 1-4, 5-8) on both workers, and one merge, each run once.
    const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active']);
    const ranges = jobs.filter((job) => job.name === 'range');
    assert.deepEqual(
      ranges.map((job) => job.data.range).sort((a, b) => a.from - b.from),
      [
        { from: 1, to: 4 },
        { from: 5, to: 8 },
      ],
    );
    const names = new Set(ranges.map((job) => (job.returnvalue as FolioJobResult).worker));
    assert.deepEqual([...names].sort(), ['w1', 'w2']);
    const merges = jobs.filter((job) => job.name === 'merge');
    assert.equal(merges.length, 1);
    assert.equal(jobs.length, 3);
    assert.ok(jobs.every((job) => job.finishedOn && job.attemptsMade === 1 && !job.failedReason));
    // A range job carries pages, paths and settings, never text.
    for (const job of ranges) assert.ok(!JSON.stringify(job.data).includes('Line 1'));
    // w1's range ran as two thread tasks, w2's as one (the merge runs no pool task).
    assert.equal(taskStarts(traces.w1), 2);
    assert.equal(taskStarts(traces.w2), 1);
    // Merged: the ranges' raw documents were removed from the cache.
    const entries = path.join(batch.out, '.folio-cache', 'ranges');
    assert.deepEqual(
      readdirSync(entries).flatMap((dir) => readdirSync(path.join(entries, dir))),
      [],
    );

    // The same command again: from the cache, no new job.
    const again = await runCli(args);
    assert.equal((await again.exited).code, 0);
    assert.ok((await readReport(batch.reportFile)).files.every((f) => f.cached));
    assert.equal((await queue.getJobs(['completed', 'failed', 'waiting', 'active'])).length, 3);
    await Promise.all(workers.map(stopWorker));
  },
);
