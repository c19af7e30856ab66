// A thin adapter over piscina: one pool of threads, each task with its own MessageChannel for
// heartbeats and an AbortSignal that terminates the thread (piscina then starts a fresh one).
import { BroadcastChannel, MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Heartbeat, PoolResult, PoolTask } from '../thread/task-types';
import { CONTROL_CHANNEL } from '../thread/task-types';

/** A task without its port: the runner adds the heartbeat channel. */
export type TaskInput = PoolTask extends infer T
  ? T extends PoolTask
    ? Omit<T, 'port'>
    : never
  : never;

export interface TaskRunner {
  run(
    task: TaskInput,
    options: { signal: AbortSignal; onProgress: (update: Heartbeat) => void },
  ): Promise<PoolResult>;
  /** Asks idle threads to drop cached engines (memory pressure). */
  releaseMemory(): void;
  destroy(): Promise<void>;
}

export interface PiscinaRunnerOptions {
  workerFile: string;
  threads: number;
  /** Per-thread V8 old-space cap: a runaway heap kills that thread, not the child. */
  maxOldGenerationSizeMb: number;
}

export class PiscinaRunner implements TaskRunner {
  private readonly pool: Piscina<PoolTask, PoolResult>;
  private readonly control = new BroadcastChannel(CONTROL_CHANNEL);

  constructor(options: PiscinaRunnerOptions) {
    this.control.unref();
    this.pool = new Piscina({
      filename: options.workerFile,
      minThreads: options.threads,
      maxThreads: options.threads,
      concurrentTasksPerWorker: 1,
      // Threads must keep their event loops running between tasks (control messages, OCR timers).
      atomics: 'disabled',
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb },
    });
    // piscina emits 'error' for a thread that dies outside a task; the scheduler already
    // accounts for failures through task rejections, so this must not crash the child.
    this.pool.on('error', () => undefined);
  }

  async run(
    task: TaskInput,
    options: { signal: AbortSignal; onProgress: (update: Heartbeat) => void },
  ): Promise<PoolResult> {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (update: Heartbeat) => options.onProgress(update));
    try {
      return await this.pool.run({ ...task, port: port2 } as PoolTask, {
        signal: options.signal,
        transferList: [port2],
      });
    } finally {
      port1.close();
    }
  }

  releaseMemory(): void {
    this.control.postMessage({ type: 'releaseMemory' });
  }

  async destroy(): Promise<void> {
    this.control.close();
    await this.pool.destroy();
  }
}
