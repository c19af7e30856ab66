import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactedUrl, redisOptionsFor } from '../../../src/queue/redis-connection';

test('redis:// gives host, port and database; no TLS', () => {
  const options = redisOptionsFor('redis://queue.example:6380/2', {});
  assert.equal(options.host, 'queue.example');
  assert.equal(options.port, 6380);
  assert.equal(options.db, 2);
  assert.equal(options.tls, undefined);
  assert.equal(options.password, undefined);
  assert.equal(options.maxRetriesPerRequest, null);
});

test('rediss:// turns on TLS for the host; defaults are port 6379, database 0', () => {
  const options = redisOptionsFor('rediss://queue.example', {});
  assert.deepEqual(options.tls, { servername: 'queue.example' });
  assert.equal(options.port, 6379);
  assert.equal(options.db, 0);
});

test('the password comes from the URL, else from FOLIO_REDIS_PASSWORD', () => {
  const env = { FOLIO_REDIS_PASSWORD: 'from-env' };
  assert.equal(redisOptionsFor('redis://:p%40ss@h:1/0', env).password, 'p@ss');
  assert.equal(redisOptionsFor('redis://reviewer:pw@h:1/0', env).username, 'reviewer');
  assert.equal(redisOptionsFor('redis://h:1/0', env).password, 'from-env');
});

test('other schemes and bad databases are refused in plain words', () => {
  assert.throws(
    () => redisOptionsFor('http://h:1', {}),
    /must start with redis:\/\/ or rediss:\/\//,
  );
  assert.throws(() => redisOptionsFor('redis://h:1/x', {}), /not a Redis database number/);
  assert.throws(() => redisOptionsFor('nonsense', {}), /not a Redis URL/);
});

test('reconnects are retried for ever, at most 2 s apart', () => {
  const retry = redisOptionsFor('redis://h', {}).retryStrategy;
  assert.equal(retry?.(1), 100);
  assert.equal(retry?.(1000), 2000);
});

test('a password never shows in a printed URL', () => {
  assert.equal(redactedUrl('redis://user:secret@h:6379/0'), 'redis://user:***@h:6379/0');
  assert.doesNotMatch(redactedUrl('rediss://:secret@h'), /secret/);
});
