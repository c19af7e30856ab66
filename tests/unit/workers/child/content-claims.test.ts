// Which file of a batch extracts shared bytes: the one taken up first, however the hashes race
// (a CI machine once named `copies/a.pdf` the original of `a.pdf` because its hash ended first).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentClaims } from '../../../../src/workers/child/content-claims';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

test('same bytes: the file taken up first is the original even when its hash ends last', async () => {
  const claims = new ContentClaims();
  const first = deferred<string | undefined>();
  const copy = deferred<string | undefined>();
  const a = claims.claim('a.pdf', 100, first.promise);
  const b = claims.claim('copies/a.pdf', 100, copy.promise);
  copy.resolve('key');
  await new Promise((r) => setImmediate(r));
  first.resolve('key');
  const [claimA, claimB] = await Promise.all([a, b]);
  assert.equal(claimA.role, 'first');
  assert.equal(claimB.role, 'duplicate');
  if (claimB.role !== 'duplicate' || claimA.role !== 'first') return;
  assert.equal(claimB.first.rel, 'a.pdf');
  claimA.settle({ outcome: { kind: 'pdf', status: 'ok' }, written: true });
  assert.deepEqual(await claimB.first.done, {
    outcome: { kind: 'pdf', status: 'ok' },
    written: true,
  });
});

test('other sizes do not wait for a slow hash', async () => {
  const claims = new ContentClaims();
  const slow = deferred<string | undefined>();
  void claims.claim('big.pdf', 100, slow.promise);
  const other = await claims.claim('small.pdf', 50, Promise.resolve('other'));
  assert.equal(other.role, 'first');
  slow.resolve(undefined);
});

test('a file with nothing to share (unreadable, cached) claims nothing and blocks no one', async () => {
  const claims = new ContentClaims();
  const none = await claims.claim('gone.pdf', 100, Promise.resolve(undefined));
  assert.equal(none.role, 'none');
  const next = await claims.claim('b.pdf', 100, Promise.resolve('key'));
  assert.equal(next.role, 'first');
});

test('a failed hash lets the files after it claim', async () => {
  const claims = new ContentClaims();
  const failed = claims.claim('broken.pdf', 100, Promise.reject(new Error('EIO')));
  await assert.rejects(failed, /EIO/);
  const next = await claims.claim('b.pdf', 100, Promise.resolve('key'));
  assert.equal(next.role, 'first');
});
