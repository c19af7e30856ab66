// Command-line parsing for `folio extract`, with node:util parseArgs. Usage errors are thrown as
// UsageError (exit code 2); everything here is pure apart from reading the password file.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBatchOptions, defaultExtractOptions, EXCEL_VALUES } from '../shared/options';
import type { BatchOptions, ExcelValues, ExtractOptions } from '../shared/options';
import { SUPPORTED_FORMATS_LIST } from '../shared/formats';
import { parsePasswordMap } from '../shared/password-file';
import { redisOptionsFor } from '../queue/redis-connection';

export class UsageError extends Error {}

export const USAGE = `Usage: folio extract <folder> [options]

Turns every document in <folder> (${SUPPORTED_FORMATS_LIST}) into Markdown or JSON,
offline, one output per input under --out (mirroring the folder tree).

Options:
  --out DIR              where outputs go (default: <folder>.folio beside the folder)
  --format md|json       output format (default: md)
  --report FILE          write the run report as JSON to FILE
  --manifest FILE        write the audit manifest (per file: sha256, size, status, codes,
                         warnings, pages, OCR confidence, output sha256, duplicates, engine
                         version, settings fingerprint) as FILE.csv and FILE.json; a FILE
                         ending in .csv or .json names one and its twin (audit.csv, audit.json)
  --near-duplicates T    report files whose texts are at least T alike (0-1, default 0.8;
                         off: none)
  --workers N            worker threads (default: min(cores, 4); 1 = sequential)
  --memory-limit-mb N    memory budget of the process tree: this CLI and its extraction
                         process (default: 1024)
  --timeout-s N          abort a file that makes no progress for N seconds (default: 60)
  --file-cap-s N         abort a file that runs longer than N seconds in all (default: 600)
  --no-ocr               do not OCR scanned pages and images
  --ocr-lang L[,L...]    OCR languages from packaged data (default: eng)
  --no-review-marks      DOCX: leave out comments and show tracked changes accepted
  --excel-values V       XLSX cells: displayed (as their number format shows them,
                         default) or raw (the stored values; dates ISO)
  --no-cache             extract every file even if a cached output exists
  --cache-dir DIR        cache folder (default: <out>/.folio-cache)
  --password-file F      JSON map of file (relative path or name) to password
  --include GLOB         only files matching GLOB (repeatable)
  --exclude GLOB         skip files matching GLOB (repeatable)
  --follow-symlinks      also follow symbolic links that lead outside the folder
  --quiet                no line per file, only the summary
  --queue URL            spread the batch over queue workers on Redis (redis:// or
                         rediss://; password in the URL or FOLIO_REDIS_PASSWORD):
                         see folio worker --help and docs/scaling.md
  --queue-name NAME      the queue's name (default: extract)
  --range-pages N        with --queue: a scanned PDF longer than N pages becomes one job
                         per range of about N pages, merged once all are done (default: 10)
  -h, --help             this help
  -v, --version          the version`;

export interface CliCommand {
  input: string;
  reportPath?: string;
  /** `--manifest FILE`: where the audit manifest goes (manifestPaths gives the two files). */
  manifestPath?: string;
  quiet: boolean;
  /** Run on queue workers instead of this machine's pool (issue 14). */
  queue?: { url: string; queueName: string; rangePages?: number };
  batch: BatchOptions;
  extract: ExtractOptions;
}

export type ParsedCli =
  { type: 'help' } | { type: 'version' } | { type: 'extract'; command: CliCommand };

function positiveNumber(
  name: string,
  value: string | undefined,
  integer: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${name} needs a positive ${integer ? 'whole ' : ''}number, got "${value}"`,
    );
  }
  return n;
}

/** `--near-duplicates T`: a similarity from 0 (exclusive) to 1, or `off` (none reported). */
function nearDuplicateThreshold(value: string): number {
  if (value === 'off') return 2;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) {
    throw new UsageError(
      `--near-duplicates needs a number above 0 and at most 1, or off, got "${value}"`,
    );
  }
  return n;
}

export function defaultOutDirFor(input: string): string {
  return path.join(path.dirname(input), `${path.basename(input)}.folio`);
}

function queueOf(
  url: string,
  queueName = 'extract',
  rangePages: number | undefined,
): NonNullable<CliCommand['queue']> {
  return { url, queueName, ...(rangePages !== undefined ? { rangePages } : {}) };
}

export function parseCli(argv: string[], cwd = process.cwd()): ParsedCli {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        report: { type: 'string' },
        manifest: { type: 'string' },
        'near-duplicates': { type: 'string' },
        workers: { type: 'string' },
        'memory-limit-mb': { type: 'string' },
        'timeout-s': { type: 'string' },
        'file-cap-s': { type: 'string' },
        'no-ocr': { type: 'boolean' },
        'ocr-lang': { type: 'string' },
        'no-review-marks': { type: 'boolean' },
        'excel-values': { type: 'string' },
        'no-cache': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        'password-file': { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        'follow-symlinks': { type: 'boolean' },
        quiet: { type: 'boolean' },
        queue: { type: 'string' },
        'queue-name': { type: 'string' },
        'range-pages': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { type: 'help' };
  if (values.version) return { type: 'version' };
  const [command, folder, ...extra] = positionals;
  if (command !== 'extract') {
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command "extract"');
  }
  if (!folder) throw new UsageError('missing <folder>');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const input = path.resolve(cwd, folder);
  let isDir = false;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    throw new UsageError(`folder not found: ${folder}`);
  }
  if (!isDir) throw new UsageError(`not a folder: ${folder}`);

  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'json') {
    throw new UsageError(`--format must be md or json, got "${format}"`);
  }
  let passwords: Record<string, string> = {};
  if (values['password-file']) {
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, values['password-file']), 'utf8');
    } catch {
      throw new UsageError(`cannot read the password file ${values['password-file']}`);
    }
    try {
      passwords = parsePasswordMap(text);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const excelValues = values['excel-values'] ?? defaultExtractOptions.excel.values;
  if (!(EXCEL_VALUES as readonly string[]).includes(excelValues)) {
    throw new UsageError(
      `--excel-values must be ${EXCEL_VALUES.join(' or ')}, got "${excelValues}"`,
    );
  }
  if (values.queue) {
    try {
      redisOptionsFor(values.queue, {});
    } catch (error) {
      throw new UsageError(`--queue: ${(error as Error).message}`);
    }
  }
  const rangePages = positiveNumber('range-pages', values['range-pages'], true);
  if (rangePages !== undefined && !values.queue) {
    throw new UsageError('--range-pages needs --queue (a local run splits by its threads)');
  }
  const outDir = values.out ? path.resolve(cwd, values.out) : defaultOutDirFor(input);
  const batch: BatchOptions = {
    ...defaultBatchOptions,
    outDir,
    cacheDir: values['cache-dir']
      ? path.resolve(cwd, values['cache-dir'])
      : path.join(outDir, '.folio-cache'),
    format,
    cache: !values['no-cache'],
    followSymlinks: values['follow-symlinks'] ?? false,
    include: values.include ?? defaultBatchOptions.include,
    exclude: values.exclude ?? defaultBatchOptions.exclude,
    passwords,
    memoryLimitMb:
      positiveNumber('memory-limit-mb', values['memory-limit-mb'], true) ??
      defaultBatchOptions.memoryLimitMb,
    fileTimeoutSeconds:
      positiveNumber('timeout-s', values['timeout-s'], false) ??
      defaultBatchOptions.fileTimeoutSeconds,
    fileTotalCapSeconds:
      positiveNumber('file-cap-s', values['file-cap-s'], false) ??
      defaultBatchOptions.fileTotalCapSeconds,
  };
  const near = values['near-duplicates'];
  if (near !== undefined) batch.nearDuplicateThreshold = nearDuplicateThreshold(near);
  const workers = positiveNumber('workers', values.workers, true);
  if (workers !== undefined) batch.workers = workers;
  const languages = values['ocr-lang']
    ?.split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const extract: ExtractOptions = {
    ...defaultExtractOptions,
    ocr: {
      ...defaultExtractOptions.ocr,
      enabled: !values['no-ocr'],
      ...(languages && languages.length > 0 ? { languages } : {}),
    },
    docx: { ...defaultExtractOptions.docx, reviewMarks: !values['no-review-marks'] },
    excel: { ...defaultExtractOptions.excel, values: excelValues as ExcelValues },
  };
  return {
    type: 'extract',
    command: {
      input,
      ...(values.report ? { reportPath: path.resolve(cwd, values.report) } : {}),
      ...(values.manifest ? { manifestPath: path.resolve(cwd, values.manifest) } : {}),
      quiet: values.quiet ?? false,
      ...(values.queue ? { queue: queueOf(values.queue, values['queue-name'], rangePages) } : {}),
      batch,
      extract,
    },
  };
}
