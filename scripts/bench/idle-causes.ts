// The admission trace's events (src/workers/child/admission-trace.ts) summed into idle pool
// slot-time by cause: a slot is idle whenever fewer tasks run than the pool has threads, and the
// cause is what held the next task (the scheduler's last 'blocked' reason while a task was
// queued) or, with nothing queued, what the files in hand were doing off the pool (preparing,
// estimating their footprint, waiting for a duplicate, merging ranges), else the batch's tail.

export interface TraceEvent {
  t: number;
  type: string;
  seq?: number;
  file?: string;
  task?: string;
  cause?: string;
  phase?: string;
  workers?: number;
  files?: number;
  footprintMb?: number;
  observedMb?: number;
  alone?: boolean;
}

export interface TaskFootprint {
  file: string;
  declaredMb: number;
  observedMb: number;
}

export interface IdleSummary {
  workers: number;
  wallMs: number;
  busyShare: number;
  idleMs: number;
  idleMsByCause: Record<string, number>;
  /** Extract tasks that ran alone: what they declared against the RSS growth seen meanwhile. */
  footprints: { alone: number; declaredMb: number; observedMb: number; tasks: TaskFootprint[] };
}

/** Phases a file can be in off the pool (batch-run.ts, run-on-pool.ts, page-ranges.ts). */
const OFF_POOL = new Set(['preparing', 'estimating', 'planning', 'duplicate-wait', 'merging']);

export function idleByCause(events: readonly TraceEvent[]): IdleSummary {
  const batch = events.find((e) => e.type === 'batch');
  const workers = batch?.workers ?? 1;
  const totalFiles = batch?.files ?? 0;
  const from = batch?.t ?? events[0]?.t ?? 0;
  const to = events.findLast((e) => e.type === 'batchEnd')?.t ?? events.at(-1)?.t ?? from;
  const running = new Map<number, string>();
  const queued = new Map<number, string>();
  const phases = new Map<string, string>();
  const taken = new Set<string>();
  let block: string | undefined;
  const idleMsByCause: Record<string, number> = {};
  let busyMs = 0;
  const add = (cause: string, ms: number) => {
    idleMsByCause[cause] = (idleMsByCause[cause] ?? 0) + ms;
  };

  const charge = (ms: number) => {
    busyMs += Math.min(workers, running.size) * ms;
    const idle = Math.max(0, workers - running.size) * ms;
    if (idle <= 0) return;
    if (queued.size > 0) return add(block ?? 'dispatch', idle);
    const onPool = new Set([...running.values(), ...queued.values()]);
    const off = [...phases]
      .filter(([file, phase]) => OFF_POOL.has(phase) && !onPool.has(file))
      .map(([, phase]) => phase);
    if (off.length === 0) return add(taken.size >= totalFiles ? 'tail' : 'between files', idle);
    // Any of the files in hand would fill the slot once its phase ends: each takes a share.
    for (const phase of off) add(phase, idle / off.length);
  };

  const footprints: TaskFootprint[] = [];
  let prev = from;
  for (const e of events) {
    if (e.t < from) continue;
    if (e.t > to) break;
    charge(e.t - prev);
    prev = e.t;
    const seq = e.seq ?? -1;
    switch (e.type) {
      case 'ready':
        queued.set(seq, e.file ?? '');
        break;
      case 'blocked':
        block = e.cause;
        break;
      case 'start':
        queued.delete(seq);
        running.set(seq, e.file ?? '');
        block = undefined;
        break;
      case 'end':
        running.delete(seq);
        queued.delete(seq);
        if (
          e.alone &&
          e.task === 'extract' &&
          e.file !== undefined &&
          e.footprintMb !== undefined
        ) {
          footprints.push({
            file: e.file,
            declaredMb: e.footprintMb,
            observedMb: Math.max(0, e.observedMb ?? 0),
          });
        }
        break;
      case 'phase':
        if (e.file === undefined || e.phase === undefined) break;
        if (e.phase === 'preparing') taken.add(e.file);
        phases.set(e.file, e.phase);
        break;
    }
  }
  charge(to - prev);
  const wallMs = to - from;
  const idleMs = Object.values(idleMsByCause).reduce((a, b) => a + b, 0);
  return {
    workers,
    wallMs,
    busyShare: wallMs > 0 ? busyMs / (workers * wallMs) : 0,
    idleMs,
    idleMsByCause,
    footprints: {
      alone: footprints.length,
      declaredMb: footprints.reduce((a, f) => a + f.declaredMb, 0),
      observedMb: footprints.reduce((a, f) => a + f.observedMb, 0),
      tasks: footprints,
    },
  };
}
