// The one typed message protocol between a parent (extension host or CLI) and the child process
// that owns the worker pool. Messages travel over Node's IPC channel (structured clone).
import type { FilePart } from './file-part';
import type { BatchOptions, ExtractOptions } from './options';
import type { FileReport, RunReport, StatsSample } from './report';
import type { SearchOptions, SearchResult } from './search';
import type { OcrWord } from './ocr-words';

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
  /** A queue job's part of a long scan (its one file): a page range, or the merge. */
  part?: FilePart;
  /**
   * Output names (relative to the output folder) by relative input path, as the queue planner
   * gave them from the whole folder's walk: a worker sees one file and would not know of a
   * clashing name.
   */
  outputNames?: Record<string, string>;
}

export interface CancelBatch {
  type: 'cancel';
  batchId: string;
}

export interface Shutdown {
  type: 'shutdown';
}

/**
 * Renders one page of a source file as an image the "source beside" view can show: answered with
 * `renderPageResult` (same requestId), even while a batch runs.
 */
export interface RenderPageRequest {
  type: 'renderPage';
  requestId: string;
  /** Absolute path of the source file. */
  source: string;
  /** 1-based page of a PDF or frame of an image (a single image has one). */
  page: number;
  /** Folder the images are written to (and looked up in: a page is rendered once). */
  imageDir: string;
  password?: string;
  /**
   * Cache folders whose words sidecar may have the page's OCR'd words (answered in `words`), the
   * first that has one: the extension's own and, with the queue set up, the shared folder's.
   */
  cacheDirs?: string[];
}

/** Where the rendered (or, for a PNG/JPEG, copied) page is, and its size in pixels. */
export interface RenderedPage {
  image: string;
  width: number;
  height: number;
  page: number;
  /** Pages (or frames) in the source. */
  pages: number;
  /**
   * The page's OCR'd words, boxes as fractions of the page (so they fit any render size); absent
   * when the page was not OCR'd or the file not extracted into one of `cacheDirs`.
   */
  words?: OcrWord[];
}

// ── Search (issue 13) ──────────────────────────────────────────────────────────────────────────
// Parent → child: { type: 'search', requestId, query, options: SearchOptions }
// Child → parent: { type: 'searchResult', requestId, result?: SearchResult, error?: string }
// Answered even while a batch runs (the index is updated as each file finishes). Query syntax:
// words (all must match; fuzzy for OCR errors), `"a phrase"`, `word*` (prefix); amounts, dates and
// references match whatever their separators (`41,228.23` = `41228.23`, `INV-2024-4788` =
// `INV 2024 4788`). The runner's API: `ChildProcessRunner.search(query, options)`.
export interface SearchRequest {
  type: 'search';
  requestId: string;
  query: string;
  options: SearchOptions;
}

export interface SearchResponse {
  type: 'searchResult';
  requestId: string;
  result?: SearchResult;
  /** A plain sentence when the search could not run (e.g. an unreadable index). */
  error?: string;
}

export type ParentToChild = StartBatch | CancelBatch | Shutdown | SearchRequest | RenderPageRequest;

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

export interface RenderPageResult {
  type: 'renderPageResult';
  requestId: string;
  page?: RenderedPage;
  /** A plain sentence when the page could not be rendered. */
  error?: string;
}

export type ChildToParent =
  | SearchResponse
  | RenderPageResult
  | ChildReady
  | BatchPlanned
  | FileStarted
  | PageProgress
  | FileDone
  | Stats
  | BatchDone
  | BatchFailed
  | ChildLog;
