// The memory governor as a state machine: soft limit blocks new starts, hard limit shrinks,
// calm brings workers back; a small budget starts with fewer busy workers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affordableWorkers, MemoryGovernor } from '../../../../src/workers/child/memory-governor';

test('governor: soft limit blocks new starts (but never the only one), hard limit shrinks', () => {
  const g = new MemoryGovernor(4, 1000);
  g.sample(500, 0);
  assert.equal(g.mayStart(3), true);
  assert.deepEqual(
    g.sample(850, 100),
    { release: true, changed: false },
    'soft: release, no shrink',
  );
  assert.equal(g.mayStart(1), false);
  assert.equal(g.mayStart(0), true, 'with nothing running one task may always start');
  const shrink = g.sample(1100, 200);
  assert.deepEqual(shrink, { release: true, changed: true });
  assert.equal(g.concurrency, 3);
  assert.equal(g.sample(1100, 300).changed, false, 'one shrink per cooldown');
  g.sample(1100, 2300);
  assert.equal(g.concurrency, 2);
  // Calm for 5 s (below 85% of the soft limit) brings one worker back.
  g.sample(300, 3000);
  g.sample(300, 7999);
  assert.equal(g.concurrency, 2);
  assert.equal(g.sample(300, 8000).changed, true);
  assert.equal(g.concurrency, 3);
});

test('governor: a small budget starts with fewer busy workers (1024 MB → 2, 512 MB → 1)', () => {
  assert.equal(affordableWorkers(1024), 2);
  assert.equal(affordableWorkers(512), 1);
  assert.equal(affordableWorkers(100), 1, 'never zero');
  const g = new MemoryGovernor(2, 512);
  g.startWith(affordableWorkers(512));
  g.sample(200, 0);
  assert.equal(g.concurrency, 1);
  assert.equal(g.mayStart(1), false);
  g.sample(200, 5000);
  g.sample(200, 10000);
  assert.equal(g.concurrency, 1, 'no room for a second busy worker in 512 MB: stays at one');
  const big = new MemoryGovernor(2, 1024);
  big.startWith(1);
  big.sample(300, 0);
  big.sample(300, 5000);
  assert.equal(big.concurrency, 2, 'with room for one more, a calm spell adds it back');
});
