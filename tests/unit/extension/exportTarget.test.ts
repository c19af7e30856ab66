// An export into the evidence folder (or below it) is recognised; beside it is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evidenceFolderHolding } from '../../../src/extension/exportTarget';

test('the folder itself and its sub-folders hold the target; a sibling does not', () => {
  const inputs = ['/cases/a/evidence', '/cases/b'];
  assert.equal(evidenceFolderHolding('/cases/a/evidence', inputs), '/cases/a/evidence');
  assert.equal(evidenceFolderHolding('/cases/a/evidence/out', inputs), '/cases/a/evidence');
  assert.equal(evidenceFolderHolding('/cases/a', inputs), undefined);
  assert.equal(evidenceFolderHolding('/cases/a/evidence-export', inputs), undefined);
  assert.equal(evidenceFolderHolding('/cases/bb', inputs), undefined);
});
