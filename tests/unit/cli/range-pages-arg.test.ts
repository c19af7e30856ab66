// `--range-pages N` goes with `--queue` (the coordinator's pages per range job of a long scan):
// absent, the runner's default applies; without --queue, or not a positive whole number, it is a
// usage error that names the problem.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { parseCli, UsageError } from '../../../src/cli/args';
import { tempFolder } from '../../support/pool-harness';

const input = tempFolder({ 'a.pdf': 'x' });
const root = path.dirname(input);
const queue = ['--queue', 'redis://127.0.0.1:6379/0'];

function queueOf(args: string[]) {
  const parsed = parseCli(['extract', 'input', ...args], root);
  return parsed.type === 'extract' ? parsed.command.queue : assert.fail('not an extract command');
}

test('--range-pages with --queue: carried to the queue settings; absent: left to the default', () => {
  assert.deepEqual(queueOf([...queue, '--range-pages', '25']), {
    url: 'redis://127.0.0.1:6379/0',
    queueName: 'extract',
    rangePages: 25,
  });
  assert.equal(queueOf(queue)?.rangePages, undefined);
});

test('--range-pages without --queue, or not a positive whole number: usage errors', () => {
  for (const [args, message] of [
    [['--range-pages', '5'], /needs --queue/],
    [[...queue, '--range-pages', '0'], /--range-pages needs a positive whole number/],
    [[...queue, '--range-pages', '2.5'], /--range-pages needs a positive whole number/],
  ] as const) {
    assert.throws(
      () => parseCli(['extract', 'input', ...args], root),
      (error: unknown) => error instanceof UsageError && message.test(error.message),
      args.join(' '),
    );
  }
});
