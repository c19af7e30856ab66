// A long scan on the queue is a BullMQ flow: a merge job (the file's own id, so the coordinator
// waits for it as for any file) whose children are the page-range jobs. BullMQ moves the merge
// job to the queue only once every range has ended, so exactly one worker merges, and a range
// that failed for good (ignoreDependencyOnFailure) still lets the merge run and name its pages.
import type { FlowJob, Job, JobsOptions } from 'bullmq';
import type { FilePart, MergePart, PageSpan, RangeEnd } from '../shared/file-part';
import { pagesLabel } from '../shared/file-part';
import { kindFromName } from '../shared/formats';
import type { FileOutcome, FileReport } from '../shared/report';
import { failedOutcome } from '../shared/report-builder';
import type { FolioJobData, FolioJobResult } from './job-data';
import { parseJobResult } from './job-outcome';
import { KEY_PREFIX } from './redis-connection';

/**
 * Pages per range job unless `--range-pages` says otherwise: at about 5 s of OCR a page, a range
 * is about 50 s of work, so the queue's own cost per job (tens to hundreds of ms, docs/scaling.md)
 * stays under 1%, a lost worker costs at most one range, and a 300-page scan spreads over 30
 * workers. The coordinator cannot size ranges by workers: it does not know how many there are.
 */
export const DEFAULT_RANGE_PAGES = 10;

const STALLED_REASON = /stalled more than allowable limit/;

/** `r-` + the file job's hash + the pages: deterministic, so a rerun adds nothing twice. */
export function rangeJobId(fileJobId: string, range: PageSpan): string {
  return `r-${fileJobId.replace(/^f-/, '')}-${range.from}-${range.to}`;
}

/** The flow of one long scan: the merge job under `fileJobId`, one child per range. */
export function rangeFlow(
  queueName: string,
  fileJobId: string,
  data: FolioJobData,
  ranges: PageSpan[],
  opts: JobsOptions,
): FlowJob {
  const { ranges: _ranges, range: _range, ...file } = data;
  return {
    name: 'merge',
    queueName,
    prefix: KEY_PREFIX,
    data: { ...file, ranges },
    opts: { ...opts, jobId: fileJobId },
    children: ranges.map((range) => ({
      name: 'range',
      queueName,
      prefix: KEY_PREFIX,
      data: { ...file, range },
      opts: { ...opts, jobId: rangeJobId(fileJobId, range), ignoreDependencyOnFailure: true },
    })),
  };
}

/** What the child runs for a job: a range, a merge of its ranges, or (undefined) the file. */
export async function partOfJob(
  job: Job<FolioJobData, FolioJobResult>,
): Promise<FilePart | undefined> {
  if (job.data.range) return { type: 'range', range: job.data.range };
  if (!job.data.ranges || job.id === undefined) return undefined;
  const [values, failures] = await Promise.all([
    job.getChildrenValues<unknown>(),
    job.getIgnoredChildrenFailures(),
  ]);
  return mergePart(job.id, job.data, byJobId(values), byJobId(failures));
}

/** BullMQ keys a child's value by `<prefix>:<queue>:<id>`. */
function byJobId<T>(entries: Record<string, T>): Map<string, T> {
  return new Map(
    Object.entries(entries).map(([key, value]) => [key.slice(key.lastIndexOf(':') + 1), value]),
  );
}

/** The merge's view of its ranges, from their results and their final failures. */
export function mergePart(
  fileJobId: string,
  data: Pick<FolioJobData, 'rel' | 'ranges'>,
  values: Map<string, unknown>,
  failures: Map<string, string>,
): MergePart {
  const kind = kindFromName(data.rel);
  const ranges = (data.ranges ?? []).map((range): RangeEnd => {
    const id = rangeJobId(fileJobId, range);
    const result = parseJobResult(values.get(id));
    if (result) {
      const { report } = result;
      const ended = { range, ms: report.ms, attempts: report.attempts ?? 1 };
      return report.status === 'ok' || report.status === 'partial'
        ? ended
        : { ...ended, failed: outcomeOf(report) };
    }
    const reason = failures.get(id) ?? 'the range job ended without a result';
    return { range, ms: 0, attempts: 2, failed: rangeLost(range, reason, kind) };
  });
  return { type: 'merge', ranges };
}

function outcomeOf(report: FileReport): FileOutcome {
  const {
    path: _path,
    ms: _ms,
    output: _output,
    cached: _cached,
    attempts: _attempts,
    sha256: _sha256,
    size: _size,
    duplicateOf: _duplicateOf,
    nearDuplicates: _nearDuplicates,
    ...outcome
  } = report;
  return outcome;
}

function rangeLost(range: PageSpan, reason: string, kind: FileOutcome['kind']): FileOutcome {
  const pages = pagesLabel(range);
  return STALLED_REASON.test(reason)
    ? failedOutcome(
        'WORKER_LOST',
        `The queue worker running ${pages} of this file stopped twice (killed, or its machine went away); those pages were not tried a third time.`,
        kind,
      )
    : failedOutcome(
        'INTERNAL',
        `A queue worker could not run ${pages} of this file: ${reason}`,
        kind,
      );
}
