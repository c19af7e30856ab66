// The retry policy on scripted task outcomes: which ends are final, how often a dead thread is
// retried, and how many recycling races are forgiven.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ErrorCode } from '../../../../src/shared/errors';
import { MAX_RECYCLE_RACES, runWithRetry } from '../../../../src/workers/child/run-with-retry';
import type { TaskOutcome } from '../../../../src/workers/child/scheduler';
import type { FailedResult, WrittenResult } from '../../../../src/workers/thread/task-types';

const written: WrittenResult = {
  type: 'written',
  outcome: { kind: 'pdf', status: 'ok', pages: 1, ocrPages: 0, chars: 10 },
};

/** A submit that answers attempt after attempt from `script`, recording the attempt numbers. */
function scripted(script: TaskOutcome<WrittenResult | FailedResult>[]) {
  const attempts: number[] = [];
  const submit = async (attempt: number) => {
    attempts.push(attempt);
    const next = script.shift();
    assert.ok(next, `attempt ${attempt} was not expected`);
    return next;
  };
  return { submit, attempts };
}

const crash = { type: 'crash', message: 'worker exited with code: 3' } as const;
const recycled = { type: 'recycled', message: 'worker exited with code: 0' } as const;

test('a result ends it; a thread that dies once is retried as attempt 2', async () => {
  const { submit, attempts } = scripted([crash, { type: 'result', result: written }]);
  assert.deepEqual(await runWithRetry(submit, 'pdf'), { type: 'result', result: written });
  assert.deepEqual(attempts, [1, 2]);
});

test('a thread that dies twice on the file: WORKER_CRASH', async () => {
  const { submit, attempts } = scripted([crash, crash]);
  assert.deepEqual(await runWithRetry(submit, 'pdf'), {
    type: 'failed',
    outcome: {
      kind: 'pdf',
      status: 'failed',
      code: 'WORKER_CRASH',
      message: 'The worker thread died twice on this file (worker exited with code: 3).',
    },
  });
  assert.deepEqual(attempts, [1, 2]);
});

test(`landing on a recycling thread is forgiven ${MAX_RECYCLE_RACES} times, then counts as a crash`, async () => {
  const races = Array.from({ length: MAX_RECYCLE_RACES }, () => recycled);
  const forgiven = scripted([...races, { type: 'result', result: written }]);
  assert.equal((await runWithRetry(forgiven.submit, 'pdf')).type, 'result');
  assert.deepEqual(forgiven.attempts, [1, 1, 1, 1], 'the same attempt each time');

  const tooMany = scripted([...races, recycled, recycled]);
  const end = await runWithRetry(tooMany.submit, 'pdf');
  assert.equal(end.type === 'failed' && end.outcome.code, 'WORKER_CRASH');
  assert.deepEqual(tooMany.attempts, [1, 1, 1, 1, 2]);
});

test('timeouts, out of memory, cancellation and extraction failures are final', async () => {
  const failed = (code: ErrorCode, kind?: 'docx'): FailedResult => ({
    type: 'failed',
    code,
    message: `failed with ${code}`,
    ...(kind ? { kind } : {}),
  });
  const cases: [TaskOutcome<WrittenResult | FailedResult>, string, string][] = [
    [{ type: 'timeout', message: 'No progress for 1 s' }, 'TIMEOUT', 'failed'],
    [{ type: 'oom', message: 'heap' }, 'OUT_OF_MEMORY', 'failed'],
    [{ type: 'cancelled' }, 'CANCELLED', 'skipped'],
    [{ type: 'result', result: failed('CORRUPT') }, 'CORRUPT', 'failed'],
  ];
  for (const [outcome, code, status] of cases) {
    const { submit, attempts } = scripted([outcome]);
    const end = await runWithRetry(submit, 'pdf');
    assert.equal(end.type, 'failed', code);
    assert.equal(end.type === 'failed' && end.outcome.code, code);
    assert.equal(end.type === 'failed' && end.outcome.status, status);
    assert.deepEqual(attempts, [1], code);
  }
  const read = scripted([{ type: 'result', result: failed('INTERNAL', 'docx') }]);
  const readEnd = await runWithRetry(read.submit, 'pdf');
  assert.equal(
    readEnd.type === 'failed' && readEnd.outcome.kind,
    'docx',
    'the kind it was read as',
  );
});
