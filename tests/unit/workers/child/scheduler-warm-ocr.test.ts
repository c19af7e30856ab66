// A task picked up by a thread whose OCR engine has already read a page as large as the task's
// holds that heap already: the scheduler takes it off the reservation, and the next task may
// start beside it. A cold thread, or a larger page, keeps the whole reservation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileClock } from '../../../../src/workers/child/file-clock';
import { MemoryGovernor } from '../../../../src/workers/child/memory-governor';
import type { TaskRunner } from '../../../../src/workers/child/piscina-runner';
import { Scheduler, type SchedulerClock } from '../../../../src/workers/child/scheduler';
import type { Heartbeat } from '../../../../src/workers/thread/task-types';

const stillClock: SchedulerClock = {
  now: () => 0,
  every: () => () => undefined,
  after: () => () => undefined,
};

const turns = async () => {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
};

function setup(rssMb: number) {
  const beats = new Map<string, (update: Heartbeat) => void>();
  const started: string[] = [];
  const runner: TaskRunner = {
    run: (task, options) => {
      started.push(task.filePath);
      beats.set(task.filePath, options.onProgress);
      return new Promise(() => undefined);
    },
    releaseMemory: () => undefined,
    destroy: async () => undefined,
  };
  const governor = new MemoryGovernor(2, 1000);
  governor.sample(rssMb, 0);
  const scheduler = new Scheduler(runner, governor, stillClock);
  const submit = (name: string) =>
    void scheduler.submit(
      { type: 'probe', filePath: name },
      {
        priority: 1,
        footprintMb: 200,
        ocrHeapMb: 125,
        ocrPixels: 8_400_000,
        noProgressMs: 1e9,
        fileClock: new FileClock(),
        totalCapMs: 1e9,
      },
    );
  return { started, beats, scheduler, submit };
}

test('a warm engine that has read a page this large lowers the reservation and admits the next task', async () => {
  // Two warm threads idle at 560 MB: 560 + 200 + 200 > 900, so the second scan waits.
  const { started, beats, scheduler, submit } = setup(560);
  submit('scan-a');
  submit('scan-b');
  assert.deepEqual(started, ['scan-a']);
  beats.get('scan-a')?.({ warmOcrPixels: 8_500_000 });
  await turns();
  assert.deepEqual(
    started,
    ['scan-a', 'scan-b'],
    '560 + 75 of page buffers still to come + 200 fits 900',
  );
  assert.equal(scheduler.admission.committedMb(), 835);
});

test('a cold thread, or one that read only smaller pages, keeps the whole reservation', async () => {
  const { started, beats, scheduler, submit } = setup(560);
  submit('scan-a');
  submit('scan-b');
  beats.get('scan-a')?.({ warmOcrPixels: 2_000_000 });
  await turns();
  assert.equal(scheduler.admission.committedMb(), 760);
  assert.deepEqual(started, ['scan-a'], 'the second still waits');
  beats.get('scan-a')?.({ warmOcrPixels: 9_000_000 });
  await turns();
  assert.equal(
    scheduler.admission.committedMb(),
    760,
    'only the first heartbeat says what the thread holds',
  );
});
