// A queued batch is searchable and carries near duplicates as a local run does: a contract, its
// exact copy, a signed rescan and an unrelated memo through two queue workers; afterwards
// `folio search` on the output folder finds the reference in the three that hold it, and the
// report's `duplicateOf` and `nearDuplicates` are a local run's of the same files. A rerun from
// the cache keeps them, and a file removed from the folder no longer answers searches.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { SearchResult } from '../../src/shared/search';
import {
  coordinatorArgs,
  queuedBatch,
  readReport,
  redisSkip,
  runCli,
  startRedis,
  startWorkers,
  stopWorker,
  testQueue,
} from '../support/queue-harness';

const words = Array.from({ length: 300 }, (_, i) => `word${(i * 7919) % 1009}`).join(' ');
const contract = `Invoice INV-2024-4788 for $41,228.23 dated 15/03/2024. ${words}`;
const rescan = `${contract.replace('word7919', 'vvord7919')} Signed: J. Smith, Director.`;
const files = {
  'a.fault-ok': contract,
  'copies/a.fault-ok': contract,
  'rescan.fault-ok': rescan,
  'other.fault-ok': 'A memo about the car park, nothing else of note here at all.',
};

async function search(out: string, query: string): Promise<SearchResult> {
  const run = await runCli(['search', out, query, '--json']);
  const end = await run.exited;
  assert.ok(end.code === 0 || end.code === 1, end.stderr);
  return JSON.parse(end.stdout) as SearchResult;
}

const hitPaths = (result: SearchResult) => [...new Set(result.hits.map((h) => h.path))].sort();

/** Each file's relations, by path. */
function relations(report: Awaited<ReturnType<typeof readReport>>) {
  return report.files.map((f) => ({
    path: f.path,
    duplicateOf: f.duplicateOf,
    nearDuplicates: f.nearDuplicates,
  }));
}

test(
  'a queued batch is indexed for search and reports near duplicates as a local run',
  { skip: redisSkip, timeout: 150_000 },
  async () => {
    const batch = queuedBatch(files);
    const other = queuedBatch(files);
    const redis = await startRedis();
    const workers = await startWorkers(redis.url, testQueue(redis.url), ['w1', 'w2']);
    const queued = await runCli(coordinatorArgs(batch, redis.url));
    const local = await runCli([
      ...['extract', other.input, '--out', other.out, '--report', other.reportFile],
      ...['--no-ocr', '--quiet', '--workers', '1'],
    ]);
    const [end, localEnd] = await Promise.all([queued.exited, local.exited]);
    assert.equal(end.code, 0, end.stderr);
    assert.equal(localEnd.code, 0, localEnd.stderr);

    const report = await readReport(batch.reportFile);
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('copies/a.fault-ok')?.duplicateOf, 'a.fault-ok');
    const near = byPath.get('rescan.fault-ok')?.nearDuplicates?.map((n) => n.path) ?? [];
    assert.deepEqual(near.sort(), ['a.fault-ok', 'copies/a.fault-ok']);
    assert.equal(byPath.get('other.fault-ok')?.nearDuplicates, undefined);
    assert.deepEqual(relations(report), relations(await readReport(other.reportFile)));

    // Found in the queued files' outputs, with the input they came from.
    const found = await search(batch.out, 'INV 2024 4788');
    assert.deepEqual(hitPaths(found), ['a.fault-ok', 'copies/a.fault-ok', 'rescan.fault-ok']);
    assert.ok(found.hits.every((h) => h.input === batch.input && h.textPath.startsWith(batch.out)));
    assert.equal(found.indexed.files, 4);

    // A rerun from the cache keeps the near duplicates; a removed file leaves the index.
    rmSync(path.join(batch.input, 'other.fault-ok'));
    const again = await runCli(coordinatorArgs(batch, redis.url));
    assert.equal((await again.exited).code, 0);
    const rerun = await readReport(batch.reportFile);
    assert.ok(rerun.files.every((f) => f.cached));
    const rerunNear = rerun.files.find((f) => f.path === 'rescan.fault-ok')?.nearDuplicates;
    assert.deepEqual(rerunNear?.map((n) => n.path).sort(), ['a.fault-ok', 'copies/a.fault-ok']);
    assert.equal((await search(batch.out, 'car park')).hits.length, 0);
    assert.equal((await search(batch.out, 'signed')).indexed.files, 3);
    await Promise.all(workers.map(stopWorker));
  },
);
