// The one typed message protocol between a parent (extension host or CLI) and the child process
// that owns the worker pool. Messages travel over Node's IPC channel (structured clone).
import type { BatchOptions, ExtractOptions } from './options';
import type { FileReport, RunReport, StatsSample } from './report';

export interface StartBatch {
  type: 'start';
  batchId: string;
  /** Absolute input folder. */
  input: string;
  /** Absolute paths to process instead of walking `input` (e.g. a resumed batch). */
  files?: string[];
  batch: BatchOptions;
  extract: ExtractOptions;
  /** Files that already killed the child once in this batch: one more kill and they are skipped. */
  childCrashCounts?: Record<string, number>;
}

export interface CancelBatch {
  type: 'cancel';
  batchId: string;
}

export interface Shutdown {
  type: 'shutdown';
}

export type ParentToChild = StartBatch | CancelBatch | Shutdown;

export interface ChildReady {
  type: 'ready';
  pid: number;
  version: string;
}

export interface BatchPlanned {
  type: 'planned';
  batchId: string;
  /** Relative paths of every file that will be reported, in the order they were found. */
  files: string[];
}

export interface FileStarted {
  type: 'fileStarted';
  batchId: string;
  path: string;
  attempt: number;
}

export interface PageProgress {
  type: 'progress';
  batchId: string;
  path: string;
  page: number;
  pages: number;
}

export interface FileDone {
  type: 'fileDone';
  batchId: string;
  report: FileReport;
}

export interface Stats {
  type: 'stats';
  batchId: string;
  sample: StatsSample;
}

export interface BatchDone {
  type: 'batchDone';
  batchId: string;
  report: RunReport;
  /** Where the full JSON report was written. */
  reportPath?: string;
}

export interface ChildLog {
  type: 'log';
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

export interface BatchFailed {
  type: 'batchFailed';
  batchId: string;
  message: string;
}

export type ChildToParent =
  | ChildReady
  | BatchPlanned
  | FileStarted
  | PageProgress
  | FileDone
  | Stats
  | BatchDone
  | BatchFailed
  | ChildLog;
