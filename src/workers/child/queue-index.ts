// The search half of a queued batch's end (issue 14), in the planner process: every written file
// of the report goes into the cache folder's index, files the walk no longer has and files that
// failed leave it, and the near duplicates come from the signatures, exactly as a local run does
// at its end (batch-run.ts). The text is read from the outputs (or cache entries) on this machine.
import path from 'node:path';
import type { IndexRequest, IndexResult } from '../../shared/queue-index';
import type { FileReport, NearDuplicate } from '../../shared/report';
import { OutputCache } from '../output/cache';
import { applyRelations } from './duplicates';
import { defaultCacheDir } from './locations';
import { fileCacheKey } from './prepare-file';
import { indexWork } from './queue-index-work';
import { SearchService } from './search-service';

export async function indexForQueue(request: IndexRequest): Promise<IndexResult> {
  const { batch, extract, input } = request;
  const cacheDir = path.resolve(batch.cacheDir ?? defaultCacheDir());
  const warnings: string[] = [];
  const search = new SearchService((message) => warnings.push(message));
  const cache = new OutputCache(cacheDir);
  const work = indexWork(
    input,
    request.reports,
    (report) => fileCacheKey(report.path, report.sha256, batch, extract),
    (key) => cache.contentPath(key, batch.format),
  );
  void search.forget(cacheDir, input, work.gone);
  for (const file of work.finished) void search.fileFinished(cacheDir, file);
  const walked = new Set(request.walked);
  const indexed = await search.indexedPaths(cacheDir, input);
  await search.forget(
    cacheDir,
    input,
    indexed.filter((rel) => !walked.has(rel)),
  );
  const store = await search.store(cacheDir);
  await search.settled();
  // On copies: only the near duplicates are the answer (the coordinator keeps its duplicateOf).
  const reports: FileReport[] = request.reports.map(({ nearDuplicates: _n, ...report }) => report);
  const signatureOf = (rel: string) => store.index.file(input, rel)?.signature;
  applyRelations(reports, signatureOf, batch.nearDuplicateThreshold);
  await search.flush();
  const nearDuplicates: Record<string, NearDuplicate[]> = {};
  for (const report of reports) {
    if (report.nearDuplicates) nearDuplicates[report.path] = report.nearDuplicates;
  }
  return { type: 'indexResult', nearDuplicates, indexed: work.finished.length, warnings };
}
