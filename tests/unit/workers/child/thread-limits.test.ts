// Per-thread limits derived from the batch's memory budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threadHeapLimitMb } from '../../../../src/workers/child/thread-limits';

test('the per-thread heap cap follows the memory limit', () => {
  assert.equal(threadHeapLimitMb(1024), 512);
  assert.equal(threadHeapLimitMb(100), 64);
});
