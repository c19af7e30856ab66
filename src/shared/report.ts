// The run report: every input file appears exactly once, whatever happened to it.
import type { DocumentKind } from './model';
import type { ErrorCode } from './errors';
import type { WarningCode } from './model';

export type FileStatus = 'ok' | 'partial' | 'failed' | 'skipped';

export interface FileReport {
  /** Relative to the input folder, with forward slashes. */
  path: string;
  kind: DocumentKind | 'unknown';
  status: FileStatus;
  /** Error code for failed/skipped files; the first lossy warning's code for partial ones. */
  code?: ErrorCode | WarningCode;
  message?: string;
  pages?: number;
  ocrPages?: number;
  ocrConfidence?: number;
  chars?: number;
  ms: number;
  /** Path of the written output file. */
  output?: string;
  warnings?: { code: WarningCode; message: string; page?: number; sheet?: string }[];
  /** True when the output came from the cache without extraction. */
  cached?: boolean;
  attempts?: number;
}

/** What a file's processing produced, independent of where and when (stored in the cache). */
export type FileOutcome = Omit<FileReport, 'path' | 'ms' | 'output' | 'cached' | 'attempts'>;

export interface RunTotals {
  files: number;
  ok: number;
  partial: number;
  failed: number;
  skipped: number;
  wallMs: number;
  filesPerMin: number;
  peakRssMb: number;
}

export interface RunReport {
  tool: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  input: string;
  totals: RunTotals;
  files: FileReport[];
  /** Samples of throughput and memory over the run, for the report's chart. */
  timeline?: StatsSample[];
  workers?: number;
}

export interface StatsSample {
  /** Milliseconds since the batch started. */
  t: number;
  done: number;
  total: number;
  filesPerMin: number;
  /** RSS of the child process (threads included), MB. */
  rssMb: number;
  queued: number;
  active: number;
  workers: number;
}
