// CPU seconds used by this process's finished children (and theirs, when each parent waited for
// its own): /proc/self/stat's cutime + cstime. Taken before and after one side of the benchmark,
// the difference is that side's CPU, whatever else was running on the machine meanwhile.
import { readFileSync } from 'node:fs';

/** Clock ticks per second on Linux (USER_HZ); fixed at 100 on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** cutime + cstime from the text of a /proc/<pid>/stat file, in seconds. */
export function childCpuSecondsFromStat(stat: string): number {
  // comm may contain spaces and parentheses: count fields after the last ')'. Field 3 (state) is
  // the first there, so cutime (16) and cstime (17) are at offsets 13 and 14.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

export function childCpuSeconds(): number {
  return childCpuSecondsFromStat(readFileSync('/proc/self/stat', 'utf8'));
}
