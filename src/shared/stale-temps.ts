// Temporary files left by an interrupted write. Every write goes through a temporary name beside
// its target (atomic-file.ts: `.<name>.<pid>.<8 hex>.tmp`) that is renamed into place; a thread
// terminated mid-write (a cancelled or timed-out task) or a child killed after a cancel never gets
// to rename or remove it. These sweeps remove them: the child's own after its batch (its threads
// are gone by then), and any whose process is dead, which the CLI runs over --out when it exits.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMP_NAME = /^\..*\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** The pid in a temporary file's name, or undefined when it is not one of ours. */
export function tempFilePid(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes, under `dir` (recursively, not following links), the temporary files whose pid
 * `isStale` accepts. Returns the paths removed; a folder that cannot be read is passed over.
 */
export async function removeTempFiles(
  dir: string,
  isStale: (pid: number) => boolean,
): Promise<string[]> {
  const removed: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removed.push(...(await removeTempFiles(full, isStale)));
      continue;
    }
    const pid = entry.isFile() ? tempFilePid(entry.name) : undefined;
    if (pid === undefined || !isStale(pid)) continue;
    await rm(full, { force: true });
    removed.push(full);
  }
  return removed;
}
