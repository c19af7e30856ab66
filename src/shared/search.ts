// What a search over the extracted text asks and answers: the types shared by the child (which
// owns the index), the runner (which asks it over the protocol) and the CLI and extension (which
// show the hits). No search logic here; the index is src/workers/text-search.

export interface SearchOptions {
  /**
   * The cache folder whose index is searched (absolute): the index lives in
   * `<cacheDir>/search/`, beside the cache entries, so it survives restarts.
   */
  cacheDir: string;
  /** Most hits returned (default 50, at most 1000). */
  limit?: number;
  /** Only files extracted from these input folders (absolute); all when absent. */
  inputs?: string[];
  /** Only files of these kinds. */
  kinds?: SearchKind[];
  /** Only files whose last status was one of these. */
  statuses?: ('ok' | 'partial')[];
  /** Fuzzy matching of words (for OCR errors); default true. Numbers are never fuzzy. */
  fuzzy?: boolean;
}

export type SearchKind = 'pdf' | 'docx' | 'xlsx' | 'image';

/** A span of a line, in UTF-16 code units, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

export interface SearchHit {
  /** Absolute input folder the file was extracted from. */
  input: string;
  /** The file, relative to `input`, with forward slashes (as in the run report). */
  path: string;
  kind: SearchKind;
  /** The extracted text file the hit is in (the output, or its cache entry when it is gone). */
  textPath: string;
  /** 1-based page (PDF, DOCX, image frame) from the page markers; absent for sheets. */
  page?: number;
  /** Sheet name (XLSX). */
  sheet?: string;
  /** 0-based line in `textPath`, as a VS Code Position counts lines. */
  line: number;
  /** The line, or a window of it around the first match when it is long. */
  context: string;
  /** Column in the line where `context` begins. */
  contextStart: number;
  /** The matched spans as columns of the line (subtract `contextStart` for `context`). */
  ranges: TextRange[];
  score: number;
}

export interface SearchResult {
  query: string;
  /** Best first; a file's hits are in page and line order within each page. */
  hits: SearchHit[];
  /** Page chunks (pages, sheets) that matched in the index, before `limit`. */
  matchedChunks: number;
  /** Files with at least one hit in `hits`. */
  filesMatched: number;
  /** True when `limit` cut the hits short. */
  truncated: boolean;
  /** Files and page chunks in the index searched. */
  indexed: { files: number; chunks: number };
  ms: number;
}
