// What the search index takes and drops of a queued batch's report: written files (ok or
// partial, with an output and the input's hash) are indexed with their cache entry as fallback;
// failed and skipped files leave it, cancelled ones keep their old text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileReport } from '../../../../src/shared/report';
import { indexWork } from '../../../../src/workers/child/queue-index-work';

const entry = (path: string, extra: Partial<FileReport>): FileReport => ({
  path,
  kind: 'pdf',
  status: 'ok',
  ms: 1,
  ...extra,
});

test('written files are indexed, failed and skipped ones dropped, cancelled ones left', () => {
  const reports = [
    entry('a.pdf', { output: '/out/a.pdf.md', sha256: 'aa' }),
    entry('b.docx', { kind: 'docx', status: 'partial', output: '/out/b.docx.md', sha256: 'bb' }),
    entry('c.pdf', { status: 'failed', code: 'CORRUPT' }),
    entry('d.txt', { kind: 'unknown', status: 'skipped', code: 'UNSUPPORTED_TYPE' }),
    entry('e.pdf', { status: 'skipped', code: 'CANCELLED' }),
    entry('f.pdf', { sha256: 'ff' }),
    entry('g.pdf', { output: '/out/g.pdf.md' }),
  ];
  const work = indexWork(
    '/in',
    reports,
    (r) => `key-${r.sha256}`,
    (key) => `/cache/${key}.md`,
  );
  assert.deepEqual(work.gone, ['c.pdf', 'd.txt']);
  assert.deepEqual(work.finished, [
    {
      input: '/in',
      path: 'a.pdf',
      kind: 'pdf',
      status: 'ok',
      output: '/out/a.pdf.md',
      contentPath: '/cache/key-aa.md',
      cacheKey: 'key-aa',
      sha256: 'aa',
    },
    {
      input: '/in',
      path: 'b.docx',
      kind: 'docx',
      status: 'partial',
      output: '/out/b.docx.md',
      contentPath: '/cache/key-bb.md',
      cacheKey: 'key-bb',
      sha256: 'bb',
    },
  ]);
});
