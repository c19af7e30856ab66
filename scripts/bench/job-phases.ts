// Where a queue worker's time per job goes, from its FOLIO_QUEUE_TRACE lines (src/queue/
// job-trace.ts): per job, the set-up before the file starts on the pool (view folder, the child's
// walk and preparation), the file's own time as the child reports it, the wrap-up after it (the
// child's batch end, the view's removal), and the gap before the worker's next job (BullMQ's
// completion and fetch). Pure: the bench reads the file and passes the lines.
import { distribution, type Distribution } from './stats';

interface TraceLine {
  t: number;
  worker: string;
  job: string;
  phase: string;
  fileMs?: number;
}

export interface JobPhases {
  jobs: number;
  /** taken → fileStarted, ms. */
  setUpMs: Distribution;
  /** fileStarted → fileDone, ms (includes the child's time around the pool task). */
  fileMs: Distribution;
  /** fileDone → returned, ms. */
  wrapUpMs: Distribution;
  /** returned → the same worker's next taken, ms (BullMQ: completing, fetching the next job). */
  betweenJobsMs: Distribution;
  /** The first job of each worker (its child and pool start with it), taken → fileStarted, ms. */
  firstSetUpMs: Distribution;
}

export function jobPhases(text: string): JobPhases {
  const lines = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TraceLine);
  const jobs = new Map<string, Map<string, number>>();
  const order: { worker: string; job: string }[] = [];
  for (const line of lines) {
    const key = `${line.worker}\u0000${line.job}`;
    let phases = jobs.get(key);
    if (!phases) {
      phases = new Map();
      jobs.set(key, phases);
      order.push({ worker: line.worker, job: key });
    }
    if (!phases.has(line.phase)) phases.set(line.phase, line.t);
  }
  const setUp: number[] = [];
  const first: number[] = [];
  const file: number[] = [];
  const wrapUp: number[] = [];
  const between: number[] = [];
  const lastReturned = new Map<string, number>();
  for (const { worker, job } of order) {
    const p = jobs.get(job) as Map<string, number>;
    const at = (phase: string) => p.get(phase);
    const span = (from: string, to: string) => {
      const a = at(from);
      const b = at(to);
      return a !== undefined && b !== undefined ? [b - a] : [];
    };
    (lastReturned.has(worker) ? setUp : first).push(...span('taken', 'fileStarted'));
    file.push(...span('fileStarted', 'fileDone'));
    wrapUp.push(...span('fileDone', 'returned'));
    const taken = at('taken');
    const previous = lastReturned.get(worker);
    if (previous !== undefined && taken !== undefined) between.push(taken - previous);
    const returned = at('returned');
    if (returned !== undefined) lastReturned.set(worker, returned);
  }
  return {
    jobs: order.length,
    setUpMs: distribution(setUp),
    fileMs: distribution(file),
    wrapUpMs: distribution(wrapUp),
    betweenJobsMs: distribution(between),
    firstSetUpMs: distribution(first),
  };
}
