// After a spike shrinks the pool, a calm spell brings it back to the level the budget afforded at
// the start, even though RSS (warm OCR engines) leaves no room for a fresh 350 MB worker; above
// that level the stricter rule still holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affordableWorkers, MemoryGovernor } from '../../../../src/workers/child/memory-governor';

test('governor: a shrink is undone by a calm spell, back to the affordable level and no further', () => {
  const g = new MemoryGovernor(3, 962);
  g.startWith(affordableWorkers(962));
  assert.equal(g.concurrency, 2);
  assert.equal(g.sample(990, 0).changed, true, 'over the hard limit: shrink');
  assert.equal(g.concurrency, 1);
  // 600 MB: below 85% of the soft limit (654) but 600 + 350 > 769.
  g.sample(600, 1000);
  assert.equal(g.sample(600, 6000).changed, true);
  assert.equal(g.concurrency, 2, 'back to where the batch started');
  g.sample(600, 11000);
  g.sample(600, 16000);
  assert.equal(g.concurrency, 2, 'no room for a third busy worker: stays at two');
});
