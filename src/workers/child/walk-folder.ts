// Walks an input folder and accounts for every file in it: each one becomes either a file to
// extract or a skipped entry with a stable code. Directory names are read as raw bytes so that
// non-UTF-8 names can still be opened; symlinks that stay inside the folder are followed (a
// directory link back to one of its ancestors is a loop), links leading outside are followed only
// when asked; FIFOs and devices are never opened (reading a FIFO would hang the batch).
import { lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { ErrorCode } from '../../shared/errors';
import { formatForName, SUPPORTED_FORMATS_TEXT } from '../../shared/formats';
import type { BatchOptions } from '../../shared/options';
import { defaultCacheDir, defaultOutDir } from './locations';

export interface WalkOptions {
  include: string[];
  exclude: string[];
  followSymlinks: boolean;
  /** Absolute folders never walked into (the output and cache folders when they sit inside). */
  skipDirs: string[];
  /** File names to accept besides the supported types (the fault-injection tests' own names). */
  acceptName?: (name: string) => boolean;
}

export interface FileEntry {
  type: 'file';
  /** Relative to the input folder, forward slashes; U+FFFD stands in for undecodable bytes. */
  rel: string;
  /** Absolute path as a string (lossy when the name is not UTF-8: then `raw` is the truth). */
  abs: string;
  /** Byte-exact path, present only when the name cannot round-trip through UTF-8. */
  raw?: Buffer;
  size: number;
  mtimeMs: number;
}

export interface SkippedEntry {
  type: 'skipped';
  rel: string;
  code: ErrorCode;
  message: string;
}

export type WalkEntry = FileEntry | SkippedEntry;

const NOT_SUPPORTED = `Not a supported document type: Folio reads ${SUPPORTED_FORMATS_TEXT}.`;

/** Byte-exact string form of a path, for prefix comparisons that must not be fooled by decoding. */
function bytesKey(p: Buffer | string): string {
  return Buffer.isBuffer(p) ? p.toString('latin1') : Buffer.from(p).toString('latin1');
}

function isInside(childKey: string, rootKey: string): boolean {
  return (
    childKey === rootKey || childKey.startsWith(rootKey.endsWith('/') ? rootKey : rootKey + '/')
  );
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

interface DirFrame {
  raw: Buffer;
  rel: string;
  /** Real paths (byte keys) of this directory and its ancestors in the walk: a link to one is a loop. */
  chain: string[];
}

/**
 * Walks `root` and returns its entries in a stable (sorted, depth-first) order. Never throws for
 * a problem with one entry: that entry is reported skipped. Throws only when `root` itself cannot
 * be read.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<WalkEntry[]> {
  const rootReal = await realpath(root);
  const rootKey = bytesKey(rootReal);
  const skipKeys = await Promise.all(
    options.skipDirs.map(async (dir) =>
      bytesKey(await realpath(dir).catch(() => path.resolve(dir))),
    ),
  );
  const included = picomatch(options.include.length > 0 ? options.include : ['**/*'], {
    dot: true,
  });
  const excluded = options.exclude.length > 0 ? picomatch(options.exclude, { dot: true }) : null;
  const wanted = (rel: string): boolean => included(rel) && !(excluded?.(rel) ?? false);
  const entries: WalkEntry[] = [];

  const acceptsName = (name: string): boolean => {
    if (formatForName(name) !== undefined) return true;
    return options.acceptName?.(name) ?? false;
  };

  const addFile = (rawPath: Buffer, rel: string, info: { size: number; mtimeMs: number }) => {
    if (!wanted(rel)) return;
    const name = rel.split('/').pop() ?? rel;
    if (!acceptsName(name)) {
      entries.push({ type: 'skipped', rel, code: 'UNSUPPORTED_TYPE', message: NOT_SUPPORTED });
      return;
    }
    const abs = rawPath.toString('utf8');
    const roundTrips = Buffer.from(abs, 'utf8').equals(rawPath);
    entries.push({
      type: 'file',
      rel,
      abs,
      ...(roundTrips ? {} : { raw: rawPath }),
      size: info.size,
      mtimeMs: info.mtimeMs,
    });
  };

  const stack: DirFrame[] = [{ raw: Buffer.from(rootReal), rel: '', chain: [rootKey] }];
  while (stack.length > 0) {
    const frame = stack.pop() as DirFrame;
    let names: Buffer[];
    try {
      names = await readdir(frame.raw, { encoding: 'buffer' });
    } catch (error) {
      if (frame.rel === '') throw error;
      entries.push({
        type: 'skipped',
        rel: frame.rel,
        code: 'UNREADABLE',
        message: `The folder cannot be read (${errnoCode(error) ?? 'error'}).`,
      });
      continue;
    }
    names.sort(Buffer.compare);
    const subdirs: DirFrame[] = [];
    for (const nameRaw of names) {
      const name = nameRaw.toString('utf8');
      const hidden = name.startsWith('.');
      const childRaw = Buffer.concat([frame.raw, Buffer.from('/'), nameRaw]);
      const rel = frame.rel === '' ? name : `${frame.rel}/${name}`;
      const childKey = bytesKey(childRaw);
      if (skipKeys.some((key) => isInside(childKey, key))) continue;
      let info;
      try {
        info = await lstat(childRaw);
      } catch (error) {
        entries.push({
          type: 'skipped',
          rel,
          code: 'UNREADABLE',
          message: `The file vanished or cannot be read (${errnoCode(error) ?? 'error'}).`,
        });
        continue;
      }
      // Hidden folders (.git, .svn) hold no evidence; hidden files are still accounted for, so a
      // `.statement.pdf` is extracted and a `.DS_Store` is reported as skipped, never lost.
      if (hidden && info.isDirectory()) continue;
      let targetKey = childKey;
      if (info.isSymbolicLink()) {
        let target: Buffer;
        try {
          target = await realpath(childRaw, { encoding: 'buffer' });
          info = await stat(target);
        } catch (error) {
          const code = errnoCode(error);
          entries.push(
            code === 'ELOOP'
              ? { type: 'skipped', rel, code: 'SYMLINK_LOOP', message: 'A symbolic link loop.' }
              : {
                  type: 'skipped',
                  rel,
                  code: 'UNREADABLE',
                  message: 'A broken symbolic link (its target does not exist).',
                },
          );
          continue;
        }
        targetKey = bytesKey(target);
        if (!isInside(targetKey, rootKey) && !options.followSymlinks) {
          if (info.isFile() && !wanted(rel)) continue;
          entries.push({
            type: 'skipped',
            rel,
            code: 'SYMLINK_OUTSIDE',
            message:
              'A symbolic link to a location outside the folder: not followed (use --follow-symlinks to include it).',
          });
          continue;
        }
        if (info.isDirectory() && frame.chain.includes(targetKey)) {
          entries.push({
            type: 'skipped',
            rel,
            code: 'SYMLINK_LOOP',
            message: 'A symbolic link to one of its own parent folders (a loop): not followed.',
          });
          continue;
        }
        if (skipKeys.some((key) => isInside(targetKey, key))) continue;
      }
      if (info.isDirectory()) {
        subdirs.push({ raw: childRaw, rel, chain: [...frame.chain, targetKey] });
      } else if (info.isFile()) {
        addFile(childRaw, rel, info);
      } else if (wanted(rel)) {
        entries.push({
          type: 'skipped',
          rel,
          code: 'UNSUPPORTED_TYPE',
          message: 'Not a regular file (a pipe, socket or device): not read.',
        });
      }
    }
    // Depth-first in name order: push in reverse so the first name is walked first.
    for (const dir of subdirs.reverse()) stack.push(dir);
  }
  return entries;
}

/** The walk's files (not its skipped entries), in walk order. */
export function fileRels(walked: readonly WalkEntry[]): string[] {
  return walked.filter((e) => e.type === 'file').map((e) => e.rel);
}

/**
 * A batch's output and cache folders (resolved, made if missing) and the walk of its input, which
 * leaves those two folders out.
 */
export async function walkBatch(
  batch: BatchOptions,
  input: string,
  acceptName?: (name: string) => boolean,
): Promise<{ outDir: string; cacheDir: string; walked: WalkEntry[] }> {
  const cacheDir = path.resolve(batch.cacheDir ?? defaultCacheDir());
  const outDir = path.resolve(batch.outDir ?? defaultOutDir(cacheDir, input));
  await mkdir(outDir, { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  const walked = await walkFolder(input, {
    include: batch.include,
    exclude: batch.exclude,
    followSymlinks: batch.followSymlinks,
    skipDirs: [outDir, cacheDir],
    acceptName,
  });
  return { outDir, cacheDir, walked };
}
