// The scheduler on its own: a fake pool whose tasks the test settles by hand and a fake clock the
// test moves, so order, limits, timeouts and cancellation are checked without real threads or
// real waiting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileClock } from '../../../../src/workers/child/file-clock';
import { MemoryGovernor } from '../../../../src/workers/child/memory-governor';
import type { TaskInput, TaskRunner } from '../../../../src/workers/child/piscina-runner';
import {
  Scheduler,
  STARTUP_GRACE_MS,
  type SchedulerClock,
  type SubmitOptions,
  type TaskOutcome,
} from '../../../../src/workers/child/scheduler';
import type { PoolResult } from '../../../../src/workers/thread/task-types';

interface Call {
  name: string;
  signal: AbortSignal;
  beat(): void;
  resolve(result: PoolResult): void;
  reject(error: unknown): void;
}

/** A pool that records each task it is given; like piscina, an abort rejects the task. */
function fakeRunner() {
  const calls: Call[] = [];
  const runner: TaskRunner = {
    run(task, { signal, onProgress }) {
      return new Promise<PoolResult>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('The task has been aborted')));
        calls.push({ name: task.filePath, signal, beat: () => onProgress({}), resolve, reject });
      });
    },
    releaseMemory: () => undefined,
    destroy: async () => undefined,
  };
  const call = (name: string): Call => {
    const found = calls.find((c) => c.name === name);
    assert.ok(found, `${name} was never started`);
    return found;
  };
  return { runner, calls, call, started: () => calls.map((c) => c.name) };
}

/** Time moves only when the test says; each move runs due timers and one watchdog tick. */
function fakeClock() {
  let now = 0;
  const ticks = new Set<() => void>();
  const timers = new Set<{ at: number; fire: () => void }>();
  const clock: SchedulerClock = {
    now: () => now,
    every(_ms, tick) {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
    after(ms, fire) {
      const timer = { at: now + ms, fire };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers]) {
      if (timer.at > now) continue;
      timers.delete(timer);
      timer.fire();
    }
    for (const tick of ticks) tick();
  };
  return { clock, advance };
}

/** A governor allowing `workers` tasks at once (RSS far below its limit). */
function governor(workers: number): MemoryGovernor {
  const g = new MemoryGovernor(workers, 1000);
  g.sample(0, 0);
  return g;
}

function setup(workers = 1) {
  const pool = fakeRunner();
  const time = fakeClock();
  const scheduler = new Scheduler(pool.runner, governor(workers), time.clock);
  return { ...pool, ...time, scheduler };
}

const task = (name: string): TaskInput => ({ type: 'probe', filePath: name });

function options(priority: number, extra: Partial<SubmitOptions> = {}): SubmitOptions {
  return { priority, noProgressMs: 1000, fileClock: new FileClock(), totalCapMs: 60_000, ...extra };
}

const probed: PoolResult = { type: 'probed', probe: null };

/**
 * Lets settled tasks reach their callers and the scheduler's deferred work (it defers to the next
 * turn of the event loop, which this waits out) run.
 */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

test('highest priority starts first; first come first within a priority', async () => {
  const { scheduler, call, started } = setup(1);
  void scheduler.submit(task('running'), options(0));
  for (const [name, priority] of [
    ['p1', 1],
    ['p3-first', 3],
    ['p2', 2],
    ['p3-second', 3],
  ] as const) {
    void scheduler.submit(task(name), options(priority));
  }
  assert.deepEqual(started(), ['running'], 'one worker: the rest wait');
  for (const name of ['running', 'p3-first', 'p3-second', 'p2']) {
    call(name).resolve(probed);
    await settle();
  }
  assert.deepEqual(started(), ['running', 'p3-first', 'p3-second', 'p2', 'p1']);
});

test('a settled task reaches its caller with the pool result', async () => {
  const { scheduler, call } = setup(1);
  const pending = scheduler.submit(task('a'), options(0));
  call('a').resolve(probed);
  assert.deepEqual(await pending, { type: 'result', result: probed });
});

test('an exclusive task waits for the pool to empty and then runs alone', async () => {
  const { scheduler, call, started } = setup(2);
  void scheduler.submit(task('x'), options(1));
  void scheduler.submit(task('suspect'), options(5, { exclusive: true }));
  void scheduler.submit(task('y'), options(1));
  assert.deepEqual(started(), ['x'], 'neither the suspect nor what queues behind it joins x');
  call('x').resolve(probed);
  await settle();
  assert.deepEqual(started(), ['x', 'suspect'], 'nothing starts beside the suspect');
  call('suspect').resolve(probed);
  await settle();
  assert.deepEqual(started(), ['x', 'suspect', 'y']);
});

test('the governor decides how many run: above the soft limit one at a time', () => {
  const pool = fakeRunner();
  const memory = new MemoryGovernor(2, 1000);
  memory.sample(900, 0); // soft limit 800 MB
  const scheduler = new Scheduler(pool.runner, memory, fakeClock().clock);
  void scheduler.submit(task('a'), options(1));
  void scheduler.submit(task('b'), options(1));
  assert.deepEqual(pool.started(), ['a'], 'the only task may always start, no second one');
  memory.sample(100, 1);
  scheduler.pump();
  assert.deepEqual(pool.started(), ['a', 'b'], 'once memory falls both workers are used');
});

test('no progress: the start-up grace applies until the thread picks the task up', async () => {
  const { scheduler, call, advance } = setup(2);
  const unpicked = scheduler.submit(task('unpicked'), options(1));
  const picked = scheduler.submit(task('picked'), options(1));
  call('picked').beat();
  advance(999);
  assert.equal(call('picked').signal.aborted, false);
  advance(1);
  assert.equal(call('picked').signal.aborted, true, 'picked up: 1 s without a heartbeat');
  assert.deepEqual(await picked, {
    type: 'timeout',
    message: 'No progress for 1 s: the file was aborted.',
  });
  advance(STARTUP_GRACE_MS - 1);
  assert.equal(call('unpicked').signal.aborted, false, 'never picked up: the grace is added');
  advance(1);
  assert.equal(call('unpicked').signal.aborted, true);
  assert.equal((await unpicked).type, 'timeout');
});

test('a heartbeat resets the no-progress clock', async () => {
  const { scheduler, call, advance } = setup(1);
  void scheduler.submit(task('a'), options(1));
  call('a').beat();
  for (let i = 0; i < 5; i++) {
    advance(900);
    call('a').beat();
  }
  assert.equal(call('a').signal.aborted, false, '4.5 s in all, never 1 s without a heartbeat');
});

test('the total cap runs from the file’s first task, across its tasks, despite progress', async () => {
  const { scheduler, call, advance } = setup(1);
  const fileClock = new FileClock();
  const limits = { fileClock, totalCapMs: 5000 };
  void scheduler.submit(task('first'), options(1, limits));
  for (let t = 0; t < 3000; t += 500) {
    call('first').beat();
    advance(500);
  }
  call('first').resolve(probed);
  await settle();
  const second = scheduler.submit(task('second'), options(1, limits));
  for (let t = 3000; t < 4500; t += 500) {
    call('second').beat();
    advance(500);
  }
  assert.equal(call('second').signal.aborted, false, '4.5 s since the file began');
  call('second').beat();
  advance(500);
  assert.equal(call('second').signal.aborted, true, '5 s since the file began');
  assert.deepEqual(await second, {
    type: 'timeout',
    message: 'The file exceeded the total time allowed for one file and was aborted.',
  });
  assert.equal(fileClock.startedAt, 0, 'the clock was set when the first task started');
});

test('queue time does not count against the file', async () => {
  const { scheduler, call, advance } = setup(1);
  void scheduler.submit(task('running'), options(2, { totalCapMs: 60_000 }));
  const fileClock = new FileClock();
  void scheduler.submit(task('queued'), options(1, { fileClock, totalCapMs: 1000 }));
  call('running').beat();
  advance(800);
  call('running').beat();
  advance(800);
  call('running').resolve(probed);
  await settle();
  assert.equal(fileClock.startedAt, 1600);
  call('queued').beat();
  advance(900);
  assert.equal(call('queued').signal.aborted, false);
});

test('the wait between a file’s tasks counts neither against its cap nor as its time', async () => {
  // A text PDF's probe, then its extraction queued behind another file's long task (issue 11).
  const { scheduler, call, advance } = setup(1);
  const fileClock = new FileClock();
  void scheduler.submit(task('probe'), options(3, { fileClock, totalCapMs: 1000 }));
  void scheduler.submit(task('other'), options(2, { totalCapMs: 60_000 }));
  advance(300);
  call('probe').resolve(probed);
  await settle();
  const extract = scheduler.submit(task('extract'), options(1, { fileClock, totalCapMs: 1000 }));
  for (let t = 0; t < 5000; t += 500) {
    call('other').beat();
    advance(500);
  }
  call('other').resolve(probed);
  await settle();
  assert.equal(fileClock.runningMs(5300), 300, 'only the probe ran');
  call('extract').beat();
  advance(600);
  assert.equal(call('extract').signal.aborted, false, '900 ms of running, 5.9 s since the probe');
  call('extract').resolve(probed);
  assert.equal((await extract).type, 'result');
  assert.equal(fileClock.finishedMs(5900), 900);
  assert.equal(fileClock.finishedMs(5950), 950, 'work after the last task (merging) counts');
});

test('cancelAll settles queued tasks at once, aborts running ones, refuses new ones', async () => {
  const { scheduler, call, calls } = setup(1);
  const running = scheduler.submit(task('running'), options(1));
  const queued = scheduler.submit(task('queued'), options(1));
  scheduler.cancelAll();
  assert.deepEqual(await queued, { type: 'cancelled' });
  assert.equal(call('running').signal.aborted, true);
  assert.deepEqual(await running, { type: 'cancelled' });
  assert.deepEqual(await scheduler.submit(task('late'), options(1)), { type: 'cancelled' });
  await settle();
  assert.equal(calls.length, 1, 'neither the queued nor the late task ever reached the pool');
});

test('a task that completes after cancelAll still counts as cancelled', async () => {
  const pool = fakeRunner();
  // A pool that ignores the abort and answers anyway.
  const stubborn: TaskRunner = {
    ...pool.runner,
    run: (input, { onProgress }) =>
      pool.runner.run(input, { signal: new AbortController().signal, onProgress }),
  };
  const scheduler = new Scheduler(stubborn, governor(1), fakeClock().clock);
  const pending = scheduler.submit(task('a'), options(1));
  scheduler.cancelAll();
  pool.call('a').resolve(probed);
  assert.deepEqual(await pending, { type: 'cancelled' });
});

test('rejections are classified: out of memory, a recycling thread, a crash', async () => {
  const { scheduler, call } = setup(4);
  const cases: [string, unknown, TaskOutcome['type']][] = [
    [
      'oom-code',
      Object.assign(new Error('Worker terminated due to reaching memory limit'), {
        code: 'ERR_WORKER_OUT_OF_MEMORY',
      }),
      'oom',
    ],
    ['oom-text', new Error('JS heap out of memory'), 'oom'],
    ['recycled', new Error('worker exited with code: 0'), 'recycled'],
    ['crash', new Error('worker exited with code: 3'), 'crash'],
  ];
  for (const [name, error, expected] of cases) {
    const pending = scheduler.submit(task(name), options(1));
    call(name).reject(error);
    const outcome = await pending;
    assert.equal(outcome.type, expected, name);
    assert.equal('message' in outcome && outcome.message, (error as Error).message, name);
    await settle();
  }
});

test('holdFirstWave: nothing starts until the wave is prepared, then the biggest first', async () => {
  const { scheduler, started } = setup(1);
  let prepared!: () => void;
  const wave = new Promise<void>((resolve) => (prepared = resolve));
  scheduler.holdFirstWave(wave, 2000);
  void scheduler.submit(task('quick to hash'), options(1));
  // The biggest file is queued by its caller's continuation right after its preparation.
  void wave.then(() => scheduler.submit(task('biggest'), options(9)));
  await settle();
  assert.deepEqual(started(), [], 'held while the wave is being prepared');
  prepared();
  await settle();
  assert.deepEqual(started(), ['biggest']);
});

test('holdFirstWave: dispatch starts after maxWaitMs however long preparing takes', async () => {
  const { scheduler, started, advance } = setup(1);
  scheduler.holdFirstWave(new Promise(() => undefined), 2000);
  void scheduler.submit(task('a'), options(1));
  advance(1999);
  assert.deepEqual(started(), []);
  advance(1);
  assert.deepEqual(started(), ['a']);
});
