// Where a queued page range's raw documents (one per thread it was split across) wait for the
// merge: a cache entry in the shared cache folder, named by the file's cache key and the pages, so
// a range whose entry is there is never extracted again. Stored with V8's serializer, the
// structured clone a pool thread hands its result over with, so the merge sees exactly the
// documents a local split run merges.
import { readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../../shared/atomic-file';
import type { PageSpan } from '../../shared/file-part';
import type { ExtractedDocument } from '../../shared/model';

export function rangeEntryPath(cacheDir: string, cacheKey: string, range: PageSpan): string {
  const name = createHash('sha256').update(`${cacheKey}\0${range.from}-${range.to}`).digest('hex');
  return path.join(cacheDir, 'ranges', name.slice(0, 2), `${name}.v8`);
}

/** Written through a temporary file and a rename: a reader sees the whole entry or none. */
export function writeRangeEntry(file: string, docs: ExtractedDocument[]): Promise<void> {
  return writeFileAtomic(file, serialize(docs));
}

/** The stored documents, or undefined when there are none (or they cannot be read back). */
export async function readRangeEntry(file: string): Promise<ExtractedDocument[] | undefined> {
  try {
    const docs = deserialize(await readFile(file)) as ExtractedDocument[];
    const valid = Array.isArray(docs) && docs.length > 0;
    return valid && docs.every((doc) => Array.isArray(doc?.blocks)) ? docs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes a merged file's range entries. Once the merge has written the file and stored the
 * file's own cache entry, that entry answers a rerun (and a merge job taken over after its worker
 * died), so the raw documents serve nobody and would double the cache on a room of long scans.
 * With --no-cache as well: its ranges never read a stored entry and the file's entry is stored
 * all the same; only a merge taken over in the moment between this and its job's end then finds
 * its ranges gone and fails asking for a rerun. Best effort: an entry already gone, or one that
 * cannot be removed, never fails the file.
 */
export async function removeRangeEntries(
  cacheDir: string,
  cacheKey: string,
  ranges: PageSpan[],
): Promise<void> {
  const entries = ranges.map((range) => rangeEntryPath(cacheDir, cacheKey, range));
  await Promise.allSettled(entries.map((file) => rm(file, { force: true })));
}
