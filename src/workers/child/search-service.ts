// The child's side of search: one index per cache folder (loaded on first use, kept in memory,
// saved beside the cache), fed as each file of a batch finishes and answering `search` requests
// from the parent, also while a batch runs. Indexing reads the written Markdown back and runs on
// the child's main thread, one file at a time and yielding between pages, so the scheduler's
// timers and the threads' heartbeats are not held up.
import { readFile } from 'node:fs/promises';
import type { SearchRequest, SearchResponse } from '../../shared/protocol';
import type { SearchKind } from '../../shared/search';
import { IndexStore, loadIndex } from '../text-search/index-store';
import { LinesCache } from '../text-search/lines-cache';
import { minhashSignature } from '../text-search/minhash';
import { indexChunks, withTerms } from '../text-search/page-chunks';
import type { IndexedFile, ReadLines } from '../text-search/search-index';
import { textTokens } from '../text-search/tokenize';

/** A file that finished with an output, as the index records it. */
export interface FinishedFile {
  input: string;
  path: string;
  kind: SearchKind;
  status: 'ok' | 'partial';
  /** The written output. */
  output: string;
  /** Its cache entry's content (read when the output is gone). */
  contentPath?: string;
  cacheKey: string;
  sha256: string;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SearchService {
  private readonly stores = new Map<string, Promise<IndexStore>>();
  private queue: Promise<void> = Promise.resolve();
  private readonly texts = new LinesCache();

  /** A hit's text: the output, or its cache entry when the output is gone. */
  private readonly readLines: ReadLines = async (file: IndexedFile) => {
    for (const candidate of [file.textPath, file.fallbackPath]) {
      if (!candidate) continue;
      const lines = await this.texts.lines(candidate);
      if (lines) return { path: candidate, lines };
    }
    return undefined;
  };

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  store(cacheDir: string): Promise<IndexStore> {
    let store = this.stores.get(cacheDir);
    if (!store) {
      store = loadIndex(cacheDir).then(({ index, problem, mtimeMs }) => {
        if (problem) this.log(`${problem}; it starts empty and fills again as files are extracted`);
        return new IndexStore(cacheDir, index, undefined, mtimeMs);
      });
      this.stores.set(cacheDir, store);
    }
    return store;
  }

  /** Queues a finished file for indexing (in finishing order); never throws. */
  fileFinished(cacheDir: string, file: FinishedFile): Promise<void> {
    this.queue = this.queue.then(() =>
      this.index(cacheDir, file).catch((error: unknown) =>
        this.log(`search index: ${file.path} not indexed (${String(error)})`),
      ),
    );
    return this.queue;
  }

  private async index(cacheDir: string, file: FinishedFile): Promise<void> {
    if (!file.output.endsWith('.md')) return;
    const store = await this.store(cacheDir);
    const known = store.index.file(file.input, file.path);
    const record = {
      textPath: file.output,
      status: file.status,
      ...(file.contentPath ? { fallbackPath: file.contentPath } : {}),
    };
    if (known && known.cacheKey === file.cacheKey) {
      // The same extraction (a cache hit): only where its text is may have changed.
      if (known.textPath !== file.output || known.status !== file.status) {
        store.index.updateFile(file.input, file.path, record);
        store.changed();
      }
      return;
    }
    const text = await readFile(file.output, 'utf8');
    await yieldToLoop();
    // One tokenizer pass for the chunks' terms and the signature (it was most of the cost here).
    const tokens = textTokens(text);
    const chunks = withTerms(text, indexChunks(text), tokens);
    const signature = minhashSignature(tokens);
    await yieldToLoop();
    store.index.addFile(
      {
        input: file.input,
        path: file.path,
        kind: file.kind,
        cacheKey: file.cacheKey,
        sha256: file.sha256,
        ...record,
        ...(signature ? { signature } : {}),
      },
      chunks,
    );
    store.changed();
  }

  /** Queues removing a file whose text is gone (it failed, was skipped, or left the folder). */
  forget(cacheDir: string, input: string, rels: Iterable<string>): Promise<void> {
    const list = [...rels];
    this.queue = this.queue.then(async () => {
      const store = await this.store(cacheDir);
      let changed = false;
      for (const rel of list) {
        if (!store.index.file(input, rel)) continue;
        store.index.removeFile(input, rel);
        changed = true;
      }
      if (changed) store.changed();
    });
    return this.queue;
  }

  /** The files of `input` the index holds, by relative path. */
  async indexedPaths(cacheDir: string, input: string): Promise<string[]> {
    const store = await this.store(cacheDir);
    return [...store.index.allFiles()].filter((f) => f.input === input).map((f) => f.path);
  }

  /** Waits for queued indexing, then writes every changed index. */
  async flush(): Promise<void> {
    await this.queue;
    await Promise.all([...this.stores.values()].map(async (s) => (await s).flush()));
  }

  /** Waits until the files queued so far are in the index (not yet on disk). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** The store, loaded again first when another process has saved the index since. */
  private async currentStore(cacheDir: string): Promise<IndexStore> {
    const store = await this.store(cacheDir);
    if (!(await store.savedElsewhere())) return store;
    this.stores.delete(cacheDir);
    return this.store(cacheDir);
  }

  async answer(request: SearchRequest): Promise<SearchResponse> {
    const base = { type: 'searchResult' as const, requestId: request.requestId };
    try {
      const store = await this.currentStore(request.options.cacheDir);
      const result = await store.index.search(request.query, request.options, this.readLines);
      return { ...base, result };
    } catch (error) {
      this.log(`search failed: ${String(error)}`);
      return { ...base, error: 'The search could not run; see the log for the detail.' };
    }
  }
}
