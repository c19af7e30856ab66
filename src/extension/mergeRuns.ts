// "Extract Workspace" runs one batch per workspace folder; the report panel and the status bar
// show them as one run. Pure (no vscode import).
import path from 'node:path';
import type { FileReport, RunReport, RunTotals } from '../shared/report';
import { countsForRate, filesPerMinute } from '../shared/report-builder';

/** One extracted folder and where its outputs go. */
export interface FolderLocation {
  /** Absolute input folder. */
  input: string;
  /** Where this folder's outputs are written. */
  outDir: string;
}

export interface FolderRun extends FolderLocation {
  report: RunReport;
}

export function sumTotals(runs: readonly FolderRun[]): RunTotals {
  const totals: RunTotals = {
    files: 0,
    ok: 0,
    partial: 0,
    failed: 0,
    skipped: 0,
    wallMs: 0,
    filesPerMin: 0,
    peakRssMb: 0,
  };
  // The rate counts the files extracted in these runs, as the CLI's does (countsForRate): not
  // the cancelled, the unsupported, nor those copied from the cache.
  let extracted = 0;
  let cancelled = 0;
  let cached = 0;
  for (const { report } of runs) {
    const t = report.totals;
    totals.files += t.files;
    totals.ok += t.ok;
    totals.partial += t.partial;
    totals.failed += t.failed;
    totals.skipped += t.skipped;
    cancelled += t.cancelled ?? 0;
    cached += t.cached ?? 0;
    totals.wallMs += t.wallMs;
    totals.peakRssMb = Math.max(totals.peakRssMb, t.peakRssMb);
    extracted += report.files.filter(countsForRate).length;
  }
  totals.cancelled = cancelled;
  totals.cached = cached;
  totals.filesPerMin = filesPerMinute(extracted, totals.wallMs);
  return totals;
}

/** One report over several folders: paths get the folder's name when there is more than one. */
export function mergeRuns(runs: readonly FolderRun[]): RunReport | undefined {
  if (runs.length === 0) return undefined;
  if (runs.length === 1) return runs[0]!.report;
  const files: FileReport[] = [];
  const timeline: NonNullable<RunReport['timeline']> = [];
  let offset = 0;
  for (const run of runs) {
    const name = path.basename(run.input);
    for (const f of run.report.files) files.push(prefixed(f, name));
    for (const s of run.report.timeline ?? []) timeline.push({ ...s, t: s.t + offset });
    offset += run.report.totals.wallMs;
  }
  const first = runs[0]!.report;
  const last = runs[runs.length - 1]!.report;
  return {
    tool: first.tool,
    startedAt: first.startedAt,
    finishedAt: last.finishedAt,
    input: runs.map((r) => r.input).join(', '),
    totals: sumTotals(runs),
    files,
    timeline,
    workers: Math.max(...runs.map((r) => r.report.workers ?? 0)) || undefined,
  };
}

/**
 * A folder's entry in the merged report: its path and the paths it names as duplicates get the
 * folder's name, so the manifest's "duplicate of" points at a row of the same manifest.
 */
function prefixed(file: FileReport, folder: string): FileReport {
  const out: FileReport = { ...file, path: `${folder}/${file.path}` };
  if (file.duplicateOf !== undefined) out.duplicateOf = `${folder}/${file.duplicateOf}`;
  if (file.nearDuplicates) {
    out.nearDuplicates = file.nearDuplicates.map((n) => ({ ...n, path: `${folder}/${n.path}` }));
  }
  return out;
}

/** Absolute path of a report entry's source file. */
export function sourcePathOf(run: FolderLocation, file: FileReport): string {
  return path.join(run.input, ...file.path.split('/'));
}

/** Absolute path of a report entry's output, when one was written. */
export function outputPathOf(run: FolderLocation, file: FileReport): string | undefined {
  if (!file.output) return undefined;
  return path.isAbsolute(file.output) ? file.output : path.join(run.outDir, file.output);
}

/**
 * The runs after a file was extracted again on its own (a run of its folder narrowed to it): its
 * entry replaces the one in the run that holds it, so the tree, the report and the manifest list
 * each file once. A run no earlier run holds is added as it is. Output paths moved into another
 * run are made absolute (they were relative to the narrow run's own output folder).
 */
export function mergeNarrowRuns(
  runs: readonly FolderRun[],
  narrow: readonly FolderRun[],
): FolderRun[] {
  const merged = runs.map((r) => ({ ...r, report: { ...r.report, files: [...r.report.files] } }));
  for (const run of narrow) {
    const holder = merged.find((r) => holds(r.input, run.input));
    if (!holder) {
      merged.push(run);
      continue;
    }
    for (const file of run.report.files) {
      const source = sourcePathOf(run, file);
      const rel = path.relative(holder.input, source).split(path.sep).join('/');
      const output = outputPathOf(run, file);
      const moved: FileReport = { ...file, path: rel, ...(output ? { output } : {}) };
      const at = holder.report.files.findIndex((f) => f.path === rel);
      if (at >= 0) holder.report.files[at] = moved;
      else holder.report.files.push(moved);
    }
    holder.report.totals = recount(holder.report);
  }
  return merged;
}

function holds(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function recount(report: RunReport): RunTotals {
  const totals = { ...report.totals, files: report.files.length };
  totals.ok = totals.partial = totals.failed = totals.skipped = 0;
  for (const f of report.files) totals[f.status]++;
  totals.cancelled = report.files.filter(
    (f) => f.status === 'skipped' && f.code === 'CANCELLED',
  ).length;
  totals.cached = report.files.filter((f) => f.cached).length;
  return totals;
}
