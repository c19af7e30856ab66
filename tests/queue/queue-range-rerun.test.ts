// A long scan whose coordinator and worker both die (kill -9) after a range is done and before
// the merge: its jobs gone from Redis (aged out, removed by hand), a rerun queues the ranges
// again, and a range already done is answered by its stored raw documents instead of extracted
// again. A coordinator dying then is rerun too: the same command adds no job (same ids). Once
// the merge has written the file, no range entry of it is left in the cache.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { FolioJobResult } from '../../src/queue/job-data';
import type { PageSpan } from '../../src/shared/file-part';
import {
  longScanRanges,
  readReport,
  redisSkip,
  runCli,
  startWorker,
  stopWorker,
  waitFor,
} from '../support/queue-harness';

/** The range entries in the cache folder (the shard folders may stay, empty). */
function rangeEntries(cacheDir: string): string[] {
  const root = path.join(cacheDir, 'ranges');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .flatMap((dir) => readdirSync(path.join(root, dir)))
    .filter((name) => name.endsWith('.v8'));
}

const span = ({ from, to }: PageSpan) => `${from}-${to}`;

test(
  'a long scan rerun after its coordinator and worker died: no range extracted twice',
  { skip: redisSkip, timeout: 420_000 },
  async () => {
    const { batch, redis, queue, args } = await longScanRanges();
    const cacheDir = path.join(batch.out, '.folio-cache');
    // One thread: three ranges run one after another, so two are left when the first is done.
    const oneThread = ['--workers', '1'];
    const completedRanges = async () =>
      (await queue.getJobs(['completed'])).filter((job) => job.name === 'range');

    const firstWorker = await startWorker(redis.url, 'first', oneThread);
    const first = await runCli(args);
    await waitFor(async () => (await completedRanges()).length >= 1, 180_000, 'a range done');
    first.kill9();
    firstWorker.kill9();
    await Promise.all([first.exited, firstWorker.exited]);
    const done = (await completedRanges()).map((job) => span(job.data.range as PageSpan));
    assert.ok(done.length >= 1 && done.length < 3, `ranges done: ${done.join(', ')}`);
    assert.ok(!existsSync(path.join(batch.out, 'long-scan.pdf.md')), 'never merged');
    assert.ok(rangeEntries(cacheDir).length >= done.length, 'the done ranges are stored');

    // The jobs gone, a fresh worker; the coordinator dies again once a range was extracted.
    await queue.obliterate({ force: true });
    const worker = await startWorker(redis.url, 'second', oneThread);
    const second = await runCli(args);
    await waitFor(
      async () => (await completedRanges()).length > done.length,
      180_000,
      'a range extracted',
    );
    second.kill9();
    await second.exited;

    // The same command again finds the jobs queued and adds none.
    const third = await runCli(args);
    const end = await third.exited;
    assert.equal(end.code, 0, end.stderr);
    const [file] = (await readReport(batch.reportFile)).files;
    assert.equal(file.status, 'ok', JSON.stringify(file));
    assert.equal(file.ocrPages, 6);
    const markdown = await readFile(file.output ?? '', 'utf8');
    const pages = [...markdown.matchAll(/<!-- page (\d+)/g)].map((m) => Number(m[1]));
    assert.deepEqual(pages, [1, 2, 3, 4, 5, 6]);
    const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active']);
    assert.equal(jobs.length, 4, 'three ranges and one merge, none added again');
    assert.ok(jobs.every((job) => job.attemptsMade === 1 && job.stalledCounter === 0));
    const ranges = jobs.filter((job) => job.name === 'range');
    for (const job of ranges.filter((j) => done.includes(span(j.data.range as PageSpan)))) {
      const { report } = job.returnvalue as FolioJobResult;
      assert.equal(report.attempts, 0, `${job.id} was extracted again`);
    }
    // Merged and its cache entry stored: the ranges' raw documents are removed.
    assert.deepEqual(rangeEntries(cacheDir), []);
    await stopWorker(worker);
  },
);
