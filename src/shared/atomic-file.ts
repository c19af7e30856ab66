// Every file Folio writes goes to a temporary name in the same folder and is renamed into place,
// so an output, a cache entry or a report is never seen half-written.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FolioError, writeFailed } from './errors';

function tempNameFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target).slice(0, 40)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** Fills a temporary file beside `target` with `fill`, then renames it into place. */
async function replaceAtomically(target: string, fill: (temp: string) => Promise<void>) {
  const temp = tempNameFor(target);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await fill(temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    // A full disk is WRITE_FAILED with the path, not INTERNAL; a source that cannot be read (a
    // copy's ENOENT on the source) keeps its own error.
    if (error instanceof FolioError || isSourceError(error)) throw error;
    throw writeFailed(target, error);
  }
}

/** A copy whose source is gone is not a failed write (the folder was made just before). */
function isSourceError(error: unknown): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  return e?.code === 'ENOENT' && e.syscall === 'copyfile';
}

/** Writes `data` to `target` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  return replaceAtomically(target, (temp) => writeFile(temp, data));
}

/** Copies `source` to `target` through a temporary file and a rename. */
export function copyFileAtomic(source: string, target: string): Promise<void> {
  return replaceAtomically(target, (temp) => copyFile(source, temp));
}
