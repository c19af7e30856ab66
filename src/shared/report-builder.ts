// Pure functions that turn documents and per-file results into report entries and the run report.
import type { ErrorCode } from './errors';
import type { DocumentKind, ExtractedDocument } from './model';
import type { FileReport, RunReport, StatsSample } from './report';
import { plainMessage } from './plain-message';
import { textChars } from './text-chars';
import { ENGINE_VERSION, TOOL_NAME } from './version';
import type { FileOutcome } from './report';

/**
 * Status mapping: a lossy warning makes the file partial (its code first), otherwise ok. `chars`
 * is counted from the blocks as given (the normalized document's, for the report).
 */
export function outcomeFromDocument(doc: ExtractedDocument): FileOutcome {
  const lossy = doc.warnings.find((w) => w.lossy);
  const outcome: FileOutcome = {
    kind: doc.source.kind,
    status: lossy ? 'partial' : 'ok',
    pages: doc.quality.pages,
    ocrPages: doc.quality.ocrPages,
    chars: textChars(doc.blocks),
  };
  if (lossy) {
    outcome.code = lossy.code;
    outcome.message = lossy.message;
  }
  if (doc.quality.ocrConfidence !== undefined) {
    outcome.ocrConfidence = Math.round(doc.quality.ocrConfidence * 10) / 10;
  }
  if (doc.warnings.length > 0) {
    outcome.warnings = doc.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.page !== undefined ? { page: w.page } : {}),
      ...(w.sheet !== undefined ? { sheet: w.sheet } : {}),
    }));
  }
  return outcome;
}

export function failedOutcome(
  code: ErrorCode,
  message: string,
  kind: DocumentKind | 'unknown' = 'unknown',
  status: 'failed' | 'skipped' = 'failed',
): FileOutcome {
  return { kind, status, code, message };
}

/** What a report entry adds to the outcome: where and when, and the input's identity. */
export interface ReportExtra {
  ms: number;
  output?: string;
  cached?: boolean;
  attempts?: number;
  sha256?: string;
  size?: number;
  duplicateOf?: string;
}

/**
 * The outcome with every library error text moved out of its messages: into `detail` for the
 * file's message (joined to any detail it had), into the warning's own `detail` for a warning.
 */
export function withPlainMessages(outcome: FileOutcome): FileOutcome {
  let out = outcome;
  if (outcome.message !== undefined) {
    const plain = plainMessage(outcome.message, outcome.code);
    if (plain.detail !== undefined) {
      const detail = [outcome.detail, plain.detail].filter(Boolean).join('; ');
      out = { ...out, message: plain.message, detail };
    }
  }
  if (outcome.warnings?.some((w) => plainMessage(w.message, w.code).detail !== undefined)) {
    out = {
      ...out,
      warnings: outcome.warnings.map((w) => {
        const plain = plainMessage(w.message, w.code);
        return plain.detail === undefined
          ? w
          : { ...w, message: plain.message, detail: plain.detail };
      }),
    };
  }
  return out;
}

export function fileReport(rel: string, outcome: FileOutcome, extra: ReportExtra): FileReport {
  return {
    path: rel,
    ...withPlainMessages(outcome),
    ms: Math.round(extra.ms),
    ...(extra.output !== undefined ? { output: extra.output } : {}),
    ...(extra.cached ? { cached: true } : {}),
    ...(extra.attempts !== undefined ? { attempts: extra.attempts } : {}),
    ...(extra.sha256 !== undefined ? { sha256: extra.sha256 } : {}),
    ...(extra.size !== undefined ? { size: extra.size } : {}),
    ...(extra.duplicateOf !== undefined ? { duplicateOf: extra.duplicateOf } : {}),
  };
}

/**
 * The files a rate counts: extracted in this run, neither skipped (cancelled, unsupported) nor
 * copied from the cache, whose "4352 files/min" would say nothing about extraction.
 */
export function countsForRate(file: Pick<FileReport, 'status' | 'cached'>): boolean {
  return file.status !== 'skipped' && !file.cached;
}

export function filesPerMinute(done: number, elapsedMs: number): number {
  if (elapsedMs <= 0) return 0;
  return Math.round((done / (elapsedMs / 60000)) * 10) / 10;
}

/** Keeps at most `max` samples, thinning evenly and always keeping the last one. */
export function compactTimeline(samples: StatsSample[], max = 600): StatsSample[] {
  if (samples.length <= max) return samples;
  const step = samples.length / max;
  const out: StatsSample[] = [];
  for (let i = 0; i < max - 1; i++) out.push(samples[Math.floor(i * step)]);
  out.push(samples[samples.length - 1]);
  return out;
}

/**
 * Orders reports as the files were planned (walk order), then any others; every path appears once.
 */
export function orderReports(planned: string[], reports: Map<string, FileReport>): FileReport[] {
  const out: FileReport[] = [];
  const seen = new Set<string>();
  for (const rel of planned) {
    const report = reports.get(rel);
    if (report && !seen.has(rel)) {
      out.push(report);
      seen.add(rel);
    }
  }
  for (const [rel, report] of reports) if (!seen.has(rel)) out.push(report);
  return out;
}

export function buildRunReport(args: {
  input: string;
  startedAt: Date;
  finishedAt: Date;
  files: FileReport[];
  peakRssMb: number;
  timeline?: StatsSample[];
  workers?: number;
  settingsFingerprint?: string;
}): RunReport {
  const count = (status: FileReport['status']) =>
    args.files.filter((f) => f.status === status).length;
  const wallMs = args.finishedAt.getTime() - args.startedAt.getTime();
  const processed = args.files.filter(countsForRate).length;
  return {
    tool: { name: TOOL_NAME, version: ENGINE_VERSION },
    startedAt: args.startedAt.toISOString(),
    finishedAt: args.finishedAt.toISOString(),
    input: args.input,
    totals: {
      files: args.files.length,
      ok: count('ok'),
      partial: count('partial'),
      failed: count('failed'),
      skipped: count('skipped'),
      cancelled: args.files.filter((f) => f.status === 'skipped' && f.code === 'CANCELLED').length,
      cached: args.files.filter((f) => f.cached).length,
      wallMs,
      filesPerMin: filesPerMinute(processed, wallMs),
      peakRssMb: Math.round(args.peakRssMb),
    },
    ...(args.settingsFingerprint ? { settingsFingerprint: args.settingsFingerprint } : {}),
    files: args.files,
    ...(args.timeline ? { timeline: compactTimeline(args.timeline) } : {}),
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
  };
}
