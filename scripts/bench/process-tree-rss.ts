// Samples the resident memory of a whole process tree (a root pid and all its descendants) from
// /proc, so the benchmark reports what the machine actually paid, not what one process thinks.
// Worker threads share their process's RSS, so the CLI + child process covers the pool.
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every live process, from /proc/<pid>/stat (field 4, after the `(comm)`). */
export function readParentMap(procRoot = '/proc'): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync(procRoot)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`${procRoot}/${name}/stat`, 'utf8');
      // comm may contain spaces and parentheses: the fields after the last ')' are reliable.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // The process exited between readdir and read.
    }
  }
  return parents;
}

/** The root and every descendant of it, given a pid → parent pid map. */
export function descendantsOf(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS of one process in KiB, or 0 when it is gone (or a zombie, which has no VmRSS line). */
export function readRssKiB(pid: number, procRoot = '/proc'): number {
  try {
    const status = readFileSync(`${procRoot}/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface RssSample {
  /** Milliseconds since sampling started. */
  t: number;
  /** Sum over the tree, MiB. */
  treeMb: number;
  processes: number;
}

/** Samples a process tree's total RSS every `intervalMs` until stopped; keeps the peak. */
export class ProcessTreeRssSampler {
  readonly samples: RssSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();
  peakMb = 0;

  /**
   * `excludeRoot`: count only the root's descendants, e.g. the tools a benchmark spawns from its
   * own process, without the benchmark itself.
   */
  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 150,
    private readonly options: { excludeRoot?: boolean } = {},
  ) {}

  sampleOnce(): RssSample {
    const tree = descendantsOf(this.rootPid, readParentMap());
    const pids = this.options.excludeRoot ? tree.filter((pid) => pid !== this.rootPid) : tree;
    const kib = pids.reduce((sum, pid) => sum + readRssKiB(pid), 0);
    const sample = { t: Date.now() - this.started, treeMb: kib / 1024, processes: pids.length };
    if (kib > 0) this.samples.push(sample);
    this.peakMb = Math.max(this.peakMb, sample.treeMb);
    return sample;
  }

  start(): this {
    this.sampleOnce();
    this.timer = setInterval(() => this.sampleOnce(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): { peakMb: number; samples: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return { peakMb: this.peakMb, samples: this.samples.length };
  }
}
