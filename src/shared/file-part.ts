// A long scan on the queue runs as several jobs: one per page range, each storing the range's raw
// document in the shared cache folder, and one that merges them in page order and finishes the
// file once all are done. A batch started for one of those jobs says which part it runs.
import type { FileOutcome } from './report';

/** Pages `from` to `to`, 1-based and inclusive. */
export interface PageSpan {
  from: number;
  to: number;
}

/** Extract these pages and store their raw document; nothing is written to the output folder. */
export interface RangePart {
  type: 'range';
  range: PageSpan;
}

/** How one range job ended, as the merge sees it. */
export interface RangeEnd {
  range: PageSpan;
  /** Set when the range failed: the file ends with the first such outcome in page order. */
  failed?: FileOutcome;
  /** The range's own extraction time and attempts, for the file's report entry. */
  ms: number;
  attempts: number;
}

/** Merge the stored ranges in page order and finish the file, as a local split run does. */
export interface MergePart {
  type: 'merge';
  ranges: RangeEnd[];
}

export type FilePart = RangePart | MergePart;

/** "pages 3–6" (or "page 3"), as messages name a range. */
export function pagesLabel({ from, to }: PageSpan): string {
  return from === to ? `page ${from}` : `pages ${from}–${to}`;
}
