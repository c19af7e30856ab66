// Everything a file needs before it can run, done in the child: a path the pool can open (an ASCII
// alias when the name is not valid UTF-8), its password, its content hash, its cache key and
// output name, and a cache lookup that may make running it unnecessary.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { BatchOptions, ExtractOptions } from '../../shared/options';
import type { FileOutcome } from '../../shared/report';
import { passwordFor } from '../../shared/password-file';
import { failedOutcome } from '../../shared/report-builder';
import {
  cacheKey,
  type CacheHit,
  type OutputCache,
  outputSettings,
  sha256OfFile,
} from '../output/cache';
import { type OutputNamer, resolveInside } from '../output/output-writer';
import { wordsSidecarPath } from '../output/words-sidecar';
import type { OutputTarget } from '../thread/task-types';
import type { FileKind } from './file-job';
import type { FileEntry } from './walk-folder';

export interface PrepareContext {
  batch: BatchOptions;
  /** The batch's extraction options, before this file's password and page range. */
  extract: ExtractOptions;
  cache: OutputCache;
  namer: OutputNamer;
  outDir: string;
  /** Where aliases for undecodable names are made. */
  aliasDir: string;
}

/** A file that must run on the pool. */
export interface FreshFile {
  /** What the pool thread opens: the file itself, or its alias. */
  openPath: string;
  extract: ExtractOptions;
  sha256: string;
  cacheKey: string;
  /** Where the thread writes: the cache entry's content, then the output. */
  target: OutputTarget;
  /** Removes the alias, if one was made. */
  close(): Promise<void>;
}

export type PreparedFile =
  | { type: 'unreadable'; outcome: FileOutcome }
  | { type: 'cached'; hit: CacheHit; outputPath: string; sha256: string; cacheKey: string }
  | { type: 'fresh'; file: FreshFile };

/** Throws only on the unexpected (the alias cannot be made, the output name escapes). */
export async function prepareFile(
  entry: FileEntry,
  kind: FileKind,
  ctx: PrepareContext,
): Promise<PreparedFile> {
  const alias = entry.raw ? await makeAlias(entry, ctx.aliasDir) : undefined;
  const close = async () => {
    if (alias) await rm(path.dirname(alias), { recursive: true, force: true });
  };
  try {
    const prepared = await prepareOpened(entry, alias ?? entry.abs, kind, ctx, close);
    if (prepared.type !== 'fresh') await close();
    return prepared;
  } catch (error) {
    await close();
    throw error;
  }
}

async function prepareOpened(
  entry: FileEntry,
  openPath: string,
  kind: FileKind,
  ctx: PrepareContext,
  close: () => Promise<void>,
): Promise<PreparedFile> {
  const { batch } = ctx;
  const extract = fileExtractOptions(entry.rel, batch, ctx.extract);
  let sha256: string;
  try {
    sha256 = await sha256OfFile(openPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { type: 'unreadable', outcome: failedOutcome('UNREADABLE', unreadable(code), kind) };
  }
  const key = cacheKey(sha256, outputSettings(extract, batch.format, extract.password));
  const outputPath = resolveInside(ctx.outDir, ctx.namer.claim(entry.rel));
  if (batch.cache) {
    const hit = await ctx.cache.lookup(key, batch.format);
    if (hit) return { type: 'cached', hit, outputPath, sha256, cacheKey: key };
  }
  const target: OutputTarget = {
    format: batch.format,
    contentPath: ctx.cache.contentPath(key, batch.format),
    outputPath,
    wordsPath: wordsSidecarPath(ctx.cache.dir, sha256),
  };
  return { type: 'fresh', file: { openPath, extract, sha256, cacheKey: key, target, close } };
}

/** One file's extraction options: the batch's, with its password and without a page range. */
function fileExtractOptions(
  rel: string,
  batch: BatchOptions,
  batchExtract: ExtractOptions,
): ExtractOptions {
  const password = passwordFor(rel, batch.passwords);
  const extract: ExtractOptions = {
    ...batchExtract,
    ...(password !== undefined ? { password } : {}),
    pdf: { ...batchExtract.pdf, pageRange: undefined },
    excel: { ...batchExtract.excel, storedValues: batch.format === 'json' },
  };
  if (password === undefined) delete extract.password;
  return extract;
}

/** The cache key a file with these bytes gets in this batch (as prepareFile computes it). */
export function fileCacheKey(
  rel: string,
  sha256: string,
  batch: BatchOptions,
  batchExtract: ExtractOptions,
): string {
  const extract = fileExtractOptions(rel, batch, batchExtract);
  return cacheKey(sha256, outputSettings(extract, batch.format, extract.password));
}

function unreadable(code: string | undefined): string {
  if (code === 'ENOENT') return 'The file disappeared before it could be read.';
  if (code === 'ENOTFILE') {
    return 'The file was replaced by something that is not a regular file (a pipe or device) and was not read.';
  }
  return `The file cannot be read (${code ?? 'error'}).`;
}

/** A file whose name is not valid UTF-8 is opened through an ASCII-named symlink. */
async function makeAlias(entry: FileEntry, aliasDir: string): Promise<string> {
  await mkdir(aliasDir, { recursive: true });
  const dir = await mkdtemp(path.join(aliasDir, 'alias-'));
  const alias = path.join(dir, `input${path.extname(entry.abs).replace(/[^A-Za-z0-9.-]/g, '')}`);
  await symlink(entry.raw as Buffer, alias);
  return alias;
}
