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
  attempt: number;
  /** How often this file was in flight when the child process died (fault injection uses it). */
  childCrashes: number;
  /** After the task, a thread whose V8 heap (plus external memory) is above this exits when idle. */
  recycleAboveMb: number;
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

export type ExtractResult =
  | { ok: true; outcome?: FileOutcome; doc?: ExtractedDocument }
  | { ok: false; code: ErrorCode; message: string; kind?: ExtractedDocument['source']['kind'] };

export interface ProbeResult {
  probe: PdfProbe | null;
}

export type PoolResult = ExtractResult | ProbeResult;

export type { ProgressUpdate };

/** The broadcast channel on which the child asks idle threads to drop their OCR engines. */
export const CONTROL_CHANNEL = 'folio-pool-control';
export type ControlMessage = { type: 'releaseMemory' };
