// The lines cache: a file read once is served again, a changed file is read again, a gone file
// is undefined, and the budget evicts the least recently used.
import assert from 'node:assert/strict';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LinesCache } from '../../../../src/workers/text-search/lines-cache';
import { tempFolder } from '../../../support/pool-harness';

test('served from memory until the file changes; gone is undefined', async () => {
  const dir = tempFolder({ 'a.md': 'one\ntwo' });
  const file = path.join(dir, 'a.md');
  const cache = new LinesCache();
  const first = await cache.lines(file);
  assert.deepEqual(first, ['one', 'two']);
  assert.equal(await cache.lines(file), first, 'the same array: not read again');
  writeFileSync(file, 'one\ntwo\nthree');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(await cache.lines(file), ['one', 'two', 'three']);
  rmSync(file);
  assert.equal(await cache.lines(file), undefined);
  assert.deepEqual(cache.size, { files: 0, chars: 0 });
});

test('the character budget evicts the least recently used file', async () => {
  const dir = tempFolder({
    'a.md': 'aaaa',
    'b.md': 'bbbb',
    'c.md': 'cccc',
    'big.md': 'x'.repeat(50),
  });
  const cache = new LinesCache(10);
  await cache.lines(path.join(dir, 'a.md'));
  await cache.lines(path.join(dir, 'b.md'));
  await cache.lines(path.join(dir, 'a.md'));
  await cache.lines(path.join(dir, 'c.md'));
  assert.deepEqual(cache.size, { files: 2, chars: 8 }, 'b went, a and c stay');
  assert.deepEqual(await cache.lines(path.join(dir, 'big.md')), ['x'.repeat(50)]);
  assert.equal(cache.size.files, 2, 'a file over the budget is served but not kept');
});
