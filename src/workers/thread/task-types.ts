// Messages between the child's main thread and its pool threads (piscina tasks).
import type { MessagePort } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/errors';
import type { ExtractedDocument } from '../../shared/model';
import type { ExtractOptions } from '../../shared/options';
import type { FileOutcome } from '../../shared/report';
import type { PdfProbe } from './probe-pdf';
import type { ProgressUpdate } from '../engine/types';

export interface OutputTarget {
  format: 'md' | 'json';
  /** The cache entry's content file (written first). */
  contentPath: string;
  /** The mirrored output file (a copy of the content). */
  outputPath: string;
  /** Where the OCR'd words go (words-sidecar.ts), when the file has any. */
  wordsPath?: string;
}

export interface ExtractTask {
  type: 'extract';
  /** The path the thread opens: an ASCII alias when the real name is not valid UTF-8. */
  filePath: string;
  /** The input's absolute path as the model and reports show it. */
  sourcePath: string;
  extract: ExtractOptions;
  /** Content hash computed by the child for the cache key, so the thread does not hash again. */
  sha256: string;
  /** After the task, a thread whose V8 heap (plus external memory) is above this exits when idle. */
  recycleAboveMb: number;
  /**
   * After the task, drop this thread's OCR engine: its wasm heap grew to the task's biggest page
   * and never shrinks, so a thread that read one huge page would hold that for the batch.
   */
  releaseOcrAfter?: boolean;
  /** Pixels of the largest page OCR may read in this task (task-footprint.ts; 0 or absent: none). */
  ocrPixels?: number;
  /** Where to write the result; absent for a page range, whose raw document is returned. */
  write?: OutputTarget;
  /** Heartbeats (ProgressUpdate) go back on this port. */
  port: MessagePort;
}

export interface ProbeTask {
  type: 'probe';
  filePath: string;
  password?: string;
  port: MessagePort;
}

export type PoolTask = ExtractTask | ProbeTask;

/** A whole file, normalized and written to its cache entry and output by the thread. */
export interface WrittenResult {
  type: 'written';
  outcome: FileOutcome;
}

/** One page range of a file, returned raw so the child can merge the ranges in page order. */
export interface RangeResult {
  type: 'range';
  doc: ExtractedDocument;
}

/** The file could not be extracted (or written): a value, not a rejection. */
export interface FailedResult {
  type: 'failed';
  code: ErrorCode;
  message: string;
  /** Known when the document was read but could not be written. */
  kind?: ExtractedDocument['source']['kind'];
}

export type ExtractResult = WrittenResult | RangeResult | FailedResult;

export interface ProbeResult {
  type: 'probed';
  /** Null when the PDF could not be opened (the extractor will say why). */
  probe: PdfProbe | null;
}

export type PoolResult = ExtractResult | ProbeResult;

/**
 * The result a task gets: a probe its probe; an extract task with `write` a written file (or a
 * failure); one without `write` (a page range) its raw document (or a failure).
 */
export type ResultFor<T> = T extends { type: 'probe' }
  ? ProbeResult
  : T extends { write: OutputTarget }
    ? WrittenResult | FailedResult
    : 'write' extends keyof T
      ? ExtractResult
      : RangeResult | FailedResult;

export type { ProgressUpdate };

/**
 * A heartbeat; the first of a task also says the largest page (pixels) this thread's OCR engine
 * has read and still holds the heap for (0: no warm engine), so the child can take that part off
 * the task's memory reservation.
 */
export type Heartbeat = ProgressUpdate & { warmOcrPixels?: number };

/** The broadcast channel on which the child asks idle threads to drop their OCR engines. */
export const CONTROL_CHANNEL = 'folio-pool-control';
export type ControlMessage = { type: 'releaseMemory' };
