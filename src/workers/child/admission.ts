// Admission by footprint: a task starts only when what it will hold fits beside what is held
// already, so the budget is kept before RSS shows the overshoot, not 500 ms after it. What is
// held is the larger of two views: the sampled RSS plus what running tasks have declared but not
// yet shown, and the idle floor (the child with nothing running) plus every running declaration.
// With nothing running any task may start: a task bigger than the budget runs alone.

/** A 300-dpi letter or A4 scan with OCR, as task-footprint.ts estimates it (about 200 MB). */
const ORDINARY_TASK_MB = 250;

export interface Reservation {
  /** What the task declared, less what its thread turned out to hold already (`lower`). */
  mb: number;
  /** The sampled RSS when the task started: growth since then is the task showing its share. */
  readonly rssAtStartMb: number;
}

export class MemoryAdmission {
  private readonly running = new Set<Reservation>();
  private rssMb = 0;
  private floorMb: number | undefined;

  constructor(
    readonly limitMb: number,
    /** The child's own baseline, a lower bound on the floor before any idle sample. */
    readonly baselineMb: number,
    /**
     * Admission fills this share of the limit: footprints are estimates, and the parent process
     * (50-80 MB) is outside the child's budget but inside the process tree the user pays for.
     */
    readonly fillRatio = 0.9,
  ) {}

  /** A new RSS sample. */
  observe(rssMb: number): void {
    this.rssMb = rssMb;
    // With tasks running RSS is at or above the idle floor, so a lower sample lowers it too.
    if (this.running.size === 0 || this.floorMb === undefined || rssMb < this.floorMb) {
      this.floorMb = rssMb;
    }
  }

  /** MB held or promised now. */
  committedMb(): number {
    let declared = 0;
    let notYetShown = 0;
    for (const r of this.running) {
      declared += r.mb;
      notYetShown += Math.max(0, r.mb - Math.max(0, this.rssMb - r.rssAtStartMb));
    }
    // Before the pool has loaded its libraries the idle child is below its working baseline.
    const floor = Math.max(this.floorMb ?? 0, this.baselineMb);
    return Math.max(this.rssMb + notYetShown, floor + declared);
  }

  /** Whether a task declaring `mb` may start now. */
  admits(mb: number): boolean {
    if (this.running.size === 0) return true;
    return this.committedMb() + mb <= this.limitMb * this.fillRatio;
  }

  /**
   * Whether a task of `mb` can fit the limit at all, alone, once the baseline is paid. A limit
   * too small for an ordinary scanned page asks for the least memory possible, not for refusals:
   * everything runs, one task at a time, as the governor already does there.
   */
  fitsAlone(mb: number): boolean {
    if (this.limitMb < this.baselineMb + ORDINARY_TASK_MB) return true;
    return this.baselineMb + mb <= this.limitMb;
  }

  reserve(mb: number): Reservation {
    const reservation = { mb, rssAtStartMb: this.rssMb };
    this.running.add(reservation);
    return reservation;
  }

  /**
   * The task's thread already holds `mb` of what it declared (an OCR engine whose heap has grown
   * to this page size on an earlier file): that part is in the sampled RSS and will not be added.
   */
  lower(reservation: Reservation, mb: number): void {
    reservation.mb = Math.max(0, reservation.mb - mb);
  }

  release(reservation: Reservation): void {
    this.running.delete(reservation);
  }
}
