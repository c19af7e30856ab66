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

test('a crash before the next save loses only the files since the last one; the next run re-indexes them', async () => {
  const { cacheDir, file } = setUp();
  const second = path.join(path.dirname(file.output), 'memo.docx.md');
  writeFileSync(second, '# memo.docx\nQuarterly reconciliation of the escrow account\n');
  const memo = {
    ...file,
    path: 'memo.docx',
    kind: 'docx' as const,
    output: second,
    cacheKey: 'k2',
  };
  const crashed = new SearchService();
  await crashed.fileFinished(cacheDir, file);
  await crashed.flush();
  // Indexed in memory, never saved: the child dies here.
  await crashed.fileFinished(cacheDir, memo);
  const restarted = new SearchService();
  assert.deepEqual(await restarted.indexedPaths(cacheDir, '/evidence'), ['ledger.xlsx']);
  // The next run finishes both again (cache hits, same keys): only the lost one is indexed anew.
  await restarted.fileFinished(cacheDir, file);
  await restarted.fileFinished(cacheDir, memo);
  assert.equal((await ask(restarted, cacheDir, 'escrow')).result?.hits[0].path, 'memo.docx');
  await restarted.flush();
  // What reached disk after the batch is what the index held in memory.
  const onDisk = new SearchService();
  assert.deepEqual((await onDisk.indexedPaths(cacheDir, '/evidence')).sort(), [
    'ledger.xlsx',
    'memo.docx',
  ]);
  assert.equal((await ask(onDisk, cacheDir, 'escrow')).result?.hits.length, 1);
});

test("an index another process saved since is read again: a queued run's files are found", async () => {
  const { cacheDir, file } = setUp();
  const editor = new SearchService();
  await editor.fileFinished(cacheDir, file);
  await editor.flush();
  assert.equal((await ask(editor, cacheDir, 'payroll')).result?.hits.length, 0);
  // The queue coordinator's child indexes into the same cache folder and saves.
  const output = path.join(path.dirname(file.output), 'memo.docx.md');
  writeFileSync(output, '# memo.docx\nThe payroll audit of March.\n');
  const coordinator = new SearchService();
  await coordinator.fileFinished(cacheDir, { ...file, path: 'memo.docx', kind: 'docx', output });
  await new Promise((resolve) => setTimeout(resolve, 20)); // a later mtime on coarse clocks
  await coordinator.flush();
  const found = await ask(editor, cacheDir, 'payroll');
  assert.deepEqual(
    found.result?.hits.map((h) => h.path),
    ['memo.docx'],
  );
  // Its own later changes are saved and found as before.
  await editor.fileFinished(cacheDir, { ...file, path: 'copy.xlsx', cacheKey: 'k2' });
  await editor.flush();
  assert.equal((await ask(editor, cacheDir, '4122823')).result?.hits.length, 2);
});
