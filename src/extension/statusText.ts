// What the single status-bar item says, while a batch runs and after it. Pure, so it is tested
// without VS Code.
import type { RunTotals } from '../shared/report';
import { countsLine, rateLine } from '../shared/run-summary';
import { untranslated, type Translate } from './translate';

export interface LiveStats {
  done: number;
  total: number;
  filesPerMin: number;
  /** RSS of the whole process tree (child + extension host), MB. */
  treeRssMb: number;
  peakRssMb: number;
  workers: number;
  queued: number;
  active: number;
  /** Time of each finished file, for the p95 in the tooltip. */
  fileMs: number[];
}

export function emptyLiveStats(): LiveStats {
  return {
    done: 0,
    total: 0,
    filesPerMin: 0,
    treeRssMb: 0,
    peakRssMb: 0,
    workers: 0,
    queued: 0,
    active: 0,
    fileMs: [],
  };
}

export function runningText(s: LiveStats, t: Translate = untranslated): string {
  return t(
    '$(loading~spin) {0}/{1} · {2} files/min · {3} MB',
    s.done,
    s.total,
    Math.round(s.filesPerMin),
    Math.round(s.treeRssMb),
  );
}

/** The totals the status bar sums up; the CLI's optional figures may be absent in old reports. */
export type FinishedTotals = Pick<RunTotals, 'files' | 'failed'> &
  Partial<Pick<RunTotals, 'skipped' | 'cached' | 'cancelled'>>;

/**
 * `$(check) 8 files · all 8 from the cache`: the CLI's words for a run that extracted nothing
 * (rateLine), so the status bar never shows a rate the cache made up.
 */
export function finishedText(totals: FinishedTotals, t: Translate = untranslated): string {
  const parts = [t('$(check) {0} files', totals.files)];
  if (totals.failed > 0) parts.push(t('{0} failed', totals.failed));
  const cached = totals.cached ?? 0;
  if (cached > 0 && totals.files - (totals.skipped ?? 0) - cached <= 0) {
    parts.push(t('all {0} from the cache', cached));
  }
  return parts.join(' · ');
}

/** `$(circle-slash) 33 files · 13 cancelled`: the run's files and, as the CLI says, how many were cancelled. */
export function cancelledText(totals: FinishedTotals, t: Translate = untranslated): string {
  const parts = [t('$(circle-slash) {0} files', totals.files)];
  if (totals.failed > 0) parts.push(t('{0} failed', totals.failed));
  parts.push(totals.cancelled ? t('{0} cancelled', totals.cancelled) : t('cancelled'));
  return parts.join(' · ');
}

/** The tooltip's first lines after a run: the CLI's summary sentences, word for word. */
export function summaryLines(totals: RunTotals): string[] {
  return [countsLine(totals), rateLine(totals)];
}

/** Nearest-rank percentile; undefined for no samples. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function tooltipLines(s: LiveStats, t: Translate = untranslated): string[] {
  const p95 = percentile(s.fileMs, 95);
  return [
    t('Workers: {0} ({1} busy)', s.workers, s.active),
    t('Queue: {0} files', s.queued),
    p95 === undefined ? t('p95 per file: –') : t('p95 per file: {0} s', (p95 / 1000).toFixed(1)),
    t('Peak memory: {0} MB', Math.round(s.peakRssMb)),
    t('Click to open the run report'),
  ];
}
