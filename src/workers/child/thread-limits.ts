// How much memory one pool thread may use, from the batch's memory budget.

/** Per-thread V8 old-space cap: a runaway heap kills that thread, not the child. */
export function threadHeapLimitMb(memoryLimitMb: number): number {
  return Math.max(64, Math.min(4096, Math.round(memoryLimitMb * 0.5)));
}

/** A thread whose heap grew past its share of the memory budget is replaced when idle. */
export function threadRecycleMb(memoryLimitMb: number, workers: number): number {
  return Math.max(64, Math.round(memoryLimitMb / (2 * workers)));
}

/**
 * A thread drops its OCR engine after a task whose biggest page had more pixels than this: the
 * engine's wasm heap grows to the largest page it has read and never shrinks. Above a 300-dpi
 * A4 or letter page (8.7 Mpx), so ordinary scans keep their warm engine.
 */
export const OCR_RELEASE_PIXELS = 12_000_000;
