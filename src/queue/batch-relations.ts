// A queued batch's end, the search side: the planner process indexes the written files and finds
// the near duplicates (index-in-child.ts), which go onto the coordinator's report entries; the
// copies' `duplicateOf` stays as the jobs made it (duplicate-jobs.ts). A failure here is a
// warning: the files were extracted and the report stands without near duplicates.
import type { BatchRequest } from '../runner/types';
import type { PlannedFile } from '../shared/queue-plan';
import type { FileReport, NearDuplicate } from '../shared/report';
import { indexInChild } from './index-in-child';

/** The entries with their input's hash, from the plan where an entry came back without it. */
export function withInputHashes(
  reports: readonly FileReport[],
  fresh: readonly PlannedFile[],
): FileReport[] {
  const planned = new Map(fresh.map((file) => [file.rel, file.sha256]));
  return reports.map((report) => {
    const sha256 = report.sha256 ?? planned.get(report.path);
    return sha256 === undefined ? report : { ...report, sha256 };
  });
}

/** Sets each entry's near duplicates from the answer (in place); the others have none. */
export function applyNearDuplicates(
  reports: FileReport[],
  near: Readonly<Record<string, NearDuplicate[]>>,
): void {
  for (const report of reports) {
    const list = Object.hasOwn(near, report.path) ? near[report.path] : undefined;
    if (list && list.length > 0) report.nearDuplicates = list;
    else delete report.nearDuplicates;
  }
}

export async function relateQueuedBatch(
  plannerScript: string,
  request: BatchRequest,
  walked: string[],
  reports: FileReport[],
  fresh: readonly PlannedFile[],
  options: { env?: NodeJS.ProcessEnv; log?: (level: 'info' | 'warn', message: string) => void },
): Promise<void> {
  const log = options.log ?? (() => undefined);
  const startedAt = Date.now();
  try {
    const answer = await indexInChild(
      plannerScript,
      {
        input: request.input,
        batch: request.batch,
        extract: request.extract,
        walked,
        reports: withInputHashes(reports, fresh),
      },
      options.env,
    );
    applyNearDuplicates(reports, answer.nearDuplicates);
    for (const warning of answer.warnings) log('warn', warning);
    log('info', `search index: ${answer.indexed} files in ${Date.now() - startedAt} ms`);
  } catch (error) {
    log('warn', error instanceof Error ? error.message : String(error));
  }
}
