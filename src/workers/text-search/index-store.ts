// The index of one cache folder on disk: `<cacheDir>/search/index.json`, beside the cache entries,
// so it outlives the child process and the editor. Loaded once per child, saved atomically, at
// most every few seconds while files keep finishing (serializing a large index after every file
// would cost more than the extraction) and at once when a batch ends. A file that is missing or
// unreadable (another version, a torn disk) starts an empty index: the next run fills it again.
// A save mid-batch only bounds what a crash loses (the next run re-indexes those files from their
// outputs or cache entries), so while files keep finishing the saves come further apart.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../shared/atomic-file';
import { SearchIndex, type SerializedIndex } from './search-index';

export const INDEX_FILE = path.join('search', 'index.json');
/** Shortest time index changes stay only in memory while files keep finishing. */
export const SAVE_DELAY_MS = 5000;
/**
 * Saving a big index takes seconds of the child's main thread (10,000 documents: tens of MB of
 * JSON): the delay grows to this many times the last save, so saving stays under a tenth of it.
 */
const SAVE_DELAY_FACTOR = 10;
/**
 * Longest the doubling below stretches the delay: each save rewrites the whole index, so saving
 * every 5 s of a long batch costs O(files²) (measured: 3 saves were 0.7 s of the child's main
 * thread on a 40-file batch); doubling makes it O(files × log) while a crash still loses at most
 * this long of indexing.
 */
export const MAX_SAVE_DELAY_MS = 60_000;

/** The delay before the next save: doubling with each save since the last flush, capped. */
export function nextSaveDelay(baseMs: number, timedSaves: number, lastSaveMs: number): number {
  const doubled = Math.min(MAX_SAVE_DELAY_MS, baseMs * 2 ** timedSaves);
  return Math.max(baseMs, doubled, lastSaveMs * SAVE_DELAY_FACTOR);
}

export function indexPathFor(cacheDir: string): string {
  return path.join(cacheDir, INDEX_FILE);
}

/** The index file's modification time, or undefined when there is none. */
async function indexMtime(cacheDir: string): Promise<number | undefined> {
  return stat(indexPathFor(cacheDir)).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
}

export async function loadIndex(
  cacheDir: string,
): Promise<{ index: SearchIndex; problem?: string; mtimeMs?: number }> {
  const mtimeMs = await indexMtime(cacheDir);
  const seen = mtimeMs === undefined ? {} : { mtimeMs };
  let text: string;
  try {
    text = await readFile(indexPathFor(cacheDir), 'utf8');
  } catch {
    return { index: new SearchIndex() };
  }
  try {
    return { index: SearchIndex.fromJSON(JSON.parse(text) as SerializedIndex), ...seen };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      index: new SearchIndex(),
      problem: `the search index was unreadable (${detail})`,
      ...seen,
    };
  }
}

/** One cache folder's index in memory, with its pending save. */
export class IndexStore {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  private lastSaveMs = 0;
  /** Saves the timer made since the last flush (the batch's end): how far the delay has grown. */
  private timedSaves = 0;

  constructor(
    readonly cacheDir: string,
    readonly index: SearchIndex,
    private readonly saveDelayMs = SAVE_DELAY_MS,
    /** The index file's mtime when it was loaded (then after each own save). */
    private onDiskMtimeMs?: number,
  ) {}

  /**
   * Whether another process saved the index since this one loaded or saved it (a queued run's
   * coordinator indexes into the shared cache folder). Never while changes of this one's are
   * pending: those are saved over it (the last saver wins, a known limit).
   */
  async savedElsewhere(): Promise<boolean> {
    if (this.dirty || this.timer) return false;
    await this.saving;
    const mtimeMs = await indexMtime(this.cacheDir);
    return mtimeMs !== undefined && mtimeMs !== this.onDiskMtimeMs;
  }

  /** The index changed: save it within the delay. */
  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    const delay = nextSaveDelay(this.saveDelayMs, this.timedSaves, this.lastSaveMs);
    this.timer = setTimeout(() => {
      this.timedSaves++;
      void this.write();
    }, delay);
    this.timer.unref();
  }

  /** Writes pending changes now (a batch ended, the child is going away). */
  flush(): Promise<void> {
    // The next batch's first changes are saved within the base delay again.
    this.timedSaves = 0;
    return this.write();
  }

  private write(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.saving = this.saving.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const started = performance.now();
      await writeFileAtomic(indexPathFor(this.cacheDir), JSON.stringify(this.index));
      this.lastSaveMs = performance.now() - started;
      this.onDiskMtimeMs = await indexMtime(this.cacheDir);
    });
    return this.saving;
  }
}
