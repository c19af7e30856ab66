// What the queue coordinator (src/queue) and the planning child (src/workers/child/queue-plan.ts)
// say to each other over Node's IPC channel: the coordinator asks for a plan of one folder, the
// child walks it, hashes every file, answers what it can from the cache and lists the rest, which
// the coordinator turns into queue jobs. Only paths, hashes and report entries, never text.
import type { PageSpan } from './file-part';
import type { BatchOptions, ExtractOptions } from './options';
import type { FileReport } from './report';

export interface PlanRequest {
  type: 'plan';
  /** Absolute input folder. */
  input: string;
  batch: BatchOptions;
  extract: ExtractOptions;
  /**
   * Pages per range job for long scans (probed as a local run probes them); absent: one job
   * per file.
   */
  rangePages?: number;
}

/** A file the cache could not answer: it becomes one queue job, or one per page range. */
export interface PlannedFile {
  /** Relative to the input folder, forward slashes (the report's path). */
  rel: string;
  /** Absolute path (lossy for names that are not valid UTF-8). */
  abs: string;
  sha256: string;
  size: number;
  /** Estimated cost in seconds (plan.ts): biggest first, as a local run takes them up. */
  cost: number;
  /** Its output's absolute path (the names a local run gives): a duplicate's copy goes there. */
  outputPath: string;
  /** Two or more page ranges: each is a job, and a last one merges them (file-part.ts). */
  ranges?: PageSpan[];
}

export interface PlanResult {
  type: 'planResult';
  /** Every relative path that will be reported, in walk order. */
  files: string[];
  /** Files already answered: skipped, unreadable, or copied from the cache. */
  reports: FileReport[];
  /** Files to run on workers, biggest first. */
  fresh: PlannedFile[];
}

export interface PlanFailed {
  type: 'planFailed';
  message: string;
}

export type PlanAnswer = PlanResult | PlanFailed;
