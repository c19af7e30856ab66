// Starts pool tasks in order of expected cost (biggest first), no more at once than the memory
// governor allows, and watches each running task: no heartbeat for the no-progress timeout, or a
// file past its total cap, aborts the task (which terminates and replaces its thread). Every
// submitted task settles with a classified outcome; nothing here throws at the caller.
import { MemoryAdmission, type Reservation } from './admission';
import { noTrace, type AdmissionTrace } from './admission-trace';
import type { FileClock } from './file-clock';
import { BASELINE_MB, type MemoryGovernor } from './memory-governor';
import type { TaskInput, TaskRunner } from './piscina-runner';
import type { Heartbeat, PoolResult, ProgressUpdate, ResultFor } from '../thread/task-types';

export type TaskOutcome<R = PoolResult> =
  | { type: 'result'; result: R }
  | { type: 'timeout'; message: string }
  /** The thread died under the task. */
  | { type: 'crash'; message: string }
  /**
   * The task landed on an idle thread that was recycling itself (it exits with code 0 when its
   * heap grew, see pool-worker.ts): not the task's fault.
   */
  | { type: 'recycled'; message: string }
  | { type: 'oom'; message: string }
  | { type: 'cancelled' };

export interface SubmitOptions {
  /** Higher runs first. */
  priority: number;
  /** Runs alone (nothing else in flight): for files suspected of killing the child. */
  exclusive?: boolean;
  /**
   * MB the task may hold at its peak (task-footprint.ts): it starts only when that fits beside
   * what is held already, or when nothing else runs. Absent: 0, sampled RSS alone decides.
   */
  footprintMb?: number;
  /**
   * Of `footprintMb`, the OCR heap for a page of `ocrPixels`: taken off the reservation once the
   * thread that picked the task says its engine has read a page that large (it holds it already).
   */
  ocrHeapMb?: number;
  ocrPixels?: number;
  /** Abort when no heartbeat arrives for this long. */
  noProgressMs: number;
  /**
   * The file's clock, shared by all its tasks: it runs only while one of them runs, so time spent
   * waiting in the queue (before the first task or between two) never counts against the file.
   */
  fileClock: FileClock;
  /** Abort when the file has run this long in all (its clock), however much progress it makes. */
  totalCapMs: number;
  onStart?: () => void;
  onProgress?: (update: ProgressUpdate) => void;
  /** The file the task is for, as the admission trace names it. */
  label?: string;
}

/** Time and timers, injectable so tests can drive the watchdog by hand. */
export interface SchedulerClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Calls `fire` once after `ms` unless the returned function is called first. */
  after(ms: number, fire: () => void): () => void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
  after(ms, fire) {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
};

interface Pending {
  task: TaskInput;
  options: SubmitOptions;
  seq: number;
  resolve: (outcome: TaskOutcome) => void;
}

interface Running {
  pending: Pending;
  controller: AbortController;
  lastBeat: number;
  /** True once the thread has picked the task up (its first heartbeat). */
  picked: boolean;
  /** Why we aborted it, if we did. */
  reason?: 'timeout' | 'cap' | 'cancel';
  reservation: Reservation;
  /** The highest RSS sampled while it ran (the trace's observed footprint). */
  peakRssMb: number;
  /** No other task ran at any time while it did: its observed growth is its own. */
  alone: boolean;
}

export const WATCHDOG_MS = 200;
/**
 * Extra time a task may wait for its thread to pick it up: a replaced thread has to start and
 * load its modules first, which is not the file's fault.
 */
export const STARTUP_GRACE_MS = 10_000;

export class Scheduler {
  private readonly queue: Pending[] = [];
  private readonly running = new Set<Running>();
  private readonly stopWatchdog: () => void;
  private seq = 0;
  private cancelled = false;
  /** True while the first wave is held (see holdFirstWave). */
  private held = false;
  private cancelHoldTimer: () => void = () => undefined;
  readonly admission: MemoryAdmission;
  private samplesSeen = 0;
  /** The last reason the trace was given for the queue's head waiting, to log changes only. */
  private lastBlock = '';

  constructor(
    private readonly runner: TaskRunner,
    private readonly governor: MemoryGovernor,
    private readonly clock: SchedulerClock = systemClock,
    readonly trace: AdmissionTrace = noTrace,
  ) {
    this.stopWatchdog = clock.every(WATCHDOG_MS, () => this.checkTimeouts());
    this.admission = new MemoryAdmission(governor.hardLimitMb, BASELINE_MB);
  }

  get active(): number {
    return this.running.size;
  }

  /** Settles with the outcome of `task`; a result is the one the pool gives that kind of task. */
  submit<T extends TaskInput>(task: T, options: SubmitOptions): Promise<TaskOutcome<ResultFor<T>>> {
    const outcome = this.cancelled
      ? Promise.resolve<TaskOutcome>({ type: 'cancelled' })
      : new Promise<TaskOutcome>((resolve) => {
          const seq = this.seq++;
          if (this.trace.enabled) {
            this.trace.event('ready', {
              seq,
              file: options.label,
              task: task.type,
              footprintMb: options.footprintMb ?? 0,
              priority: options.priority,
            });
          }
          this.queue.push({ task, options, seq, resolve });
          this.pump();
        });
    // The pool thread answers each task with its kind's result (pool-worker.ts, handleTask); the
    // runner's interface cannot say so per task, so the correspondence is stated here once.
    return outcome as Promise<TaskOutcome<ResultFor<T>>>;
  }

  /**
   * Holds dispatch until `ready` settles or `maxWaitMs` passes: the first wave of files is
   * prepared (hashed, looked up in the cache) and queued before anything starts, so the biggest,
   * not the quickest to hash, starts first.
   */
  holdFirstWave(ready: Promise<unknown>, maxWaitMs: number): void {
    this.held = true;
    this.cancelHoldTimer = this.clock.after(maxWaitMs, () => this.releaseHold());
    // After the callers' continuations have queued their tasks (microtasks run first).
    const release = () => setImmediate(() => this.releaseHold());
    ready.then(release, release);
  }

  private releaseHold(): void {
    if (!this.held) return;
    this.held = false;
    this.cancelHoldTimer();
    this.pump();
  }

  /** Re-evaluates what may start (call after a memory sample). */
  pump(): void {
    if (this.governor.sampleCount !== this.samplesSeen) {
      this.samplesSeen = this.governor.sampleCount;
      const rssMb = this.governor.lastRssMb;
      this.admission.observe(rssMb);
      for (const entry of this.running) entry.peakRssMb = Math.max(entry.peakRssMb, rssMb);
      if (this.trace.enabled) {
        this.trace.event('sample', {
          rssMb: Math.round(rssMb),
          concurrency: this.governor.concurrency,
          running: this.running.size,
          queued: this.queue.length,
        });
      }
    }
    if (this.held && this.queue.length > 0) this.traceBlock('held', this.queue[this.nextIndex()]);
    while (this.queue.length > 0 && !this.cancelled && !this.held) {
      const index = this.nextIndex();
      const next = this.queue[index];
      const blocked = this.blockedBy(next);
      if (blocked) return this.traceBlock(blocked, next);
      this.queue.splice(index, 1);
      this.start(next);
    }
  }

  /** Why `next` may not start now, or undefined when it may. */
  private blockedBy(next: Pending): string | undefined {
    if ([...this.running].some((r) => r.pending.options.exclusive)) return 'exclusive';
    if (next.options.exclusive && this.running.size > 0) return 'exclusive';
    if (!this.governor.mayStart(this.running.size)) {
      return this.running.size >= this.governor.concurrency
        ? 'governor-concurrency'
        : 'governor-soft';
    }
    // The next task by priority waits for room rather than letting smaller ones pass it: a big
    // scan would otherwise wait for as long as small files keep arriving.
    if (!this.admission.admits(next.options.footprintMb ?? 0)) return 'admission';
    return undefined;
  }

  private traceBlock(cause: string, next: Pending): void {
    if (!this.trace.enabled) return;
    const key = `${cause}/${next.seq}/${this.running.size}`;
    if (key === this.lastBlock) return;
    this.lastBlock = key;
    this.trace.event('blocked', {
      cause,
      seq: next.seq,
      file: next.options.label,
      footprintMb: next.options.footprintMb ?? 0,
      committedMb: Math.round(this.admission.committedMb()),
      admitsUpToMb: Math.round(this.admission.limitMb * this.admission.fillRatio),
      rssMb: Math.round(this.governor.lastRssMb),
      softLimitMb: Math.round(this.governor.softLimitMb),
      concurrency: this.governor.concurrency,
      running: this.running.size,
      queued: this.queue.length,
    });
  }

  /** Highest priority first; first come first within a priority. */
  private nextIndex(): number {
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) {
      const a = this.queue[i];
      const b = this.queue[best];
      if (a.options.priority > b.options.priority) best = i;
      else if (a.options.priority === b.options.priority && a.seq < b.seq) best = i;
    }
    return best;
  }

  private start(pending: Pending): void {
    const entry: Running = {
      pending,
      controller: new AbortController(),
      lastBeat: this.clock.now(),
      picked: false,
      reservation: this.admission.reserve(pending.options.footprintMb ?? 0),
      peakRssMb: this.governor.lastRssMb,
      alone: this.running.size === 0,
    };
    for (const other of this.running) other.alone = false;
    this.running.add(entry);
    this.lastBlock = '';
    if (this.trace.enabled) {
      this.trace.event('start', {
        seq: pending.seq,
        file: pending.options.label,
        footprintMb: entry.reservation.mb,
        rssMb: Math.round(entry.reservation.rssAtStartMb),
        running: this.running.size,
      });
    }
    pending.options.fileClock.taskStarted(entry.lastBeat);
    pending.options.onStart?.();
    this.runner
      .run(pending.task, {
        signal: entry.controller.signal,
        onProgress: (update) => {
          entry.lastBeat = this.clock.now();
          if (!entry.picked) this.pickedUp(entry, update);
          entry.picked = true;
          pending.options.onProgress?.(update);
        },
      })
      .then(
        (result): TaskOutcome => {
          if (entry.reason === 'cancel') return { type: 'cancelled' };
          return { type: 'result', result };
        },
        (error: unknown): TaskOutcome => classifyRejection(entry, error),
      )
      .then((outcome) => {
        this.running.delete(entry);
        if (this.trace.enabled) {
          this.trace.event('end', {
            seq: pending.seq,
            file: pending.options.label,
            task: pending.task.type,
            outcome: outcome.type,
            footprintMb: pending.options.footprintMb ?? 0,
            reservedMb: entry.reservation.mb,
            // Growth of the whole child while it ran: its own share when it ran alone.
            observedMb: Math.round(entry.peakRssMb - entry.reservation.rssAtStartMb),
            alone: entry.alone,
          });
        }
        this.admission.release(entry.reservation);
        pending.options.fileClock.taskEnded(this.clock.now());
        pending.resolve(outcome);
        // After the caller's continuation has reported the file (microtasks run first).
        setImmediate(() => this.pump());
      });
  }

  /** The thread's first heartbeat: a warm OCR engine already holds the task's OCR heap. */
  private pickedUp(entry: Running, update: Heartbeat): void {
    const { options, seq } = entry.pending;
    const warm = (update.warmOcrPixels ?? 0) >= (options.ocrPixels ?? 0);
    const lowered = warm && (options.ocrPixels ?? 0) > 0 ? (options.ocrHeapMb ?? 0) : 0;
    this.trace.event('picked', { seq, warmOcrPixels: update.warmOcrPixels, loweredMb: lowered });
    if (lowered <= 0) return;
    this.admission.lower(entry.reservation, lowered);
    // The room this frees may let the next task start now rather than at the next sample.
    setImmediate(() => this.pump());
  }

  private checkTimeouts(): void {
    const now = this.clock.now();
    for (const entry of this.running) {
      if (entry.reason) continue;
      const { options } = entry.pending;
      if (options.fileClock.runningMs(now) >= options.totalCapMs) {
        entry.reason = 'cap';
        entry.controller.abort();
      } else if (
        now - entry.lastBeat >=
        options.noProgressMs + (entry.picked ? 0 : STARTUP_GRACE_MS)
      ) {
        entry.reason = 'timeout';
        entry.controller.abort();
      }
    }
  }

  /** Aborts running tasks (their threads are terminated) and settles queued ones as cancelled. */
  cancelAll(): void {
    this.cancelled = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ type: 'cancelled' });
    for (const entry of this.running) {
      entry.reason ??= 'cancel';
      if (entry.reason === 'cancel') entry.controller.abort();
    }
  }

  dispose(): void {
    this.stopWatchdog();
    this.cancelHoldTimer();
  }
}

/** piscina's words for a thread that exited on its own with code 0 (an idle thread recycling). */
const RECYCLED_EXIT = /exited with code:? 0\b/;

function classifyRejection(entry: Running, error: unknown): TaskOutcome {
  const { options } = entry.pending;
  if (entry.reason === 'cancel') return { type: 'cancelled' };
  if (entry.reason === 'timeout') {
    return {
      type: 'timeout',
      message: `No progress for ${Math.round(options.noProgressMs / 100) / 10} s: the file was aborted.`,
    };
  }
  if (entry.reason === 'cap') {
    return {
      type: 'timeout',
      message: 'The file exceeded the total time allowed for one file and was aborted.',
    };
  }
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(message)) {
    return { type: 'oom', message };
  }
  if (RECYCLED_EXIT.test(message)) return { type: 'recycled', message };
  return { type: 'crash', message };
}
