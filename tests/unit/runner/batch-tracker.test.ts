// The parent's bookkeeping that survives a child's death.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchTracker } from '../../../src/runner/batch-tracker';

test('in-flight files get a strike per child death; two strikes is CHILD_CRASH', () => {
  const t = new BatchTracker('/in');
  t.plannedFiles(['a.pdf', 'b.pdf', 'c.pdf']);
  t.plannedFiles(['b.pdf']); // a resumed child's plan changes nothing
  t.started('a.pdf');
  t.started('b.pdf');
  t.done({ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 });
  assert.deepEqual(t.childDied(), []);
  assert.deepEqual(t.crashCounts, { '/in/b.pdf': 1 });
  assert.deepEqual(t.remaining(), ['/in/b.pdf', '/in/c.pdf']);
  t.started('b.pdf');
  const crashed = t.childDied();
  assert.equal(crashed.length, 1);
  assert.equal(crashed[0].code, 'CHILD_CRASH');
  assert.equal(crashed[0].status, 'failed');
  assert.deepEqual(t.remaining(), ['/in/c.pdf']);
  const cancelled = t.cancelRemaining();
  assert.deepEqual(
    cancelled.map((r) => [r.path, r.status, r.code]),
    [['c.pdf', 'skipped', 'CANCELLED']],
  );
  assert.equal(
    t.done({ path: 'c.pdf', kind: 'pdf', status: 'ok', ms: 1 }),
    false,
    'first report wins',
  );
});

test('the live rate counts what the final report counts: no skipped, no cached files', () => {
  const t = new BatchTracker('/in');
  t.plannedFiles(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
  t.done({ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 });
  t.done({ path: 'b.pdf', kind: 'pdf', status: 'ok', ms: 1, cached: true });
  t.done({ path: 'c.bin', kind: 'unknown', status: 'skipped', code: 'UNSUPPORTED_TYPE', ms: 0 });
  t.done({ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 });
  assert.equal(t.rateCount, 1);
});

test('duplicate relations found at the end reach the reports already held', () => {
  const t = new BatchTracker('/in');
  t.done({ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 });
  t.relate({
    path: 'a.pdf',
    kind: 'pdf',
    status: 'ok',
    ms: 1,
    duplicateOf: 'first.pdf',
    nearDuplicates: [{ path: 'b.pdf', similarity: 0.9 }],
  });
  t.relate({ path: 'unknown.pdf', kind: 'pdf', status: 'ok', ms: 1, duplicateOf: 'x' });
  assert.equal(t.reports.get('a.pdf')?.duplicateOf, 'first.pdf');
  assert.deepEqual(t.reports.get('a.pdf')?.nearDuplicates, [{ path: 'b.pdf', similarity: 0.9 }]);
  assert.equal(t.reports.has('unknown.pdf'), false);
});

test("the child's final relations also take back a duplicate it named while running", () => {
  const t = new BatchTracker('/in');
  t.done({ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1, duplicateOf: 'copies/a.pdf' });
  t.relate({ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 });
  assert.equal(t.reports.get('a.pdf')?.duplicateOf, undefined);
});
