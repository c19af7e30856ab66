// A queue job's part of a long scan, run in the child like a local split (page-ranges.ts) but one
// step per job: a range job extracts its pages (split again across this pool's threads, by the
// local rule) and stores the raw documents as a cache entry (range-entry.ts); the merge job, run
// once all ranges are done, joins every stored document in page order in one merge and finishes
// the file with the same finishDocument, so the output is a local run's.
import type { FilePart, MergePart, PageSpan, RangePart } from '../../shared/file-part';
import { pagesLabel } from '../../shared/file-part';
import type { ExtractedDocument } from '../../shared/model';
import type { FileOutcome } from '../../shared/report';
import { failedOutcome } from '../../shared/report-builder';
import { finishDocument } from '../thread/finish-document';
import type { FileJob, WholeFileTask } from './file-job';
import { mergeRangeDocuments } from './merge-ranges';
import { pageRanges } from './plan';
import { readRangeEntry, rangeEntryPath, writeRangeEntry } from './range-entry';
import { runWithRetry } from './run-with-retry';

export interface PartContext {
  cacheDir: string;
  /** The whole file's cache key: a range's entry is named by it and the pages. */
  cacheKey: string;
  /** Whether an entry already stored may answer (off with --no-cache). */
  reuse: boolean;
  /** Threads of this pool: a range is split across them as a local run splits a file. */
  threads: number;
}

export interface PartEnd {
  outcome: FileOutcome;
  /** Time and attempts the file's report adds beyond this batch's own (a merge's ranges). */
  extraMs: number;
  attempts?: number;
}

export function runFilePart(
  task: WholeFileTask,
  part: FilePart,
  job: FileJob,
  ctx: PartContext,
): Promise<PartEnd> {
  return part.type === 'range' ? runRange(task, part, job, ctx) : runMerge(task, part, job, ctx);
}

/** A range's outcome: what its pages hold; no output is written for it. */
function rangeOutcome(docs: ExtractedDocument[], job: FileJob): FileOutcome {
  const pages = docs.reduce((n, d) => n + d.quality.pages, 0);
  const ocrPages = docs.reduce((n, d) => n + d.quality.ocrPages, 0);
  return { kind: job.kind, status: 'ok', pages, ocrPages };
}

/** The range cut for this pool's threads by pageRanges (plan.ts), the local rule for a scan. */
export function subRanges(range: PageSpan, threads: number): PageSpan[] {
  const probe = { pages: range.to - range.from + 1, sampledCharsPerPage: 0 };
  const shift = range.from - 1;
  return pageRanges(probe, threads, true).map((r) => ({ from: r.from + shift, to: r.to + shift }));
}

async function runRange(
  task: WholeFileTask,
  { range }: RangePart,
  job: FileJob,
  ctx: PartContext,
): Promise<PartEnd> {
  const entry = rangeEntryPath(ctx.cacheDir, ctx.cacheKey, range);
  const stored = ctx.reuse ? await readRangeEntry(entry) : undefined;
  if (stored) return { outcome: rangeOutcome(stored, job), extraMs: 0, attempts: 0 };
  const { write: _write, ...whole } = task;
  // As locally, a file that was in flight when a child died runs alone, unsplit.
  const threads = job.exclusive ? 1 : ctx.threads;
  const ends = await Promise.all(
    subRanges(range, threads).map((pageRange) => {
      const rangeTask = {
        ...whole,
        extract: { ...whole.extract, pdf: { ...whole.extract.pdf, pageRange } },
      };
      return runWithRetry((attempt) => job.attempt(rangeTask, attempt), job.kind);
    }),
  );
  const docs: ExtractedDocument[] = [];
  for (const end of ends) {
    if (end.type === 'failed') return { outcome: end.outcome, extraMs: 0 };
    docs.push(end.result.doc);
  }
  await writeRangeEntry(entry, docs);
  return { outcome: rangeOutcome(docs, job), extraMs: 0 };
}

async function runMerge(
  task: WholeFileTask,
  part: MergePart,
  job: FileJob,
  ctx: PartContext,
): Promise<PartEnd> {
  const ranges = [...part.ranges].sort((a, b) => a.range.from - b.range.from);
  const extraMs = ranges.reduce((sum, r) => sum + r.ms, 0);
  const attempts = Math.max(0, ...ranges.map((r) => r.attempts));
  // As locally: the first failed range (in page order) is the file's outcome.
  const failed = ranges.find((r) => r.failed)?.failed;
  if (failed) return { outcome: failed, extraMs, attempts };
  const docs: ExtractedDocument[] = [];
  for (const { range } of ranges) {
    const stored = await readRangeEntry(rangeEntryPath(ctx.cacheDir, ctx.cacheKey, range));
    if (!stored) return { outcome: missingRange(range, job), extraMs, attempts };
    docs.push(...stored);
  }
  return {
    outcome: await finishDocument(mergeRangeDocuments(docs), task.write),
    extraMs,
    attempts,
  };
}

function missingRange(range: PageSpan, job: FileJob): FileOutcome {
  return failedOutcome(
    'INTERNAL',
    `The extracted text of ${pagesLabel(range)} was not found in the cache folder when the file was put together (removed meanwhile?); run the batch again.`,
    job.kind,
  );
}
