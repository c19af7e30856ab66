// Default folders: the per-user cache and, when no output folder is chosen, where outputs go.
import os from 'node:os';
import path from 'node:path';
import { outputsFolderFor } from '../../shared/outputs-folder';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.LOCALAPPDATA) {
    return path.join(env.LOCALAPPDATA, 'folio', 'cache');
  }
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'folio');
}

/** Outputs of a folder extracted without `outDir`: one subfolder per input folder in the cache. */
export function defaultOutDir(cacheDir: string, input: string): string {
  return outputsFolderFor(cacheDir, input);
}

/** Worker threads by default: one per core, at most four. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}
