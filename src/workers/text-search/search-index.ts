// The full-text index over the extracted text of one cache folder: MiniSearch over page chunks
// (src/workers/text-search/page-chunks.ts), with Folio's tokenizer, plus what a hit must say (which
// file, which page, where the text is). Text is not stored in the index: the hits' lines are read
// from the extracted files when a query is answered, which keeps the index small on disk and in
// the child's memory.
import MiniSearch, {
  type AsPlainObject,
  type Query,
  type SearchResult as MiniResult,
} from 'minisearch';
import type { SearchHit, SearchKind, SearchOptions, SearchResult } from '../../shared/search';
import { findHits, type ChunkText } from './find-hits';
import { fuzzyDistance, parseQuery, type QueryTerm } from './parse-query';
import type { TextChunk } from './page-chunks';
import { indexTerms, joinedForms } from './tokenize';

/** A file in the index, keyed by its input folder and relative path. */
export interface IndexedFile {
  input: string;
  path: string;
  kind: SearchKind;
  status: 'ok' | 'partial';
  /** The extracted text (the output); `fallbackPath` (its cache entry) when that is gone. */
  textPath: string;
  fallbackPath?: string;
  /** The cache key of the extraction indexed: the same key again needs no new indexing. */
  cacheKey: string;
  sha256: string;
  chunkIds: number[];
  /** MinHash signature of the text (near-duplicate detection). */
  signature?: number[];
}

interface ChunkRef {
  file: string;
  page?: number;
  sheet?: string;
  startLine: number;
  endLine: number;
}

export interface SerializedIndex {
  version: 1;
  nextId: number;
  files: IndexedFile[];
  chunks: [number, ChunkRef][];
  mini: AsPlainObject;
}

export const SERIALIZATION_VERSION = 1;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
/**
 * Most candidate chunks whose text is read to check a phrase: a phrase of common words can have
 * thousands of candidates, and reading them all would take seconds; past this the result says
 * it is truncated.
 */
export const MAX_PHRASE_CANDIDATES = 200;

/** A file's text as lines, from wherever it is now (undefined: gone). */
export type ReadLines = (
  file: IndexedFile,
) => Promise<{ path: string; lines: string[] } | undefined>;

/**
 * The terms of the chunk being added, when the caller computed them already (`withTerms`):
 * MiniSearch only tokenizes through its `tokenize` option, so `addFile` sets this around `add`.
 */
let knownTerms: string[] | undefined;

const miniOptions = {
  fields: ['text'],
  idField: 'id',
  tokenize: (text: string) => knownTerms ?? indexTerms(text),
  // Terms are folded by the tokenizer already.
  processTerm: (term: string) => term,
  // A query's terms arrive one by one in a query tree (queryTree), already folded.
  searchOptions: { tokenize: (term: string) => [term], processTerm: (term: string) => term },
};

export function fileKey(input: string, rel: string): string {
  return `${input}\0${rel}`;
}

/** One query term as a MiniSearch query: a word (fuzzy or prefix), or a compound either way. */
function termQuery(term: QueryTerm, fuzzy: boolean): Query {
  if (term.parts.length === 1) {
    const word = term.parts[0];
    const distance = fuzzy && !term.prefix && !term.phrase ? fuzzyDistance(word) : 0;
    return { queries: [word], prefix: term.prefix, fuzzy: distance > 0 ? distance : false };
  }
  const parts: Query = { queries: term.parts, combineWith: 'AND', fuzzy: false, prefix: false };
  return { queries: [...joinedForms(term.parts), parts], combineWith: 'OR', fuzzy: false };
}

export class SearchIndex {
  private mini = new MiniSearch<{ id: number; text: string }>(miniOptions);
  private readonly files = new Map<string, IndexedFile>();
  private readonly chunks = new Map<number, ChunkRef>();
  private nextId = 1;

  static fromJSON(data: SerializedIndex): SearchIndex {
    if (data.version !== SERIALIZATION_VERSION) throw new Error('unknown index version');
    const index = new SearchIndex();
    index.mini = MiniSearch.loadJS(data.mini, miniOptions);
    for (const file of data.files) index.files.set(fileKey(file.input, file.path), file);
    for (const [id, ref] of data.chunks) index.chunks.set(id, ref);
    index.nextId = data.nextId;
    return index;
  }

  toJSON(): SerializedIndex {
    return {
      version: SERIALIZATION_VERSION,
      nextId: this.nextId,
      files: [...this.files.values()],
      chunks: [...this.chunks],
      mini: this.mini.toJSON(),
    };
  }

  get size(): { files: number; chunks: number } {
    return { files: this.files.size, chunks: this.chunks.size };
  }

  file(input: string, rel: string): IndexedFile | undefined {
    return this.files.get(fileKey(input, rel));
  }

  allFiles(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  /** Replaces what the index holds for a file with these chunks of its text. */
  addFile(file: Omit<IndexedFile, 'chunkIds'>, chunks: readonly TextChunk[]): void {
    const key = fileKey(file.input, file.path);
    this.removeFile(file.input, file.path);
    const chunkIds: number[] = [];
    for (const chunk of chunks) {
      const id = this.nextId++;
      knownTerms = chunk.terms;
      try {
        this.mini.add({ id, text: chunk.text });
      } finally {
        knownTerms = undefined;
      }
      this.chunks.set(id, {
        file: key,
        startLine: chunk.startLine,
        endLine: chunk.endLine,
        ...(chunk.page !== undefined ? { page: chunk.page } : {}),
        ...(chunk.sheet !== undefined ? { sheet: chunk.sheet } : {}),
      });
      chunkIds.push(id);
    }
    this.files.set(key, { ...file, chunkIds });
  }

  /** Updates a file's record without touching its chunks (a new output path, a status). */
  updateFile(input: string, rel: string, change: Partial<Omit<IndexedFile, 'chunkIds'>>): void {
    const file = this.files.get(fileKey(input, rel));
    if (file) Object.assign(file, change);
  }

  removeFile(input: string, rel: string): void {
    const key = fileKey(input, rel);
    const old = this.files.get(key);
    if (!old) return;
    for (const id of old.chunkIds) {
      this.mini.discard(id);
      this.chunks.delete(id);
    }
    this.files.delete(key);
  }

  /** The chunks matching `query`, best first, with their file (no text read yet). */
  match(
    query: string,
    options: SearchOptions,
  ): { result: MiniResult; file: IndexedFile; ref: ChunkRef }[] {
    const parsed = parseQuery(query);
    if (parsed.terms.length === 0) return [];
    const fuzzy = options.fuzzy ?? true;
    const tree: Query = {
      queries: parsed.terms.map((term) => termQuery(term, fuzzy)),
      combineWith: 'AND',
    };
    const inputs = options.inputs ? new Set(options.inputs) : undefined;
    const kinds = options.kinds ? new Set<string>(options.kinds) : undefined;
    const statuses = options.statuses ? new Set<string>(options.statuses) : undefined;
    const matches: { result: MiniResult; file: IndexedFile; ref: ChunkRef }[] = [];
    for (const result of this.mini.search(tree)) {
      const ref = this.chunks.get(result.id as number);
      const file = ref && this.files.get(ref.file);
      if (!ref || !file) continue;
      if (inputs && !inputs.has(file.input)) continue;
      if (kinds && !kinds.has(file.kind)) continue;
      if (statuses && !statuses.has(file.status)) continue;
      matches.push({ result, file, ref });
    }
    return matches;
  }

  /**
   * Answers a query: the matching chunks, then their lines read through `readText` (which returns
   * undefined for a file that is gone) until `limit` hits are found.
   */
  async search(query: string, options: SearchOptions, readLines: ReadLines): Promise<SearchResult> {
    const started = performance.now();
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const parsed = parseQuery(query);
    const matches = this.match(query, options);
    const hits: SearchHit[] = [];
    const filesMatched = new Set<string>();
    let truncated = false;
    // A file with several matching chunks is read once per query.
    const texts = new Map<string, ReturnType<ReadLines>>();
    let checked = 0;
    for (const { result, file, ref } of matches) {
      if (hits.length >= limit) {
        truncated = true;
        break;
      }
      if (parsed.phrases.length > 0 && ++checked > MAX_PHRASE_CANDIDATES) {
        truncated = true;
        break;
      }
      let read = texts.get(ref.file);
      if (!read) texts.set(ref.file, (read = readLines(file)));
      const text = await read;
      if (!text) continue;
      const lines = text.lines.slice(ref.startLine, ref.endLine);
      const chunk: ChunkText = {
        lines,
        startLine: ref.startLine,
        ...(ref.page !== undefined ? { page: ref.page } : {}),
        ...(ref.sheet !== undefined ? { sheet: ref.sheet } : {}),
      };
      const found = findHits(chunk, new Set(result.terms), parsed.phrases);
      if (found.length === 0) continue;
      filesMatched.add(ref.file);
      for (const hit of found) {
        if (hits.length >= limit) {
          truncated = true;
          break;
        }
        hits.push({
          input: file.input,
          path: file.path,
          kind: file.kind,
          textPath: text.path,
          ...hit,
          score: Math.round(result.score * 1000) / 1000,
        });
      }
    }
    return {
      query,
      hits,
      matchedChunks: matches.length,
      filesMatched: filesMatched.size,
      truncated,
      indexed: this.size,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}
