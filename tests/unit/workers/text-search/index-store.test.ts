// The index on disk beside the cache: saved atomically, loaded by a new process, and an
// unreadable file starts an empty index with a plain note instead of failing the search.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  IndexStore,
  MAX_SAVE_DELAY_MS,
  indexPathFor,
  loadIndex,
  nextSaveDelay,
} from '../../../../src/workers/text-search/index-store';
import {
  SearchIndex,
  type SerializedIndex,
} from '../../../../src/workers/text-search/search-index';
import { tempFolder } from '../../../support/pool-harness';

function filled(): SearchIndex {
  const index = new SearchIndex();
  index.addFile(
    {
      input: '/in',
      path: 'a.pdf',
      kind: 'pdf',
      status: 'ok',
      textPath: '/x.md',
      cacheKey: 'k',
      sha256: 's',
    },
    [{ startLine: 0, endLine: 1, text: 'hello ledger' }],
  );
  return index;
}

test('a flushed index is loaded again from beside the cache', async () => {
  const cacheDir = tempFolder({});
  const store = new IndexStore(cacheDir, filled(), 60_000);
  store.changed();
  await store.flush();
  assert.deepEqual(readdirSync(path.dirname(indexPathFor(cacheDir))), ['index.json']);
  const { index, problem } = await loadIndex(cacheDir);
  assert.equal(problem, undefined);
  assert.deepEqual(index.size, { files: 1, chunks: 1 });
});

test('changes are saved within the delay without a flush', async () => {
  const cacheDir = tempFolder({});
  const store = new IndexStore(cacheDir, filled(), 20);
  store.changed();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual((await loadIndex(cacheDir)).index.size, { files: 1, chunks: 1 });
});

test('no index yet: an empty one, no problem', async () => {
  const { index, problem } = await loadIndex(tempFolder({}));
  assert.deepEqual(index.size, { files: 0, chunks: 0 });
  assert.equal(problem, undefined);
});

test('an unreadable index: an empty one and a plain note', async () => {
  const cacheDir = tempFolder({});
  mkdirSync(path.join(cacheDir, 'search'));
  writeFileSync(indexPathFor(cacheDir), '{"version": 1, "truncated');
  const { index, problem } = await loadIndex(cacheDir);
  assert.deepEqual(index.size, { files: 0, chunks: 0 });
  assert.match(problem ?? '', /^the search index was unreadable/);
});

test('saves while files keep finishing come at a doubling interval, capped; a flush resets it', () => {
  assert.equal(nextSaveDelay(5000, 0, 0), 5000);
  assert.equal(nextSaveDelay(5000, 1, 0), 10_000);
  assert.equal(nextSaveDelay(5000, 3, 0), 40_000);
  assert.equal(nextSaveDelay(5000, 10, 0), MAX_SAVE_DELAY_MS);
  // A big index: ten times its last save's time, even past the cap.
  assert.equal(nextSaveDelay(5000, 10, 9000), 90_000);
});

test('a flush resets the interval: the next change is saved within the base delay', async () => {
  const cacheDir = tempFolder({});
  const index = filled();
  const store = new IndexStore(cacheDir, index, 20);
  store.changed();
  // Two timed saves: the next delay would be 80 ms.
  await new Promise((resolve) => setTimeout(resolve, 100));
  store.changed();
  await store.flush();
  index.addFile(
    {
      input: '/in',
      path: 'b.pdf',
      kind: 'pdf',
      status: 'ok',
      textPath: '/y.md',
      cacheKey: 'k2',
      sha256: 's2',
    },
    [{ startLine: 0, endLine: 1, text: 'second ledger' }],
  );
  store.changed();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { index: loaded } = await loadIndex(cacheDir);
  assert.deepEqual(comparable(loaded), comparable(index));
});

/** An index as data, its terms in order (a loaded radix tree lists them in another order). */
function comparable(index: SearchIndex): unknown {
  const data = JSON.parse(JSON.stringify(index)) as SerializedIndex;
  const mini = data.mini as unknown as { index: [string, unknown][] };
  mini.index.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return data;
}
