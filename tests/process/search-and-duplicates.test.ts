// Issue 13 through a real child: every finished file is indexed as it ends and searchable through
// the runner (also from a new child, after a restart: the index is on disk beside the cache); a
// file with the same bytes as another is extracted once and reported as its duplicate; a rescan
// of a signed copy is a near duplicate; the report carries the input's and output's hashes, its
// size and the settings fingerprint.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { batchOptions, faultRunner, runBatch, tempFolder } from '../support/pool-harness';

const runners = [faultRunner()];
after(async () => Promise.all(runners.map(async (r) => (await r).dispose())));

const words = Array.from({ length: 300 }, (_, i) => `word${(i * 7919) % 1009}`).join(' ');
const contract = `Invoice INV-2024-4788 for $41,228.23 dated 15/03/2024. ${words}`;
const rescan = `${contract.replace('word7919', 'vvord7919')} Signed: J. Smith, Director.`;
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

test('index, search, duplicates and report identity', async () => {
  const runner = await runners[0];
  const input = tempFolder({
    'a.fault-ok': contract,
    'copies/a.fault-ok': contract,
    'rescan.fault-ok': rescan,
    'other.fault-ok': 'A memo about the car park, nothing else of note here at all.',
  });
  const batch = batchOptions(input);
  const run = await runBatch(runner, input, batch);
  const a = run.byPath.get('a.fault-ok')!;
  const copy = run.byPath.get('copies/a.fault-ok')!;

  // Extracted once: the copy never started on the pool and says whose copy it is.
  const started = run.events.filter((e) => e.type === 'started').map((e) => e.path);
  assert.equal(started.filter((p) => p.endsWith('a.fault-ok')).length, 1, started.join(', '));
  assert.equal(copy.duplicateOf, 'a.fault-ok');
  assert.equal(a.duplicateOf, undefined);
  assert.equal(copy.attempts, 0);
  assert.equal(readFileSync(copy.output!, 'utf8'), readFileSync(a.output!, 'utf8'));

  // Identity: input hash and size, output hash, settings fingerprint.
  assert.equal(a.sha256, sha256(contract));
  assert.equal(a.size, Buffer.byteLength(contract));
  assert.equal(a.outputSha256, sha256(readFileSync(a.output!)));
  assert.match(run.report.settingsFingerprint ?? '', /^[0-9a-f]{16}$/);

  // Near duplicates, both ways; the unrelated memo has none.
  const near = run.byPath.get('rescan.fault-ok')!.nearDuplicates?.map((n) => n.path) ?? [];
  assert.deepEqual(near.sort(), ['a.fault-ok', 'copies/a.fault-ok']);
  assert.ok(a.nearDuplicates?.some((n) => n.path === 'rescan.fault-ok' && n.similarity >= 0.8));
  assert.equal(run.byPath.get('other.fault-ok')!.nearDuplicates, undefined);

  // Search through the runner: a reference written with other separators.
  const cacheDir = batch.cacheDir!;
  assert.ok(existsSync(path.join(cacheDir, 'search', 'index.json')), 'the index is on disk');
  const result = await runner.search('INV 2024 4788', { cacheDir });
  assert.deepEqual([...new Set(result.hits.map((h) => h.path))].sort(), [
    'a.fault-ok',
    'copies/a.fault-ok',
    'rescan.fault-ok',
  ]);
  const hit = result.hits.find((h) => h.path === 'a.fault-ok')!;
  assert.equal(hit.page, 1);
  assert.equal(hit.input, input);
  const line = readFileSync(hit.textPath, 'utf8').split('\n')[hit.line];
  assert.equal(line.slice(hit.ranges[0].start, hit.ranges[0].end), 'INV-2024-4788');

  // A new child process (a restart) answers from the index on disk.
  const fresh = faultRunner();
  runners.push(fresh);
  const again = await (await fresh).search('41228.23', { cacheDir, limit: 2 });
  assert.equal(again.hits.length, 2);
  assert.equal(again.truncated, true);
  assert.equal(again.indexed.files, 4);

  // A re-run from the cache keeps the index as it was and the relations in the report.
  const rerun = await runBatch(runner, input, batch);
  assert.equal(rerun.byPath.get('a.fault-ok')!.cached, true);
  assert.equal(rerun.byPath.get('copies/a.fault-ok')!.duplicateOf, 'a.fault-ok');
  assert.equal((await runner.search('car park', { cacheDir })).hits.length, 1);

  // A file removed from the folder no longer answers searches.
  rmSync(path.join(input, 'other.fault-ok'));
  const after = await runBatch(runner, input, batch);
  assert.equal(after.report.totals.files, 3);
  assert.equal((await runner.search('car park', { cacheDir })).hits.length, 0);
  assert.equal((await runner.search('signed', { cacheDir })).hits.length, 1);
  assert.equal((await runner.search('signed', { cacheDir })).indexed.files, 3);
});

test('a search with no index yet answers with no hits; a bad cache folder is no crash', async () => {
  const runner = await runners[0];
  const empty = await runner.search('anything', { cacheDir: path.join(tempFolder({}), 'none') });
  assert.equal(empty.hits.length, 0);
  assert.deepEqual(empty.indexed, { files: 0, chunks: 0 });
});
