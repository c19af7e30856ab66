// The parent-side API over the child process (used by the CLI and by the extension host alike,
// so the CLI's numbers are the extension's numbers).
import type { FilePart } from '../shared/file-part';
import type { BatchOptions, ExtractOptions } from '../shared/options';
import type { RenderedPage, RenderPageRequest } from '../shared/protocol';
import type { FileReport, RunReport, StatsSample } from '../shared/report';

export interface BatchRequest {
  /** Absolute input folder. */
  input: string;
  batch: BatchOptions;
  extract: ExtractOptions;
  /** A queue job's part of a long scan (src/shared/file-part.ts); absent: whole files. */
  part?: FilePart;
  /** Output names a queue planner gave (StartBatch.outputNames). */
  outputNames?: Record<string, string>;
}

export interface BatchHandlers {
  /** Every file that will be reported, as relative paths, once the folder has been walked. */
  onPlanned?(files: string[]): void;
  onFileStarted?(path: string, attempt: number): void;
  onProgress?(path: string, page: number, pages: number): void;
  onFileDone?(report: FileReport): void;
  /** About every 500 ms while the batch runs. `treeRssMb` adds the parent's own RSS. */
  onStats?(sample: StatsSample & { treeRssMb: number }): void;
  onLog?(level: 'trace' | 'debug' | 'info' | 'warn' | 'error', message: string): void;
}

export interface BatchRunner {
  /** Runs one batch to the end (or cancellation) and resolves with the full report. */
  run(request: BatchRequest, handlers?: BatchHandlers): Promise<RunReport>;
  /** Cancels the running batch; `run` then resolves within ~2 s with the rest marked CANCELLED. */
  cancel(): void;
  /** Shuts the child process down. */
  dispose(): Promise<void>;
  /** One page of a source file as an image, for the extension's "source beside" view. */
  renderPage?(request: Omit<RenderPageRequest, 'type' | 'requestId'>): Promise<RenderedPage>;
}
