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
  warnings?: {
    code: WarningCode;
    message: string;
    page?: number;
    sheet?: string;
    /** The library's own error text behind the message, if any (plain-message.ts). */
    detail?: string;
  }[];
  /** True when the output came from the cache without extraction. */
  cached?: boolean;
  /**
   * Times the file was started on a pool thread or in a child process, the retries after a
   * thread or the child died included (1 = no retry; 0 = not run: cached, duplicate, skipped).
   */
  attempts?: number;
  /** sha256 (hex) of the input's bytes; absent when they could not be read. */
  sha256?: string;
  /** Size of the input in bytes. */
  size?: number;
  /** sha256 (hex) of the written output. */
  outputSha256?: string;
  /**
   * The technical detail behind a plain `message` (a library's own error text), for the log and
   * an audit; never shown as the message.
   */
  detail?: string;
  /** The first file of the run with the same bytes: its output is this file's output. */
  duplicateOf?: string;
  /** Other files of the run whose text is nearly the same (MinHash estimate), most similar first. */
  nearDuplicates?: NearDuplicate[];
}

export interface NearDuplicate {
  path: string;
  /** Estimated share of the two texts' word shingles they have in common, 0 to 1. */
  similarity: number;
}

/** What a file's processing produced, independent of where and when (stored in the cache). */
export type FileOutcome = Omit<
  FileReport,
  | 'path'
  | 'ms'
  | 'output'
  | 'cached'
  | 'attempts'
  | 'sha256'
  | 'size'
  | 'duplicateOf'
  | 'nearDuplicates'
>;

export interface RunTotals {
  files: number;
  ok: number;
  partial: number;
  failed: number;
  skipped: number;
  /** Of the skipped: those the batch's cancellation stopped (code CANCELLED). */
  cancelled?: number;
  /** Files whose output came from the cache (not extracted in this run). */
  cached?: number;
  wallMs: number;
  /**
   * Files extracted in this run (not skipped, not from the cache) per minute of wall time: the
   * rate every view shows (report, CLI, status bar, log), from runRate() in report-builder.ts.
   */
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
  /**
   * 16 hex digits of sha256 over the settings that change outputs (engine version, format, OCR
   * languages and threshold, limits, DOCX and XLSX options; never passwords): two runs with the
   * same fingerprint and the same input sha256 give the same output.
   */
  settingsFingerprint?: string;
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
