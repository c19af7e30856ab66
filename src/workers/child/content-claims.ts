// Which file of a batch extracts a given content (cache key) and which ones wait for it as its
// exact duplicates. Files are hashed in parallel, so taking "whichever hash finished first" made
// the original of a duplicate change from run to run and machine to machine (a CI machine named
// `copies/a.pdf` the original of `a.pdf`). Files of one size, the only ones that can share bytes,
// therefore claim their content one after another in the order they were taken up, which is plan
// order (walk order among equal costs); the hashing itself still runs in parallel.
import type { FileOutcome } from '../../shared/report';

/** How the extraction of a content ended, for the files waiting on it. */
export interface ContentResult {
  outcome: FileOutcome;
  written: boolean;
}

/** The first file of a batch extracting some bytes, and how it ended, for its duplicates. */
export interface FirstExtraction {
  rel: string;
  done: Promise<ContentResult>;
}

export type Claim =
  /** This file extracts the content; `settle` tells the duplicates waiting on it how it ended. */
  | { role: 'first'; settle: (result: ContentResult) => void }
  | { role: 'duplicate'; first: FirstExtraction }
  /** Nothing to share: the file was unreadable or answered from the cache. */
  | { role: 'none' };

export class ContentClaims {
  private readonly firstByKey = new Map<string, FirstExtraction>();
  private readonly lastClaimBySize = new Map<number, Promise<unknown>>();

  /**
   * Claims `key` (resolving to the file's cache key, or undefined when it has none to share) once
   * every file of the same size taken up before it has claimed its own.
   */
  claim(rel: string, size: number, key: Promise<string | undefined>): Promise<Claim> {
    const before = this.lastClaimBySize.get(size) ?? Promise.resolve();
    const claim = before.then(async (): Promise<Claim> => {
      const cacheKey = await key;
      if (cacheKey === undefined) return { role: 'none' };
      const first = this.firstByKey.get(cacheKey);
      if (first) return { role: 'duplicate', first };
      let settle: (result: ContentResult) => void = () => undefined;
      const done = new Promise<ContentResult>((resolve) => (settle = resolve));
      this.firstByKey.set(cacheKey, { rel, done });
      return { role: 'first', settle };
    });
    this.lastClaimBySize.set(
      size,
      claim.catch(() => undefined),
    );
    return claim;
  }
}
