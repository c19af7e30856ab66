// CPU seconds of whole process trees (roots and every descendant, threads included), sampled from
// /proc: each process's utime + stime as last seen, so a process that exits between samples still
// counts up to its last sample (at most one interval lost per process). Unlike cutime, this needs
// no process to reap its children: the CLI's extraction child exits on its own after a batch.
import { readFileSync } from 'node:fs';
import { descendantsOf, readParentMap } from './process-tree-rss';

/** Clock ticks per second on Linux (USER_HZ); fixed at 100 on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** utime + stime from the text of a /proc/<pid>/stat file, in seconds. */
export function cpuSecondsFromStat(stat: string): number {
  // comm may contain spaces and parentheses: count fields after the last ')'. Field 3 (state) is
  // the first there, so utime (14) and stime (15) are at offsets 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function cpuSecondsOf(pid: number): number | undefined {
  try {
    return cpuSecondsFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

export class ProcessTreeCpuSampler {
  private readonly lastSeen = new Map<number, number>();
  private readonly baseline = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  /** CPU the roots' trees had already used when sampling starts is not counted. */
  constructor(
    private readonly roots: number[],
    private readonly intervalMs = 150,
  ) {}

  sampleOnce(): void {
    const parents = readParentMap();
    for (const root of this.roots) {
      for (const pid of descendantsOf(root, parents)) {
        const seconds = cpuSecondsOf(pid);
        if (seconds !== undefined) this.lastSeen.set(pid, seconds);
      }
    }
  }

  start(): this {
    this.sampleOnce();
    for (const [pid, seconds] of this.lastSeen) this.baseline.set(pid, seconds);
    this.timer = setInterval(() => this.sampleOnce(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Stops sampling (after a last sample) and returns the trees' CPU seconds since start. */
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sampleOnce();
    let total = 0;
    for (const [pid, seconds] of this.lastSeen) total += seconds - (this.baseline.get(pid) ?? 0);
    return total;
  }
}
