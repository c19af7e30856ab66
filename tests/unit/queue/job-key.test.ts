import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { jobKeyFor, passwordTag } from '../../../src/queue/job-key';
import { jobIdFor } from '../../../src/queue/job-id';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-job-key-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('one key per cache folder, made once, readable only by its owner', async () => {
  const cacheDir = path.join(dir, 'cache');
  const [a, b] = await Promise.all([jobKeyFor(cacheDir), jobKeyFor(cacheDir)]);
  assert.equal(a.length, 32);
  assert.ok(a.equals(b), 'two coordinators starting at once share the key');
  assert.ok((await jobKeyFor(cacheDir)).equals(a));
  assert.equal(statSync(path.join(cacheDir, 'queue-job-key')).mode & 0o777, 0o600);
});

test('another password gives another job id; the tag says nothing without the key', async () => {
  const key = await jobKeyFor(path.join(dir, 'cache'));
  assert.equal(passwordTag(key, undefined), '');
  const wrong = passwordTag(key, 'wrong');
  const right = passwordTag(key, 'right');
  assert.notEqual(wrong, right);
  assert.notEqual(jobIdFor('a.pdf', 'sha', 'fp', wrong), jobIdFor('a.pdf', 'sha', 'fp', right));
  const otherKey = await jobKeyFor(path.join(dir, 'other-cache'));
  assert.notEqual(passwordTag(otherKey, 'right'), right);
  assert.doesNotMatch(right, /right/);
});
