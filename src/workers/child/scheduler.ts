// Starts pool tasks in order of expected cost (biggest first), no more at once than the memory
// governor allows, and watches each running task: no heartbeat for the no-progress timeout, or a
// file past its total cap, aborts the task (which terminates and replaces its thread). Every
// submitted task settles with a classified outcome; nothing here throws at the caller.
import type { MemoryGovernor } from './memory-governor';
import type { TaskInput, TaskRunner } from './piscina-runner';
import type { PoolResult, ProgressUpdate } from '../thread/task-types';

export type TaskOutcome =
  | { type: 'result'; result: PoolResult }
  | { type: 'timeout'; message: string }
  | { type: 'crash'; message: string }
  | { type: 'oom'; message: string }
  | { type: 'cancelled' };

export interface SubmitOptions {
  /** Higher runs first. */
  priority: number;
  /** Runs alone (nothing else in flight): for files suspected of killing the child. */
  exclusive?: boolean;
  /** Abort when no heartbeat arrives for this long. */
  noProgressMs: number;
  /**
   * The file's clock, shared by all its tasks: set when its first task starts, so time spent
   * waiting in the queue never counts against the file.
   */
  fileClock: { startedAt?: number };
  /** Abort when the file has run this long in all, however much progress it makes. */
  totalCapMs: number;
  onStart?: () => void;
  onProgress?: (update: ProgressUpdate) => void;
}

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
}

const WATCHDOG_MS = 200;
/**
 * Extra time a task may wait for its thread to pick it up: a replaced thread has to start and
 * load its modules first, which is not the file's fault.
 */
const STARTUP_GRACE_MS = 10_000;

export class Scheduler {
  private readonly queue: Pending[] = [];
  private readonly running = new Set<Running>();
  private readonly watchdog: NodeJS.Timeout;
  private seq = 0;
  private cancelled = false;
  /** Highest number of tasks seen running at once (for tests and the report). */
  peakRunning = 0;

  constructor(
    private readonly runner: TaskRunner,
    private readonly governor: MemoryGovernor,
  ) {
    this.watchdog = setInterval(() => this.checkTimeouts(), WATCHDOG_MS);
    this.watchdog.unref();
  }

  get queued(): number {
    return this.queue.length;
  }

  get active(): number {
    return this.running.size;
  }

  submit(task: TaskInput, options: SubmitOptions): Promise<TaskOutcome> {
    if (this.cancelled) return Promise.resolve({ type: 'cancelled' });
    return new Promise((resolve) => {
      this.queue.push({ task, options, seq: this.seq++, resolve });
      this.pump();
    });
  }

  private held = false;

  /**
   * Holds dispatch until `release()`: lets the first wave of files be prepared (hashed, looked
   * up) so the biggest, not the quickest to hash, starts first.
   */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.pump();
  }

  /** Re-evaluates what may start (call after a memory sample). */
  pump(): void {
    while (this.queue.length > 0 && !this.cancelled && !this.held) {
      const exclusiveRunning = [...this.running].some((r) => r.pending.options.exclusive);
      if (exclusiveRunning) return;
      const index = this.nextIndex();
      const next = this.queue[index];
      if (next.options.exclusive && this.running.size > 0) return;
      if (!this.governor.mayStart(this.running.size)) return;
      this.queue.splice(index, 1);
      this.start(next);
    }
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
      lastBeat: Date.now(),
      picked: false,
    };
    this.running.add(entry);
    this.peakRunning = Math.max(this.peakRunning, this.running.size);
    pending.options.fileClock.startedAt ??= entry.lastBeat;
    pending.options.onStart?.();
    this.runner
      .run(pending.task, {
        signal: entry.controller.signal,
        onProgress: (update) => {
          entry.lastBeat = Date.now();
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
        pending.resolve(outcome);
        // After the caller's continuation has reported the file (microtasks run first).
        setImmediate(() => this.pump());
      });
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const entry of this.running) {
      if (entry.reason) continue;
      const { options } = entry.pending;
      if (now - (options.fileClock.startedAt ?? now) >= options.totalCapMs) {
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
    clearInterval(this.watchdog);
  }
}

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
  return { type: 'crash', message };
}
