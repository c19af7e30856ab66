// The index on disk beside the cache: saved atomically, loaded by a new process, and an
// unreadable file starts an empty index with a plain note instead of failing the search.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  IndexStore,
  indexPathFor,
  loadIndex,
} from '../../../../src/workers/text-search/index-store';
import { SearchIndex } from '../../../../src/workers/text-search/search-index';
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
