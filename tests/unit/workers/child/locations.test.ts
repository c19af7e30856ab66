// Defaults the child picks when the batch leaves them open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import os from 'node:os';
import { defaultWorkers } from '../../../../src/workers/child/locations';

test('default workers is min(cores, 4)', () => {
  assert.equal(defaultWorkers(), Math.min(os.availableParallelism(), 4));
});
