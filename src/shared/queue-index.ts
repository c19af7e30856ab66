// What the queue coordinator asks a planner process once a queued batch has ended: index the
// batch's written files for search and find their near duplicates, as a local run's child does
// (batch-run.ts). Queue workers keep no index (each sees one file per batch), so it is done here,
// on the coordinator's machine, reading the outputs from the output folder it shares with them.
// Only report entries and paths cross this channel, never text, and nothing of it goes to Redis.
import type { BatchOptions, ExtractOptions } from './options';
import type { FileReport, NearDuplicate } from './report';

export interface IndexRequest {
  type: 'index';
  /** Absolute input folder, as in the plan request. */
  input: string;
  batch: BatchOptions;
  extract: ExtractOptions;
  /** Every walked path (the plan's `files`): what the index holds of this input and is not, goes. */
  walked: string[];
  /** The batch's report entries in walk order, each with the input's sha256 when it was read. */
  reports: FileReport[];
}

export interface IndexResult {
  type: 'indexResult';
  /** Path → the files whose text is nearly the same, as a local run reports them. */
  nearDuplicates: Record<string, NearDuplicate[]>;
  /** Files handed to the index (those whose text was already there are not read again). */
  indexed: number;
  /** What could not be indexed, and why; the batch's report stands without it. */
  warnings: string[];
}

export interface IndexFailed {
  type: 'indexFailed';
  message: string;
}

export type IndexAnswer = IndexResult | IndexFailed;
