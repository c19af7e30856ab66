// An opt-in trace of a queue worker's jobs, for finding where a job's time goes beyond its file's
// own extraction (issue 14): FOLIO_QUEUE_TRACE=FILE appends one JSON object a line per phase
// (`-` or `stderr`: to stderr). Each line has the wall clock `t` (epoch ms, comparable across
// workers and with BullMQ's processedOn/finishedOn), the worker, the job id and the phase; the
// phases are read by scripts/bench/job-phases.ts. Off, it costs one test per phase.
import { closeSync, openSync, writeSync } from 'node:fs';

export type JobPhase =
  /** The processor was called: `queuedMs` is how long the job waited since it was added. */
  | 'taken'
  /** The one-link view folder exists. */
  | 'view'
  /** The child walked the view: the batch has started. */
  | 'planned'
  /** The child started the file on its pool. */
  | 'fileStarted'
  /** The child reported the file: `fileMs` is its own extraction time. */
  | 'fileDone'
  /** The child's batch report arrived. */
  | 'batchDone'
  /** The view is removed; the result goes back to BullMQ. */
  | 'returned';

export interface JobTrace {
  readonly enabled: boolean;
  event(jobId: string, phase: JobPhase, fields?: Record<string, string | number>): void;
  close(): void;
}

export const noJobTrace: JobTrace = {
  enabled: false,
  event: () => undefined,
  close: () => undefined,
};

export function jobTraceFromEnv(worker: string, env: NodeJS.ProcessEnv = process.env): JobTrace {
  const target = env.FOLIO_QUEUE_TRACE;
  if (!target) return noJobTrace;
  const toStderr = target === '-' || target === 'stderr';
  const fd = toStderr ? process.stderr.fd : openSync(target, 'a');
  return {
    enabled: true,
    event(job, phase, fields = {}) {
      // Synchronous: a handful of short lines per job, and a killed worker keeps them all.
      writeSync(fd, `${JSON.stringify({ t: Date.now(), worker, job, phase, ...fields })}\n`);
    },
    close: () => {
      if (!toStderr) closeSync(fd);
    },
  };
}
