// Settings that change what the engine produces or how a batch runs. Shared by the CLI, the
// child process and the extension so that all three speak the same names and defaults.

export interface OcrOptions {
  enabled: boolean;
  /** Tesseract language codes, e.g. ['eng'] or ['eng', 'deu']; loaded from packaged data only. */
  languages: string[];
  /** Pages whose mean word confidence is below this get a lossy OCR_LOW_CONFIDENCE warning. */
  minConfidence: number;
}

/** How XLSX cells are shown: see ExtractOptions.excel.values. */
export type ExcelValues = 'displayed' | 'raw';

export const EXCEL_VALUES: readonly ExcelValues[] = ['displayed', 'raw'];

export interface ExtractOptions {
  ocr: OcrOptions;
  /** Password for an encrypted document, when the reviewer supplied one. */
  password?: string;
  pdf: {
    /** PDFs with more pages than this are processed strictly page by page (streamed). */
    streamingPageThreshold: number;
    /** Only these 1-based pages, inclusive (used to split long scans across workers). */
    pageRange?: { from: number; to: number };
  };
  excel: {
    /**
     * A workbook is read with the streaming reader when a sheet declares more rows than this, or
     * its sheet parts are large enough to hold that many (see chooseReadMode).
     */
    streamingRowThreshold: number;
    /**
     * What a cell's text is: 'displayed', as its number format shows it in Excel (21,564.80,
     * 12.5%, (1,234.00), 15/03/2024), or 'raw', the stored value (21564.8, 0.125, -1234, dates
     * as ISO 2024-03-15). The JSON keeps the typed value and the formula either way.
     */
    values: ExcelValues;
    /**
     * Keep each cell's stored value and formula in the table blocks (default true). Only the JSON
     * output shows them, so the batch turns this off for Markdown: on a 50,000-row ledger they
     * are about 77 MB that nothing would read.
     */
    storedValues?: boolean;
  };
  docx: {
    /**
     * true: comments (author, date, the text they anchor to) and tracked insertions and
     * deletions are shown in the text, each marked with its author and date. false: the text as
     * it would read with every change accepted, and a warning that comments were left out.
     */
    reviewMarks: boolean;
  };
  limits: {
    /** Largest input file accepted, in bytes. */
    maxFileBytes: number;
    /** Largest total uncompressed size of an Office zip package, in bytes (zip-bomb guard). */
    maxUnzippedBytes: number;
    /** Largest image accepted for OCR, in pixels (width × height). */
    maxImagePixels: number;
  };
}

export const defaultExtractOptions: ExtractOptions = {
  ocr: { enabled: true, languages: ['eng'], minConfidence: 80 },
  pdf: { streamingPageThreshold: 50 },
  excel: { streamingRowThreshold: 1000, values: 'displayed' },
  docx: { reviewMarks: true },
  limits: {
    maxFileBytes: 512 * 1024 * 1024,
    maxUnzippedBytes: 1024 * 1024 * 1024,
    maxImagePixels: 100_000_000,
  },
};

export interface BatchOptions {
  /**
   * Worker threads, 1 to 32; 1 means sequential. Default min(cores, 4). A small memory budget
   * starts with fewer busy at once (affordableWorkers) and adds them back in calm spells.
   */
  workers?: number;
  /**
   * Memory budget (MB) of the child process, its threads included: near it no new task starts,
   * above it the pool shrinks (memory-governor.ts); a thread's heap gets half (threadHeapLimitMb).
   */
  memoryLimitMb: number;
  /** A file that makes no progress for this long is aborted. */
  fileTimeoutSeconds: number;
  /** Hard cap on a single file's total time, however much progress it makes. */
  fileTotalCapSeconds: number;
  /**
   * true: a file whose cache entry matches is copied from the cache, not extracted. false
   * (`--no-cache`): every file is extracted again, and its cache entry is still refreshed.
   */
  cache: boolean;
  /**
   * Where outputs are written (mirroring the input tree). The CLI passes `--out` or
   * `<folder>.folio` beside the folder, the extension a folder in its own storage; when absent
   * the child uses `<cacheDir>/outputs/<name>-<hash>` (outputsFolderFor).
   */
  outDir?: string;
  /**
   * Where cache entries live. The CLI passes `--cache-dir` or `<out>/.folio-cache`, the extension
   * `cache/` in its own storage; when absent the child uses the per-user cache folder
   * (`$XDG_CACHE_HOME/folio`, `~/.cache/folio`, or `%LOCALAPPDATA%\folio\cache` on Windows).
   */
  cacheDir?: string;
  format: 'md' | 'json';
  /** Glob patterns relative to the input folder. */
  include: string[];
  exclude: string[];
  followSymlinks: boolean;
  /** Relative path (or file name) → password. */
  passwords: Record<string, string>;
  /**
   * Files whose texts' estimated similarity (MinHash over 3-word shingles, 0 to 1) is at least
   * this are reported as near-duplicates of each other (default 0.8; above 1 turns it off).
   */
  nearDuplicateThreshold?: number;
}

export const defaultBatchOptions: BatchOptions = {
  memoryLimitMb: 1024,
  fileTimeoutSeconds: 60,
  fileTotalCapSeconds: 600,
  cache: true,
  format: 'md',
  include: ['**/*'],
  exclude: [],
  followSymlinks: false,
  passwords: {},
};
