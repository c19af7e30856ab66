// The planning half of a queued batch (issue 14), in the child because it needs the same walk,
// hashing, cache keys and output names as a local run: every walked entry is either answered here
// (skipped, unreadable, or copied out of the cache) or listed as a file a queue worker must run.
// Nothing is extracted here, so no pool is started.
import path from 'node:path';
import { copyFileAtomic } from '../../shared/atomic-file';
import { kindFromName } from '../../shared/formats';
import type { PlannedFile, PlanRequest, PlanResult } from '../../shared/queue-plan';
import type { FileReport } from '../../shared/report';
import { failedOutcome, fileReport } from '../../shared/report-builder';
import { OutputCache } from '../output/cache';
import { OutputNamer } from '../output/output-writer';
import { estimateCost } from './plan';
import { prepareFile, type PrepareContext } from './prepare-file';
import { walkBatch, type FileEntry } from './walk-folder';

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
    namer: new OutputNamer(batch.format),
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
        }),
      );
    } else {
      // The worker opens the file itself (and makes its own alias for an undecodable name).
      await prepared.file.close();
      const { rel, abs, size } = entry;
      fresh.push({ rel, abs, sha256: prepared.file.sha256, size, cost: estimateCost(rel, size) });
    }
  };
  const lane = async () => {
    while (next < entries.length) await planOne(entries[next++]);
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, lane));
  fresh.sort((a, b) => b.cost - a.cost || (a.rel < b.rel ? -1 : 1));
  return { type: 'planResult', files: walked.map((e) => e.rel), reports, fresh };
}
