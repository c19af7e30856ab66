// The planning half of a queued batch (issue 14), in the child because it needs the same walk,
// hashing, cache keys and output names as a local run: every walked entry is either answered here
// (skipped, unreadable, or copied out of the cache) or listed as a file a queue worker must run.
// Nothing is extracted here, so no pool is started.
import path from 'node:path';
import { copyFileAtomic } from '../../shared/atomic-file';
import { kindFromName } from '../../shared/formats';
import type { PageSpan } from '../../shared/file-part';
import type { PlannedFile, PlanRequest, PlanResult } from '../../shared/queue-plan';
import type { FileReport } from '../../shared/report';
import { failedOutcome, fileReport } from '../../shared/report-builder';
import { OutputCache } from '../output/cache';
import { OutputNamer } from '../output/output-writer';
import { probePdf } from '../thread/probe-pdf';
import { estimateCost, PROBE_MIN_BYTES, queueRanges } from './plan';
import { prepareFile, type FreshFile, type PrepareContext } from './prepare-file';
import { fileRels, walkBatch, type FileEntry } from './walk-folder';

/** Files hashed at once: hashing is I/O-bound, a few in flight keep a shared disk busy. */
const HASH_CONCURRENCY = 4;

export async function planForQueue(
  request: PlanRequest,
  acceptName?: (name: string) => boolean,
): Promise<PlanResult> {
  const { batch, input } = request;
  const { outDir, cacheDir, walked } = await walkBatch(batch, input, acceptName);
  const reports: FileReport[] = [];
  const fresh: PlannedFile[] = [];
  const entries: FileEntry[] = [];
  for (const entry of walked) {
    if (entry.type === 'file') {
      entries.push(entry);
      continue;
    }
    const outcome = failedOutcome(entry.code, entry.message, kindFromName(entry.rel), 'skipped');
    reports.push(fileReport(entry.rel, outcome, { ms: 0 }));
  }
  const ctx: PrepareContext = {
    batch,
    extract: request.extract,
    cache: new OutputCache(cacheDir),
    namer: new OutputNamer(batch.format, fileRels(walked)),
    outDir,
    aliasDir: path.join(cacheDir, 'tmp'),
  };
  let next = 0;
  const planOne = async (entry: FileEntry) => {
    const startedAt = Date.now();
    const kind = kindFromName(entry.rel);
    const prepared = await prepareFile(entry, kind, ctx);
    if (prepared.type === 'unreadable') {
      reports.push(fileReport(entry.rel, prepared.outcome, { ms: Date.now() - startedAt }));
    } else if (prepared.type === 'cached') {
      const { hit, outputPath } = prepared;
      if (hit.contentPath) await copyFileAtomic(hit.contentPath, outputPath);
      reports.push(
        fileReport(entry.rel, hit.outcome, {
          ms: Date.now() - startedAt,
          ...(hit.contentPath ? { output: outputPath } : {}),
          cached: true,
          attempts: 0,
          // As a local run's cache hit: the search index and duplicates go by the input's hash.
          sha256: prepared.sha256,
          size: entry.size,
        }),
      );
    } else {
      const ranges = await rangesFor(entry, kind, prepared.file, request);
      // The worker opens the file itself (and makes its own alias for an undecodable name).
      await prepared.file.close();
      const { rel, abs, size } = entry;
      const cost = estimateCost(rel, size);
      fresh.push({
        rel,
        abs,
        sha256: prepared.file.sha256,
        size,
        cost,
        outputPath: prepared.file.target.outputPath,
        ...(ranges ? { ranges } : {}),
      });
    }
  };
  const lane = async () => {
    while (next < entries.length) await planOne(entries[next++]);
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, lane));
  fresh.sort((a, b) => b.cost - a.cost || (a.rel < b.rel ? -1 : 1));
  return { type: 'planResult', files: walked.map((e) => e.rel), reports, fresh };
}

/**
 * A long scan's page ranges, probed as a local run probes before splitting (PDFs of at least
 * PROBE_MIN_BYTES, OCR on); undefined for one job. The probe reads a few pages' text, no pixels.
 */
async function rangesFor(
  entry: FileEntry,
  kind: string,
  file: FreshFile,
  request: PlanRequest,
): Promise<PageSpan[] | undefined> {
  const { rangePages, extract } = request;
  if (!rangePages || kind !== 'pdf' || entry.size < PROBE_MIN_BYTES || !extract.ocr.enabled) {
    return undefined;
  }
  const probe = await probePdf(file.openPath, file.extract.password);
  if (!probe) return undefined;
  const ranges = queueRanges(probe, rangePages, true);
  return ranges.length > 1 ? ranges : undefined;
}
