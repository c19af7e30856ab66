// The schedule step for a file the cache could not answer: its job on the scheduler, its task,
// a split into page ranges when that pays, and how it ended, ready for the report.
import path from 'node:path';
import { toFolioError } from '../../shared/errors';
import type { ChildToParent, StartBatch } from '../../shared/protocol';
import type { FileOutcome } from '../../shared/report';
import { failedOutcome } from '../../shared/report-builder';
import { FileJob, type FileKind, type WholeFileTask } from './file-job';
import { runFilePart } from './file-part';
import { planPageRanges, runPageRanges } from './page-ranges';
import type { FreshFile } from './prepare-file';
import { runWholeFile } from './run-with-retry';
import type { Scheduler } from './scheduler';
import { estimateFootprint, type Footprint } from './task-footprint';
import { OCR_RELEASE_PIXELS, threadRecycleMb } from './thread-limits';
import type { FileEntry } from './walk-folder';

export interface PoolContext {
  start: StartBatch;
  workers: number;
  scheduler: Scheduler;
  /** The resolved cache folder (a queued range's raw document is stored there). */
  cacheDir: string;
  emit(message: ChildToParent): void;
}

export interface FileToRun {
  entry: FileEntry;
  kind: FileKind;
  /** Estimated cost: the file's priority. */
  cost: number;
  /** When the file was taken up. */
  startedAt: number;
}

export interface PoolRunEnd {
  outcome: FileOutcome;
  ms: number;
  attempts: number;
  /** False when the run broke off on something unexpected: nothing worth caching. */
  completed: boolean;
}

export async function runOnPool(
  file: FileToRun,
  fresh: FreshFile,
  ctx: PoolContext,
): Promise<PoolRunEnd> {
  const { entry, kind } = file;
  const { batch, input } = ctx.start;
  ctx.scheduler.trace.event('phase', { file: entry.rel, phase: 'estimating' });
  const footprint = await estimateFootprint(fresh.openPath, kind, entry.size, fresh.extract);
  if (!ctx.scheduler.admission.fitsAlone(footprint.mb)) {
    // Not cached: the outcome depends on this run's memory limit, not on the file's bytes.
    return {
      outcome: tooLarge(footprint, batch.memoryLimitMb, kind),
      ms: 0,
      attempts: 0,
      completed: false,
    };
  }
  // Keyed as the parent keys it: the input folder as given, joined with the relative path.
  const crashes = ctx.start.childCrashCounts?.[path.join(input, ...entry.rel.split('/'))] ?? 0;
  const job = new FileJob(
    {
      batchId: ctx.start.batchId,
      rel: entry.rel,
      kind,
      priority: file.cost,
      exclusive: crashes > 0,
      footprintMb: footprint.mb,
      ocrHeapMb: footprint.ocrHeapMb,
      ocrPixels: footprint.ocrPixels,
      noProgressMs: batch.fileTimeoutSeconds * 1000,
      totalCapMs: batch.fileTotalCapSeconds * 1000,
      emit: ctx.emit,
    },
    ctx.scheduler,
  );
  const task: WholeFileTask = {
    type: 'extract',
    filePath: fresh.openPath,
    sourcePath: entry.abs,
    extract: fresh.extract,
    sha256: fresh.sha256,
    recycleAboveMb: threadRecycleMb(batch.memoryLimitMb, ctx.workers),
    releaseOcrAfter: footprint.ocrPixels > OCR_RELEASE_PIXELS,
    ocrPixels: footprint.ocrPixels,
    write: fresh.target,
  };
  try {
    const { part } = ctx.start;
    const partCtx = {
      cacheDir: ctx.cacheDir,
      cacheKey: fresh.cacheKey,
      reuse: batch.cache,
      threads: ctx.workers,
    };
    const partEnd = part ? await runFilePart(task, part, job, partCtx) : undefined;
    const split = { workers: ctx.workers, ocrEnabled: ctx.start.extract.ocr.enabled };
    job.phase('planning');
    const ranges = partEnd ? [] : await planPageRanges(task, entry.size, job, split);
    const outcome =
      partEnd?.outcome ??
      (ranges.length > 1 ? await runPageRanges(task, ranges, job) : await runWholeFile(task, job));
    // The file's time is its tasks' running time: waiting in the queue is not the file's time.
    const ms =
      (job.clock.startedAt === undefined
        ? Date.now() - file.startedAt
        : job.clock.finishedMs(Date.now())) + (partEnd?.extraMs ?? 0);
    const attempts = Math.max(job.attempts, partEnd?.attempts ?? 0);
    return { outcome, ms, attempts, completed: true };
  } catch (error) {
    const failure = toFolioError(error);
    return {
      outcome: failedOutcome(failure.code, failure.message, kind),
      ms: Date.now() - file.startedAt,
      attempts: job.attempts,
      completed: false,
    };
  }
}

function tooLarge(footprint: Footprint, limitMb: number, kind: FileToRun['kind']): FileOutcome {
  return failedOutcome(
    'TOO_LARGE',
    `Reading this file needs about ${footprint.mb.toLocaleString('en-US')} MB at once (${footprint.basis}), ` +
      `more than the memory limit of ${limitMb.toLocaleString('en-US')} MB allows; it was not read. ` +
      'Run it with a larger memory limit (--memory-limit-mb, setting folio.memoryLimitMb).',
    kind,
  );
}
