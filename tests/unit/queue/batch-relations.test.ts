// The coordinator's side of a queued batch's near duplicates: entries sent to the index get their
// input's hash from the plan when they came back without it, and the answer's near duplicates go
// onto the entries (an entry the answer does not name has none).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlannedFile } from '../../../src/shared/queue-plan';
import type { FileReport } from '../../../src/shared/report';
import { applyNearDuplicates, withInputHashes } from '../../../src/queue/batch-relations';

const entry = (path: string, extra: Partial<FileReport> = {}): FileReport => ({
  path,
  kind: 'pdf',
  status: 'ok',
  ms: 1,
  ...extra,
});
const planned = (rel: string, sha256: string): PlannedFile => ({
  rel,
  abs: `/in/${rel}`,
  sha256,
  size: 1,
  cost: 1,
  outputPath: `/out/${rel}.md`,
});

test('a missing input hash comes from the plan; one the entry has is kept', () => {
  const reports = [entry('a.pdf', { sha256: 'own' }), entry('b.pdf'), entry('c.pdf')];
  const sent = withInputHashes(reports, [planned('a.pdf', 'plan-a'), planned('b.pdf', 'plan-b')]);
  assert.deepEqual(
    sent.map((r) => r.sha256),
    ['own', 'plan-b', undefined],
  );
  assert.equal(reports[1].sha256, undefined, 'the report entries themselves are not changed');
});

test('near duplicates from the answer, and none where it names none', () => {
  const stale = [{ path: 'x.pdf', similarity: 0.9 }];
  const reports = [entry('a.pdf'), entry('b.pdf', { nearDuplicates: stale }), entry('c.pdf')];
  applyNearDuplicates(reports, {
    'a.pdf': [{ path: 'c.pdf', similarity: 0.85 }],
    'c.pdf': [{ path: 'a.pdf', similarity: 0.85 }],
  });
  assert.deepEqual(reports[0].nearDuplicates, [{ path: 'c.pdf', similarity: 0.85 }]);
  assert.equal(reports[1].nearDuplicates, undefined);
  assert.deepEqual(reports[2].nearDuplicates, [{ path: 'a.pdf', similarity: 0.85 }]);
});

test('a path like a prototype key is no near duplicate', () => {
  const reports = [entry('constructor')];
  applyNearDuplicates(reports, {});
  assert.equal(reports[0].nearDuplicates, undefined);
});
