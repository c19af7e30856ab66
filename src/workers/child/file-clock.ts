// A file's own time, shared by all its tasks (a probe, attempts, page ranges): it runs only while
// at least one of them is on a thread, so the wait in the queue between two tasks (a text PDF's
// extraction queued behind a scan's page ranges, right after its probe) is not the file's time.

export class FileClock {
  /** When the file's first task started (undefined before any). */
  startedAt: number | undefined;
  private running = 0;
  private busySince: number | undefined;
  private busyMs = 0;
  private lastEndedAt: number | undefined;

  taskStarted(now: number): void {
    this.startedAt ??= now;
    if (this.running++ === 0) this.busySince = now;
  }

  taskEnded(now: number): void {
    if (this.running === 0) return;
    this.running -= 1;
    this.lastEndedAt = now;
    if (this.running === 0 && this.busySince !== undefined) {
      this.busyMs += now - this.busySince;
      this.busySince = undefined;
    }
  }

  /** Time with at least one task running, up to `now`: what the total cap is measured against. */
  runningMs(now: number): number {
    return this.busyMs + (this.busySince === undefined ? 0 : now - this.busySince);
  }

  /**
   * The file's time once its tasks are done: running time plus what came after the last task
   * (merging page ranges and writing them on the child's main thread is the file's work too).
   */
  finishedMs(now: number): number {
    const tail = this.running === 0 && this.lastEndedAt !== undefined ? now - this.lastEndedAt : 0;
    return this.runningMs(now) + tail;
  }
}
