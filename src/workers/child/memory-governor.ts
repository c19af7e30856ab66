// Decides, from sampled RSS of the child process (its threads included), how many tasks may run.
// Above the soft limit no new task starts and idle threads are asked to give memory back; above
// the hard limit concurrency drops by one (and idle
// threads are asked to release their OCR engines); after a calm spell it grows back. A pure state
// machine: the scheduler feeds it samples and asks it questions.

export interface GovernorDecision {
  /** Idle threads should drop what they cache (OCR engines). */
  release: boolean;
  /** Concurrency changed with this sample. */
  changed: boolean;
}

export class MemoryGovernor {
  private rssMb = 0;
  private limit: number;
  private lastShrinkAt = -Infinity;
  private lastReleaseAt = -Infinity;
  private calmSince: number | undefined;
  private samples = 0;

  constructor(
    readonly maxWorkers: number,
    readonly hardLimitMb: number,
    /** Fraction of the hard limit above which no new task starts. */
    readonly softRatio = 0.8,
    /** Minimum time between two shrinks, so one spike does not drop to a single worker. */
    readonly shrinkCooldownMs = 2000,
    /** Time below the soft limit (with margin) before one worker is added back. */
    readonly growAfterMs = 5000,
  ) {
    this.limit = maxWorkers;
  }

  /**
   * Starts below full concurrency when the budget cannot hold that many busy workers at once
   * (see `affordableWorkers`); calm spells still add workers back up to `maxWorkers`.
   */
  startWith(workers: number): void {
    this.limit = Math.max(1, Math.min(this.maxWorkers, workers));
  }

  get softLimitMb(): number {
    return this.hardLimitMb * this.softRatio;
  }

  /** How many tasks may run at once right now. */
  get concurrency(): number {
    return this.limit;
  }

  get lastRssMb(): number {
    return this.rssMb;
  }

  /** How many samples have been taken: tells a reader whether `lastRssMb` is new. */
  get sampleCount(): number {
    return this.samples;
  }

  sample(rssMb: number, now: number): GovernorDecision {
    this.rssMb = rssMb;
    this.samples++;
    if (rssMb > this.hardLimitMb) {
      this.calmSince = undefined;
      if (now - this.lastShrinkAt >= this.shrinkCooldownMs) {
        this.lastShrinkAt = now;
        this.lastReleaseAt = now;
        const changed = this.limit > 1;
        this.limit = Math.max(1, this.limit - 1);
        return { release: true, changed };
      }
      return { release: false, changed: false };
    }
    if (rssMb > this.softLimitMb && now - this.lastReleaseAt >= this.shrinkCooldownMs) {
      // Above the soft limit idle threads hand memory back (OCR engines, bloated heaps), so the
      // pool can go back to full speed instead of waiting for RSS that never falls by itself.
      this.lastReleaseAt = now;
      this.calmSince = undefined;
      return { release: true, changed: false };
    }
    // A worker comes back only when the budget has room for one more busy worker: on a small
    // budget a calm spell between two scans would otherwise start a second OCR engine.
    const roomForOneMore = rssMb + PER_BUSY_WORKER_MB <= this.softLimitMb;
    if (rssMb < this.softLimitMb * 0.85 && roomForOneMore && this.limit < this.maxWorkers) {
      this.calmSince ??= now;
      if (now - this.calmSince >= this.growAfterMs) {
        this.limit += 1;
        this.calmSince = now;
        return { release: false, changed: true };
      }
    } else {
      this.calmSince = undefined;
    }
    return { release: false, changed: false };
  }

  /**
   * Whether a new task may start with `running` tasks in flight. Nothing running always may:
   * otherwise a child whose baseline sits above the limit would wait forever.
   */
  mayStart(running: number): boolean {
    if (running === 0) return true;
    return running < this.limit && this.rssMb < this.softLimitMb;
  }
}

/** The child's own baseline (runtime, libraries, one idle pool) before any document, in MB. */
export const BASELINE_MB = 150;
/** What one busy worker can add at its peak: an OCR engine (~250 MB) plus a decoded scan page. */
const PER_BUSY_WORKER_MB = 350;

/**
 * How many workers a memory budget can hold busy at once, measured on OCR-heavy batches (the
 * most memory-hungry work): 1024 MB → 2, 512 MB → 1. Starting there keeps a small budget from
 * being overshot before the first RSS sample can react.
 */
export function affordableWorkers(memoryLimitMb: number): number {
  return Math.max(1, Math.floor((memoryLimitMb - BASELINE_MB) / PER_BUSY_WORKER_MB));
}
