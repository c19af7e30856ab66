// Turns one run report into benchmark figures: time per kind of work, per-file distribution, OCR
// seconds per page, and how busy the pool was (the idle tail at the end of a batch).
import type { FileReport, RunReport } from '../../src/shared/report';
import { distribution, mean, type Distribution } from './stats';

/** The kinds of work the benchmark reports separately. */
export type WorkKind = 'pdf-text' | 'pdf-ocr' | 'image-ocr' | 'docx' | 'xlsx' | 'failed';

export const WORK_KINDS: WorkKind[] = [
  'pdf-text',
  'pdf-ocr',
  'image-ocr',
  'docx',
  'xlsx',
  'failed',
];

export function workKindOf(file: FileReport): WorkKind {
  if (file.status === 'failed' || file.status === 'skipped') return 'failed';
  switch (file.kind) {
    case 'pdf':
      return (file.ocrPages ?? 0) > 0 ? 'pdf-ocr' : 'pdf-text';
    case 'image':
      return 'image-ocr';
    case 'docx':
      return 'docx';
    case 'xlsx':
      return 'xlsx';
    default:
      return 'failed';
  }
}

export interface KindFigures {
  files: number;
  /** Per-file milliseconds (on a worker, as reported). */
  ms: Distribution;
  pages: number;
  ocrPages: number;
}

export function figuresByKind(report: RunReport): Partial<Record<WorkKind, KindFigures>> {
  const out: Partial<Record<WorkKind, KindFigures>> = {};
  for (const kind of WORK_KINDS) {
    const files = report.files.filter((f) => workKindOf(f) === kind && !f.cached);
    if (files.length === 0) continue;
    out[kind] = {
      files: files.length,
      ms: distribution(files.map((f) => f.ms)),
      pages: files.reduce((n, f) => n + (f.pages ?? 0), 0),
      ocrPages: files.reduce((n, f) => n + (f.ocrPages ?? 0), 0),
    };
  }
  return out;
}

/**
 * Seconds of worker time per OCR'd page, over files whose every page was OCR'd (scans and images),
 * so text-layer pages in mixed PDFs do not dilute it. Includes rendering/decoding the page.
 */
export function ocrSecondsPerPage(report: RunReport): number | undefined {
  const scans = report.files.filter(
    (f) => (f.ocrPages ?? 0) > 0 && f.ocrPages === (f.pages ?? f.ocrPages) && !f.cached,
  );
  const pages = scans.reduce((n, f) => n + (f.ocrPages ?? 0), 0);
  if (pages === 0) return undefined;
  return scans.reduce((s, f) => s + f.ms, 0) / 1000 / pages;
}

export interface PoolBusy {
  /** Sum of per-file worker time / (workers × wall): how much of the pool's capacity was used. */
  fromTaskTime: number;
  /** Mean of active/workers over the timeline samples (every ~500 ms), when the report has them. */
  fromTimeline?: number;
  /** Milliseconds at the end of the batch when fewer tasks ran than there were workers. */
  idleTailMs?: number;
}

export function poolBusy(report: RunReport, workers: number): PoolBusy {
  const wall = report.totals.wallMs;
  const taskMs = report.files.filter((f) => !f.cached).reduce((s, f) => s + f.ms, 0);
  const result: PoolBusy = { fromTaskTime: wall > 0 ? taskMs / (workers * wall) : 0 };
  const timeline = report.timeline ?? [];
  if (timeline.length >= 2) {
    result.fromTimeline = mean(
      timeline.map((s) => Math.min(1, s.active / Math.max(1, s.workers || workers))),
    );
    // The tail starts after the last sample where every worker had a task.
    let lastFull = -1;
    timeline.forEach((s, i) => {
      if (s.active >= (s.workers || workers)) lastFull = i;
    });
    const tailStart = lastFull >= 0 ? timeline[lastFull].t : 0;
    result.idleTailMs = Math.max(0, wall - tailStart);
  }
  return result;
}
