// Which of a queued batch's report entries the search index takes and which it drops, as a local
// run decides file by file in batch-run.ts (finish): a file written (ok or partial, with an
// output and its input's hash) is indexed; one that failed or was skipped, not merely cancelled,
// has no current text and is dropped. Pure: the cache key and content path are given.
import type { FileReport } from '../../shared/report';
import type { FinishedFile } from './search-service';

export interface IndexWork {
  /** Files to index, in report (walk) order. */
  finished: FinishedFile[];
  /** Files whose old text must no longer answer searches. */
  gone: string[];
}

export function indexWork(
  input: string,
  reports: readonly FileReport[],
  keyOf: (report: FileReport & { sha256: string }) => string,
  contentPathOf: (cacheKey: string) => string,
): IndexWork {
  const finished: FinishedFile[] = [];
  const gone: string[] = [];
  for (const report of reports) {
    const { status, output, sha256 } = report;
    if ((status === 'failed' || status === 'skipped') && report.code !== 'CANCELLED') {
      gone.push(report.path);
    }
    if ((status !== 'ok' && status !== 'partial') || !output || !sha256) continue;
    const cacheKey = keyOf({ ...report, sha256 });
    finished.push({
      input,
      path: report.path,
      kind: report.kind === 'unknown' ? 'pdf' : report.kind,
      status,
      output,
      contentPath: contentPathOf(cacheKey),
      cacheKey,
      sha256,
    });
  }
  return { finished, gone };
}
