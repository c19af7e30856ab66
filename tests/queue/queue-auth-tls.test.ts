// A Redis that wants a password and speaks only TLS: the coordinator with the password in its
// rediss:// URL, the worker and `folio status` with it in FOLIO_REDIS_PASSWORD. Without it, status
// fails in plain words and exit code 1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slow } from '../support/pool-harness';
import {
  coordinatorArgs,
  queuedBatch,
  readReport,
  opensslSkip,
  redisSkip,
  runCli,
  startRedis,
  startWorker,
  stopWorker,
} from '../support/queue-harness';

const PASSWORD = 'tls-test-secret';

test(
  'rediss:// with a password in the URL or in FOLIO_REDIS_PASSWORD',
  { skip: redisSkip || opensslSkip, timeout: 60_000 },
  async () => {
    const redis = await startRedis({ tls: true, password: PASSWORD });
    const trust = { NODE_EXTRA_CA_CERTS: redis.caFile };
    const batch = queuedBatch({
      'a.fault-ok': slow(1, 50, 'first'),
      'b.fault-ok': slow(1, 50, 'second'),
    });
    const worker = await startWorker(redis.url, 'tls', [], {
      ...trust,
      FOLIO_REDIS_PASSWORD: PASSWORD,
    });
    const withPassword = redis.url.replace('rediss://', `rediss://:${PASSWORD}@`);
    const coordinator = await runCli(coordinatorArgs(batch, withPassword), trust);
    const end = await coordinator.exited;
    assert.equal(end.code, 0, end.stderr);
    const report = await readReport(batch.reportFile);
    assert.deepEqual(
      report.files.map((f) => f.status),
      ['ok', 'ok'],
    );

    const status = await (
      await runCli(['status', '--queue', redis.url, '--json'], {
        ...trust,
        FOLIO_REDIS_PASSWORD: PASSWORD,
      })
    ).exited;
    assert.equal(status.code, 0, status.stderr);
    const parsed = JSON.parse(status.stdout) as { done: number; workers: string[] };
    assert.equal(parsed.done, 2);
    assert.deepEqual(parsed.workers, ['tls']);
    assert.doesNotMatch(status.stdout, new RegExp(PASSWORD));

    const refused = await (await runCli(['status', '--queue', redis.url], trust)).exited;
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /NOAUTH|auth/i);
    await stopWorker(worker);
  },
);
