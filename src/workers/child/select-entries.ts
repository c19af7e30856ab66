// Which walked entries a start covers: everything walked, or, when the parent resumes a batch
// after the child died, exactly the files it still waits for (in its order).
import path from 'node:path';
import type { WalkEntry } from './walk-folder';

/**
 * `wanted` holds absolute paths as the parent keys them (the input folder as given, joined with
 * the relative path); one that is no longer there is reported unreadable, not forgotten.
 */
export function selectEntries(
  entries: WalkEntry[],
  input: string,
  wanted: string[] | undefined,
): WalkEntry[] {
  if (!wanted) return entries;
  const byAbs = new Map(entries.map((e) => [path.join(input, e.rel), e]));
  return wanted.map(
    (abs): WalkEntry =>
      byAbs.get(abs) ?? {
        type: 'skipped',
        rel: path.relative(input, abs).split(path.sep).join('/'),
        code: 'UNREADABLE',
        message: 'The file disappeared before it could be read.',
      },
  );
}
