// Default folders: the per-user cache and, when no output folder is chosen, where outputs go.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.LOCALAPPDATA) {
    return path.join(env.LOCALAPPDATA, 'folio', 'cache');
  }
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'folio');
}

/** Outputs of a folder extracted without `outDir`: one subfolder per input folder in the cache. */
export function defaultOutDir(cacheDir: string, input: string): string {
  const id = createHash('sha256').update(path.resolve(input)).digest('hex').slice(0, 12);
  return path.join(cacheDir, 'outputs', `${path.basename(input) || 'root'}-${id}`);
}

/** Worker threads by default: one per core, at most four. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}
