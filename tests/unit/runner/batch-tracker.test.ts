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
