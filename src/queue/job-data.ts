// What a queue job carries, and what it returns: paths, hashes, settings and the file's report
// entry, never a document's text and never a password (a worker reads its own --password-file).
import type { PageSpan } from '../shared/file-part';
import type { BatchOptions, ExtractOptions } from '../shared/options';
import type { FileReport } from '../shared/report';

/** The batch settings a job carries: those that decide the output, without passwords. */
export type JobBatchSettings = Pick<
  BatchOptions,
  'format' | 'cache' | 'fileTimeoutSeconds' | 'fileTotalCapSeconds' | 'memoryLimitMb'
>;

export interface FolioJobData {
  /** Absolute input folder, as every worker sees it (the shared folder's mount point). */
  input: string;
  /** Relative path of the file (the report's path). */
  rel: string;
  /** Absolute path of the file. */
  abs: string;
  /** Content hash when planned: a worker that finds other bytes still extracts what is there. */
  sha256: string;
  outDir: string;
  cacheDir: string;
  batch: JobBatchSettings;
  /** Extraction settings without `password`. */
  extract: Omit<ExtractOptions, 'password'>;
  /** A range job of a long scan: extract these pages and store their raw document. */
  range?: PageSpan;
  /** A long scan's merge job (its range jobs are its children): merge these and finish. */
  ranges?: PageSpan[];
  /** The planner's output name, relative to `outDir`, forward slashes (a local run's name). */
  output?: string;
}

export interface FolioJobResult {
  /** The file's report entry; `output` relative to `outDir` (workers may mount it elsewhere). */
  report: FileReport;
  /** The worker's name, for the log and `folio status`. */
  worker: string;
}

/** Only what decides a job's output: no passwords, no machine-specific limits. */
export function jobExtractSettings(extract: ExtractOptions): Omit<ExtractOptions, 'password'> {
  const { password: _password, ...rest } = extract;
  return rest;
}
