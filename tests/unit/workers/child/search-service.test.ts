// The child's search service: a finished file is indexed and found, the same extraction again is
// not indexed twice, a forgotten file (failed, gone) is not found, and the index reaches disk.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SearchService } from '../../../../src/workers/child/search-service';
import { indexPathFor } from '../../../../src/workers/text-search/index-store';
import { tempFolder } from '../../../support/pool-harness';

function setUp() {
  const dir = tempFolder({});
  const output = path.join(dir, 'ledger.xlsx.md');
  writeFileSync(
    output,
    '# ledger.xlsx\n## Sheet: Payments (A1:C3)\n| INV-2024-4788 | 41,228.23 |\n',
  );
  const file = {
    input: '/evidence',
    path: 'ledger.xlsx',
    kind: 'xlsx' as const,
    status: 'ok' as const,
    output,
    cacheKey: 'k1',
    sha256: 's1',
  };
  return { cacheDir: path.join(dir, 'cache'), file };
}

const ask = (service: SearchService, cacheDir: string, query: string) =>
  service.answer({ type: 'search', requestId: 'r', query, options: { cacheDir } });

test('indexed as it finishes, found with its sheet, flushed beside the cache', async () => {
  const { cacheDir, file } = setUp();
  const service = new SearchService();
  await service.fileFinished(cacheDir, file);
  const answer = await ask(service, cacheDir, '4122823');
  assert.equal(answer.requestId, 'r');
  assert.equal(answer.result?.hits[0].sheet, 'Payments');
  assert.equal(answer.result?.hits[0].path, 'ledger.xlsx');
  await service.flush();
  assert.ok(existsSync(indexPathFor(cacheDir)));
  // A new service (a restarted child) reads it from disk.
  const again = await ask(new SearchService(), cacheDir, 'INV 2024 4788');
  assert.equal(again.result?.hits.length, 1);
});

test('forgotten files are not found', async () => {
  const { cacheDir, file } = setUp();
  const service = new SearchService();
  await service.fileFinished(cacheDir, file);
  assert.deepEqual(await service.indexedPaths(cacheDir, '/evidence'), ['ledger.xlsx']);
  await service.forget(cacheDir, '/evidence', ['ledger.xlsx', 'never-indexed.pdf']);
  assert.equal((await ask(service, cacheDir, 'payments')).result?.hits.length, 0);
  assert.deepEqual(await service.indexedPaths(cacheDir, '/evidence'), []);
});

test('a file that cannot be read is logged, not thrown; other files still index', async () => {
  const { cacheDir, file } = setUp();
  const logs: string[] = [];
  const service = new SearchService((m) => logs.push(m));
  await service.fileFinished(cacheDir, {
    ...file,
    path: 'gone.pdf',
    output: '/nowhere/gone.pdf.md',
  });
  await service.fileFinished(cacheDir, file);
  assert.match(logs.join('\n'), /gone\.pdf not indexed/);
  assert.equal((await ask(service, cacheDir, 'payments')).result?.hits.length, 1);
});
