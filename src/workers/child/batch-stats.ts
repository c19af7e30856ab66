// The batch's pulse: every 500 ms it samples the child's RSS, lets the memory governor decide
// (asking idle threads to give memory back, logging a change of concurrency), lets the scheduler
// start what the decision allows, and sends the parent a stats sample.
import type { ChildToParent } from '../../shared/protocol';
import { filesPerMinute } from '../../shared/report-builder';
import type { MemoryGovernor } from './memory-governor';
import type { TaskRunner } from './piscina-runner';
import type { Scheduler } from './scheduler';

export const STATS_INTERVAL_MS = 500;

export interface BatchStatsSources {
  batchId: string;
  startedAt: Date;
  /** Files the batch reports in all. */
  total: number;
  /** Files reported so far. */
  done(): number;
  emit(message: ChildToParent): void;
  /** Resident memory of this process in MB (threads included). */
  rssMb(): number;
  governor: MemoryGovernor;
  runner: TaskRunner;
  scheduler: Scheduler;
}

export class BatchStats {
  private peak = 0;
  /** Files being prepared or run: neither queued nor done. */
  private inFlight = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly sources: BatchStatsSources) {}

  get peakRssMb(): number {
    return this.peak;
  }

  fileStarted(): void {
    this.inFlight++;
  }

  fileEnded(): void {
    this.inFlight--;
  }

  /** Samples now and every STATS_INTERVAL_MS until `stop`. */
  start(): void {
    this.timer ??= setInterval(() => this.sample(), STATS_INTERVAL_MS);
    this.sample();
  }

  /** Stops the timer and takes the last sample. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
  }

  private sample(): void {
    const { governor, scheduler, emit } = this.sources;
    const rssMb = this.sources.rssMb();
    this.peak = Math.max(this.peak, rssMb);
    const decision = governor.sample(rssMb, Date.now());
    if (decision.release) this.sources.runner.releaseMemory();
    if (decision.changed) {
      emit({
        type: 'log',
        level: 'warn',
        message: `memory: RSS ${Math.round(rssMb)} MB (limit ${governor.hardLimitMb} MB): concurrency now ${governor.concurrency}`,
      });
    }
    scheduler.pump();
    const done = this.sources.done();
    const elapsed = Date.now() - this.sources.startedAt.getTime();
    const { total } = this.sources;
    emit({
      type: 'stats',
      batchId: this.sources.batchId,
      sample: {
        t: elapsed,
        done,
        total,
        filesPerMin: filesPerMinute(done, elapsed),
        rssMb: Math.round(rssMb),
        queued: Math.max(0, total - done - this.inFlight),
        active: scheduler.active,
        workers: governor.concurrency,
      },
    });
  }
}
