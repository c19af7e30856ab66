// `folio search <folder-or-out> "<query>" [--limit N] [--json]` (issue 13): asks the child that
// owns the search index (the same ChildProcessRunner.search the extension uses) and prints the
// hits by file, page and line. The index is the one beside the cache of an earlier
// `folio extract`: `<out>/.folio-cache` (the default cache), found from the output folder or from
// the input folder (its `<folder>.folio` beside it), or named with --cache-dir.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SearchHit, SearchResult } from '../shared/search';
import { UsageError, defaultOutDirFor } from './args';
import { escapeControl } from './terminal-text';

export const SEARCH_USAGE = `Usage: folio search <folder-or-out> "<query>" [options]

Searches the text extracted by an earlier \`folio extract\`: <folder-or-out> is the input
folder (its outputs beside it in <folder>.folio) or the output folder (--out).

Query: words must all match, fuzzily when long enough (OCR errors); "a phrase" in quotes
matches in that order; word* matches as a prefix; amounts, dates and references match
whatever their separators (41,228.23 = 41228.23; INV-2024-4788 = INV 2024 4788 = INV20244788).

Options:
  --limit N              at most N hits (default: 50, at most 1000)
  --json                 print the result as JSON (hits with file, page, line, context, ranges)
  --cache-dir DIR        the cache folder of that extraction, if it was given to extract
  -h, --help             this help

Exit code: 0 hits found, 1 no hits, 2 usage error or no index.`;

export interface SearchCommand {
  query: string;
  cacheDir: string;
  /** Only this input folder's files (when the input folder was named). */
  input?: string;
  limit: number;
  json: boolean;
}

export function isSearchCommand(argv: readonly string[]): boolean {
  return argv[0] === 'search';
}

const INDEX = path.join('search', 'index.json');

/** The cache folder holding an index for `target`, and the input it stands for, if any. */
function locateIndex(target: string): { cacheDir: string; input?: string } | undefined {
  const asOut = path.join(target, '.folio-cache');
  if (existsSync(path.join(asOut, INDEX))) return { cacheDir: asOut };
  const besideInput = path.join(defaultOutDirFor(target), '.folio-cache');
  if (existsSync(path.join(besideInput, INDEX))) return { cacheDir: besideInput, input: target };
  return undefined;
}

export function parseSearch(argv: readonly string[], cwd = process.cwd()): SearchCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      strict: true,
      options: {
        limit: { type: 'string' },
        json: { type: 'boolean' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [folder, query, ...extra] = positionals;
  if (!folder) throw new UsageError('missing <folder-or-out>');
  if (query === undefined || query.trim() === '') throw new UsageError('missing "<query>"');
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}" (quote a query of several words)`);
  }
  const target = path.resolve(cwd, folder);
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new UsageError(`folder not found: ${folder}`);
  }
  let limit = 50;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new UsageError(`--limit needs a whole number from 1 to 1000, got "${values.limit}"`);
    }
  }
  let located: { cacheDir: string; input?: string } | undefined;
  if (values['cache-dir']) {
    const cacheDir = path.resolve(cwd, values['cache-dir']);
    if (!existsSync(path.join(cacheDir, INDEX))) {
      throw new UsageError(`no search index in ${values['cache-dir']}`);
    }
    located = { cacheDir, ...(locateIndex(target) ? {} : { input: target }) };
  } else {
    located = locateIndex(target);
  }
  if (!located) {
    throw new UsageError(
      `no search index for ${folder}: extract it first (folio extract ${folder}), or name its --cache-dir`,
    );
  }
  return { query, limit, json: values.json ?? false, ...located };
}

/** The line with its matches marked: `[`…`]` around each, control characters escaped. */
export function markedContext(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const range of hit.ranges) {
    const start = Math.max(at, range.start - hit.contextStart);
    const end = Math.min(hit.context.length, range.end - hit.contextStart);
    if (start >= end) continue;
    out += escapeControl(hit.context.slice(at, start));
    out += `[${escapeControl(hit.context.slice(start, end))}]`;
    at = end;
  }
  return (out + escapeControl(hit.context.slice(at))).trim();
}

function where(hit: SearchHit): string {
  const place = hit.page !== undefined ? `p. ${hit.page}` : hit.sheet ? `sheet ${hit.sheet}` : '';
  return [place, `line ${hit.line + 1}`].filter(Boolean).join(', ');
}

/** The hits by file, in the order the files' best hits came. */
export function searchLines(result: SearchResult): string[] {
  const byFile = new Map<string, SearchHit[]>();
  for (const hit of result.hits) {
    const key = `${hit.input}\0${hit.path}`;
    byFile.set(key, [...(byFile.get(key) ?? []), hit]);
  }
  const lines: string[] = [];
  for (const hits of byFile.values()) {
    const n = hits.length;
    lines.push(`${escapeControl(hits[0].path)}  (${n} hit${n === 1 ? '' : 's'})`);
    for (const hit of hits) lines.push(`  ${escapeControl(where(hit))}: ${markedContext(hit)}`);
  }
  const more = result.truncated ? ' (more: raise --limit)' : '';
  const files = `${result.filesMatched} file${result.filesMatched === 1 ? '' : 's'}`;
  lines.push(
    `${result.hits.length} hit${result.hits.length === 1 ? '' : 's'} in ${files}${more}; ` +
      `${result.indexed.files} files indexed; ${result.ms} ms`,
  );
  return lines;
}
