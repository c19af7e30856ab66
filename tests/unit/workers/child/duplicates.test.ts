// Duplicate relations on a batch's reports: the first in walk order is the original, failed
// files have no near duplicates, and a stale relation from a cached entry is cleared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileReport } from '../../../../src/shared/report';
import { applyRelations } from '../../../../src/workers/child/duplicates';
import { minhashSignature } from '../../../../src/workers/text-search/minhash';

const text = Array.from({ length: 300 }, (_, i) => `w${(i * 31) % 977}`).join(' ');
const signatures: Record<string, number[] | undefined> = {
  'a.pdf': minhashSignature(text),
  'copy/a.pdf': minhashSignature(text),
  'rescan.pdf': minhashSignature(text.replace('w31', 'vv31')),
  'broken.pdf': minhashSignature(text),
};

const report = (path: string, sha256: string, extra: Partial<FileReport> = {}): FileReport => ({
  path,
  kind: 'pdf',
  status: 'ok',
  ms: 1,
  sha256,
  ...extra,
});

test('duplicateOf the first in walk order; near duplicates both ways', () => {
  const reports = [
    report('a.pdf', 'A'),
    report('copy/a.pdf', 'A', { duplicateOf: 'copy/a.pdf' }),
    report('rescan.pdf', 'R'),
    report('broken.pdf', 'B', { status: 'failed', code: 'CORRUPT' }),
    report('stale.pdf', 'S', { duplicateOf: 'gone.pdf' }),
  ];
  applyRelations(reports, (rel) => signatures[rel]);
  assert.equal(reports[0].duplicateOf, undefined);
  assert.equal(reports[1].duplicateOf, 'a.pdf');
  assert.deepEqual(
    reports[2].nearDuplicates?.map((n) => n.path),
    ['a.pdf', 'copy/a.pdf'],
  );
  assert.equal(reports[3].nearDuplicates, undefined, 'a failed file has no text to compare');
  assert.equal(reports[4].duplicateOf, undefined);
});
