// Requests to the child: answered by id, given up after their deadline, all rejected on a death.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PendingRequests } from '../../../src/runner/pending-requests';

test('an answer settles its own request; a late or unknown one is ignored', async () => {
  const pending = new PendingRequests<number>();
  const a = pending.open(1000, 'search');
  const b = pending.open(1000, 'search');
  pending.settle(b.requestId, { value: 2 });
  pending.settle(a.requestId, { error: 'The search could not run.' });
  pending.settle('nobody', { value: 3 });
  assert.equal(await b.answer, 2);
  await assert.rejects(a.answer, /could not run/);
  assert.equal(pending.size, 0);
});

test('no answer in time: a clear error', async () => {
  const pending = new PendingRequests<number>();
  const { answer } = pending.open(20, 'search');
  await assert.rejects(answer, /^Error: The search did not answer within 0 s\.$/);
});

test('the child died: every open request is rejected', async () => {
  const pending = new PendingRequests<number>();
  const answers = [pending.open(1000, 'search').answer, pending.open(1000, 'search').answer];
  pending.rejectAll('The extraction process stopped before the search finished.');
  for (const answer of answers) await assert.rejects(answer, /stopped before the search/);
});
