// How many times a task is tried: a thread that dies under it is replaced by piscina and the task
// retried once, then the file is WORKER_CRASH; landing on a thread that was recycling itself is
// not the file's fault and is tolerated a few times. Timeouts, out-of-memory, cancellation and
// an extraction failure (a value from the thread) are final.
import type { FileOutcome } from '../../shared/report';
import { failedOutcome } from '../../shared/report-builder';
import type { FailedResult, RangeResult, WrittenResult } from '../thread/task-types';
import type { FileJob, FileKind, WholeFileTask } from './file-job';
import type { TaskOutcome } from './scheduler';

/** How a task ended after retries: the pool's result, or the file's failure. */
export type TaskEnd<R> = { type: 'result'; result: R } | { type: 'failed'; outcome: FileOutcome };

/** How often a task may land on a thread that was recycling itself before that counts as a crash. */
export const MAX_RECYCLE_RACES = 3;

export function cancelledOutcome(kind: FileKind): FileOutcome {
  return failedOutcome(
    'CANCELLED',
    'The batch was cancelled before this file finished.',
    kind,
    'skipped',
  );
}

/** Submits attempt 1, 2, … through `submit` until one ends for good. */
export async function runWithRetry<R extends WrittenResult | RangeResult>(
  submit: (attempt: number) => Promise<TaskOutcome<R | FailedResult>>,
  kind: FileKind,
): Promise<TaskEnd<R>> {
  let recycleRaces = 0;
  for (let attempt = 1; ; attempt++) {
    const outcome = await submit(attempt);
    switch (outcome.type) {
      case 'result': {
        const result = outcome.result;
        if (result.type !== 'failed') return { type: 'result', result };
        return {
          type: 'failed',
          outcome: failedOutcome(result.code, result.message, result.kind ?? kind),
        };
      }
      case 'recycled':
      case 'crash':
        if (outcome.type === 'recycled' && recycleRaces < MAX_RECYCLE_RACES) {
          recycleRaces++;
          attempt--; // the same attempt again
          continue;
        }
        if (attempt < 2) continue;
        return {
          type: 'failed',
          outcome: failedOutcome(
            'WORKER_CRASH',
            `The worker thread died twice on this file (${outcome.message}).`,
            kind,
          ),
        };
      case 'timeout':
        return { type: 'failed', outcome: failedOutcome('TIMEOUT', outcome.message, kind) };
      case 'oom':
        return {
          type: 'failed',
          outcome: failedOutcome(
            'OUT_OF_MEMORY',
            'The file needed more memory than one worker thread may use and was aborted.',
            kind,
          ),
        };
      case 'cancelled':
        return { type: 'failed', outcome: cancelledOutcome(kind) };
    }
  }
}

/** A whole file on the pool, to the outcome its report shows. */
export async function runWholeFile(task: WholeFileTask, job: FileJob): Promise<FileOutcome> {
  const end = await runWithRetry((attempt) => job.attempt(task, attempt), job.kind);
  return end.type === 'result' ? end.result.outcome : end.outcome;
}
