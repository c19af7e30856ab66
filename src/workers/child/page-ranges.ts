// A long scanned PDF is cut into page ranges that run on several threads at once: a probe counts
// its pages and looks for a text layer, each range comes back as a raw document, and the ranges
// are merged in page order and finished (normalized, rendered, written) here in the child.
import type { ExtractedDocument } from '../../shared/model';
import type { FileOutcome } from '../../shared/report';
import { finishDocument } from '../thread/finish-document';
import type { FileJob, WholeFileTask } from './file-job';
import { mergeRangeDocuments } from './merge-ranges';
import { pageRanges, PROBE_MIN_BYTES } from './plan';
import { runWithRetry } from './run-with-retry';

export type PageRange = { from: number; to: number };

export interface SplitContext {
  /** Threads in the pool: one thread gains nothing from a split. */
  workers: number;
  ocrEnabled: boolean;
}

/** The ranges to run a file in; fewer than two means: run it whole. */
export async function planPageRanges(
  task: WholeFileTask,
  size: number,
  job: FileJob,
  split: SplitContext,
): Promise<PageRange[]> {
  const worthProbing =
    job.kind === 'pdf' &&
    size >= PROBE_MIN_BYTES &&
    split.ocrEnabled &&
    split.workers >= 2 &&
    !job.exclusive;
  if (!worthProbing) return [];
  const password = task.extract.password;
  const outcome = await job.probe({
    type: 'probe',
    filePath: task.filePath,
    ...(password !== undefined ? { password } : {}),
  });
  // A probe that failed in any way just means no split: the extraction will say what is wrong.
  if (outcome.type !== 'result' || !outcome.result.probe) return [];
  return pageRanges(outcome.result.probe, split.workers, split.ocrEnabled);
}

/** Runs every range (in parallel, as the scheduler allows), then merges and writes the file. */
export async function runPageRanges(
  task: WholeFileTask,
  ranges: PageRange[],
  job: FileJob,
): Promise<FileOutcome> {
  const { write: target, ...whole } = task;
  const ends = await Promise.all(
    ranges.map((pageRange) => {
      const range = {
        ...whole,
        extract: { ...whole.extract, pdf: { ...whole.extract.pdf, pageRange } },
      };
      return runWithRetry((attempt) => job.attempt(range, attempt), job.kind);
    }),
  );
  job.phase('merging');
  const docs: ExtractedDocument[] = [];
  for (const end of ends) {
    if (end.type === 'failed') return end.outcome;
    docs.push(end.result.doc);
  }
  return finishDocument(mergeRangeDocuments(docs), target);
}
