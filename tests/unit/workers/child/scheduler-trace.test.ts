// The admission trace says why the queue's head waits (with the numbers admission compared), when
// each task starts and ends, and what a task that ran alone was seen to add to RSS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdmissionTrace, TraceFields } from '../../../../src/workers/child/admission-trace';
import { FileClock } from '../../../../src/workers/child/file-clock';
import { MemoryGovernor } from '../../../../src/workers/child/memory-governor';
import type { TaskRunner } from '../../../../src/workers/child/piscina-runner';
import { Scheduler, type SchedulerClock } from '../../../../src/workers/child/scheduler';
import type { PoolResult } from '../../../../src/workers/thread/task-types';

const stillClock: SchedulerClock = {
  now: () => 0,
  every: () => () => undefined,
  after: () => () => undefined,
};

function setup() {
  const events: ({ type: string } & TraceFields)[] = [];
  const trace: AdmissionTrace = {
    enabled: true,
    event: (type, fields = {}) => void events.push({ type, ...fields }),
    close: () => undefined,
  };
  const running = new Map<string, (result: PoolResult) => void>();
  const runner: TaskRunner = {
    run: (task) => new Promise((resolve) => running.set(task.filePath, resolve)),
    releaseMemory: () => undefined,
    destroy: async () => undefined,
  };
  const governor = new MemoryGovernor(2, 1000);
  governor.sample(200, 0);
  const scheduler = new Scheduler(runner, governor, stillClock, trace);
  const submit = (name: string, footprintMb: number) =>
    void scheduler.submit(
      { type: 'probe', filePath: name },
      {
        priority: 1,
        footprintMb,
        noProgressMs: 1e9,
        fileClock: new FileClock(),
        totalCapMs: 1e9,
        label: name,
      },
    );
  const finish = async (name: string) => {
    running.get(name)?.({ type: 'probed', probe: null });
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
  };
  return { events, governor, scheduler, submit, finish };
}

test('a task held by admission is traced with the committed MB, its footprint and the ceiling', async () => {
  const { events, submit, finish } = setup();
  submit('scan-a', 500);
  submit('scan-b', 400);
  const blocked = events.filter((e) => e.type === 'blocked');
  assert.equal(blocked.length, 1);
  assert.equal(blocked[0].cause, 'admission');
  assert.equal(blocked[0].file, 'scan-b');
  assert.equal(blocked[0].footprintMb, 400);
  assert.equal(blocked[0].committedMb, 700, 'floor 200 + scan-a 500');
  assert.equal(blocked[0].admitsUpToMb, 900);
  await finish('scan-a');
  const starts = events.filter((e) => e.type === 'start').map((e) => e.file);
  assert.deepEqual(starts, ['scan-a', 'scan-b']);
  const end = events.find((e) => e.type === 'end');
  assert.equal(end?.file, 'scan-a');
  assert.equal(end?.outcome, 'result');
});

test('a task that ran alone reports the RSS growth sampled while it ran', async () => {
  const { events, governor, scheduler, submit, finish } = setup();
  submit('docx', 300);
  governor.sample(260, 500);
  scheduler.pump();
  governor.sample(230, 1000);
  scheduler.pump();
  await finish('docx');
  const end = events.find((e) => e.type === 'end');
  assert.equal(end?.observedMb, 60, 'peak 260 - 200 at start');
  assert.equal(end?.alone, true);
  const samples = events.filter((e) => e.type === 'sample').map((e) => e.rssMb);
  assert.deepEqual(samples, [200, 260, 230]);
});

test('the governor holding the pool at one task is a different cause from admission', () => {
  const { events, governor, submit } = setup();
  governor.startWith(1);
  submit('a', 10);
  submit('b', 10);
  assert.equal(events.find((e) => e.type === 'blocked')?.cause, 'governor-concurrency');
});
