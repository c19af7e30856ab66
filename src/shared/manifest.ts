// The audit manifest of a run: one row per input file (hashes, size, status, codes, warnings,
// pages, OCR confidence, duplicates, engine version, settings fingerprint), as CSV and as JSON,
// with the failed and skipped files and their reasons listed apart too. Pure string builders,
// used by the CLI (`--manifest FILE`) and the extension's "Export Audit Manifest" alike.
import path from 'node:path';
import type { FileReport, RunReport } from './report';

export interface ManifestRow {
  path: string;
  kind: string;
  status: FileReport['status'];
  code: string;
  message: string;
  /** Warning codes, `;`-separated, in the report's order. */
  warnings: string;
  pages: number | '';
  ocrPages: number | '';
  ocrConfidence: number | '';
  size: number | '';
  sha256: string;
  output: string;
  outputSha256: string;
  duplicateOf: string;
  /** `path (similarity)` pairs, `;`-separated. */
  nearDuplicates: string;
  cached: boolean;
  attempts: number | '';
  ms: number;
  engineVersion: string;
  settingsFingerprint: string;
  /** The technical detail behind the message (a library's own error), for an auditor. */
  detail: string;
}

export interface ManifestOptions {
  /** The output path a row shows (e.g. relative to an export folder); the report's by default. */
  outputPath?(file: FileReport): string | undefined;
}

/** The CSV's columns, in order: the row's keys as headers. */
export const MANIFEST_COLUMNS: readonly (keyof ManifestRow)[] = [
  'path',
  'kind',
  'status',
  'code',
  'message',
  'warnings',
  'pages',
  'ocrPages',
  'ocrConfidence',
  'size',
  'sha256',
  'output',
  'outputSha256',
  'duplicateOf',
  'nearDuplicates',
  'cached',
  'attempts',
  'ms',
  'engineVersion',
  'settingsFingerprint',
  'detail',
];

export function manifestRows(report: RunReport, options: ManifestOptions = {}): ManifestRow[] {
  return report.files.map((file) => ({
    path: file.path,
    kind: file.kind,
    status: file.status,
    code: file.code ?? '',
    message: file.message ?? '',
    warnings: (file.warnings ?? []).map((w) => w.code).join(';'),
    pages: file.pages ?? '',
    ocrPages: file.ocrPages ?? '',
    ocrConfidence: file.ocrConfidence ?? '',
    size: file.size ?? '',
    sha256: file.sha256 ?? '',
    output: (options.outputPath ? options.outputPath(file) : file.output) ?? '',
    outputSha256: file.outputSha256 ?? '',
    duplicateOf: file.duplicateOf ?? '',
    nearDuplicates: (file.nearDuplicates ?? []).map((n) => `${n.path} (${n.similarity})`).join(';'),
    cached: file.cached ?? false,
    attempts: file.attempts ?? '',
    ms: file.ms,
    engineVersion: report.tool.version,
    settingsFingerprint: report.settingsFingerprint ?? '',
    detail: file.detail ?? '',
  }));
}

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
 * return) as a formula: `=cmd|' /C calc'!A0` copied from a workbook into a message or a file name
 * would run on opening. Such a text cell gets a leading `'`, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line ends; formula-like text neutralized. */
export function manifestCsv(report: RunReport, options: ManifestOptions = {}): string {
  const lines = [MANIFEST_COLUMNS.join(',')];
  for (const row of manifestRows(report, options)) {
    lines.push(MANIFEST_COLUMNS.map((column) => csvCell(row[column])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export interface ManifestJson {
  manifestVersion: 1;
  tool: RunReport['tool'];
  engineVersion: string;
  settingsFingerprint?: string;
  input: string;
  startedAt: string;
  finishedAt: string;
  totals: RunReport['totals'];
  files: ManifestRow[];
  /** The files that were not extracted, or not fully: status, code and the reason in words. */
  notExtracted: { path: string; status: FileReport['status']; code: string; reason: string }[];
}

export function manifestJson(report: RunReport, options: ManifestOptions = {}): ManifestJson {
  return {
    manifestVersion: 1,
    tool: report.tool,
    engineVersion: report.tool.version,
    ...(report.settingsFingerprint ? { settingsFingerprint: report.settingsFingerprint } : {}),
    input: report.input,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    totals: report.totals,
    files: manifestRows(report, options),
    notExtracted: report.files
      .filter((f) => f.status === 'failed' || f.status === 'skipped')
      .map((f) => ({
        path: f.path,
        status: f.status,
        code: f.code ?? '',
        reason: f.message ?? '',
      })),
  };
}

/**
 * Where `--manifest FILE` writes: FILE ending in .csv or .json names that file and its twin with
 * the other extension (`audit.csv` → `audit.csv`, `audit.json`); any other FILE gets both added
 * (`audit` → `audit.csv`, `audit.json`).
 */
export function manifestPaths(file: string): { csv: string; json: string } {
  const ext = path.extname(file).toLowerCase();
  const base = ext === '.csv' || ext === '.json' ? file.slice(0, -ext.length) : file;
  return { csv: `${base}.csv`, json: `${base}.json` };
}
