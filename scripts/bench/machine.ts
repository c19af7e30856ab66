// What the numbers were measured on: machine, load, Node, and the commit (with a count of
// uncommitted changes under src/, since a shared tree is often ahead of its last commit).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { round } from './stats';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

export function machineInfo(projectRoot: string) {
  const cpus = os.cpus();
  const dirty = git(['status', '--porcelain', '--', 'src'], projectRoot);
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    commit: git(['rev-parse', '--short', 'HEAD'], projectRoot),
    uncommittedSrcFiles: dirty === undefined ? undefined : dirty.split('\n').filter(Boolean).length,
  };
}

export type Machine = ReturnType<typeof machineInfo>;
