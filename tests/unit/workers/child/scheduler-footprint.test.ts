// The scheduler admits by declared footprint: a task that does not fit beside what runs waits
// (and the smaller ones queued behind it do not pass it); one bigger than the budget runs alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileClock } from '../../../../src/workers/child/file-clock';
import { MemoryGovernor } from '../../../../src/workers/child/memory-governor';
import type { TaskRunner } from '../../../../src/workers/child/piscina-runner';
import { Scheduler, type SchedulerClock } from '../../../../src/workers/child/scheduler';
import type { PoolResult } from '../../../../src/workers/thread/task-types';

function pool() {
  const running = new Map<string, (result: PoolResult) => void>();
  const started: string[] = [];
  const runner: TaskRunner = {
    run: (task) =>
      new Promise<PoolResult>((resolve) => {
        started.push(task.filePath);
        running.set(task.filePath, resolve);
      }),
    releaseMemory: () => undefined,
    destroy: async () => undefined,
  };
  const finish = async (name: string) => {
    running.get(name)?.({ type: 'probed', probe: null });
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
  };
  return { runner, started, finish };
}

const stillClock: SchedulerClock = {
  now: () => 0,
  every: () => () => undefined,
  after: () => () => undefined,
};

function setup(limitMb: number, rssMb: number) {
  const governor = new MemoryGovernor(4, limitMb);
  governor.sample(rssMb, 0);
  const p = pool();
  const scheduler = new Scheduler(p.runner, governor, stillClock);
  const submit = (name: string, priority: number, footprintMb: number) =>
    void scheduler.submit(
      { type: 'probe', filePath: name },
      { priority, footprintMb, noProgressMs: 1e9, fileClock: new FileClock(), totalCapMs: 1e9 },
    );
  return { ...p, scheduler, submit };
}

test('a task whose footprint exceeds the remaining budget waits, and smaller ones do not pass it', async () => {
  // 1000 MB limit filled to 90%, child at 200: room for 700 MB of declared work.
  const { started, finish, submit } = setup(1000, 200);
  submit('scan-a', 10, 500);
  submit('scan-b', 9, 400);
  submit('docx', 1, 20);
  assert.deepEqual(started, ['scan-a'], '200 + 500 + 400 > 1000: scan-b waits, docx behind it');
  await finish('scan-a');
  assert.deepEqual(started, ['scan-a', 'scan-b', 'docx'], '200 + 400 + 20 fits');
});

test('a task bigger than the budget waits for the pool to empty, then runs alone', async () => {
  const { started, finish, submit } = setup(1000, 200);
  submit('small-1', 10, 100);
  submit('small-2', 10, 100);
  submit('a3-scan', 5, 800);
  submit('small-3', 1, 50);
  assert.deepEqual(started, ['small-1', 'small-2']);
  await finish('small-1');
  assert.deepEqual(started, ['small-1', 'small-2'], 'still one running: it waits');
  await finish('small-2');
  assert.deepEqual(started, ['small-1', 'small-2', 'a3-scan'], 'alone');
  await finish('a3-scan');
  assert.deepEqual(started, ['small-1', 'small-2', 'a3-scan', 'small-3']);
});
