// The queue's command line: usage errors exit 2 before anything runs (a bad URL included), and a
// Redis that cannot be reached ends the coordinator with exit code 1 and a plain sentence, before
// it hashes the folder, instead of waiting for ever.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { slow, tempFolder } from '../support/pool-harness';
import { runCli } from '../support/queue-harness';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('usage errors of worker, status and extract --queue exit 2', async () => {
  const input = tempFolder({ 'a.fault-ok': slow(1, 10) });
  const cases: [string[], RegExp][] = [
    [['worker'], /missing --queue URL/],
    [['status', '--queue', 'http://h:1'], /must start with redis:\/\/ or rediss:\/\//],
    [['worker', '--queue', 'redis://h', '--stall-s', '0'], /--stall-s needs a positive number/],
    [['extract', input, '--queue', 'redis://h/x'], /--queue: not a Redis database number/],
  ];
  for (const [args, message] of cases) {
    const end = await (await runCli(args)).exited;
    assert.equal(end.code, 2, `${args.join(' ')}: ${end.stderr}`);
    assert.match(end.stderr, message);
  }
  const help = await (await runCli(['worker', '--help'])).exited;
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--idle-exit-s/);
});

test('an unreachable Redis ends the coordinator with exit 1 and says so', async () => {
  const input = tempFolder({ 'a.fault-ok': slow(1, 10) });
  const url = `redis://:secret@127.0.0.1:${await closedPort()}/0`;
  const started = Date.now();
  const end = await (await runCli(['extract', input, '--queue', url])).exited;
  assert.equal(end.code, 1, end.stderr);
  assert.match(end.stderr, /cannot be reached/);
  assert.doesNotMatch(end.stderr, /secret/);
  assert.ok(Date.now() - started < 20_000);
});
