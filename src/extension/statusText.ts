// What the single status-bar item says, while a batch runs and after it. Pure, so it is tested
// without VS Code.
import type { RunTotals } from '../shared/report';
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

export function finishedText(
  totals: Pick<RunTotals, 'files' | 'failed'>,
  t: Translate = untranslated,
): string {
  const files = t('$(check) {0} files', totals.files);
  return totals.failed > 0 ? `${files} · ${t('{0} failed', totals.failed)}` : files;
}

export function cancelledText(s: LiveStats, t: Translate = untranslated): string {
  return t('$(circle-slash) {0}/{1} files · cancelled', s.done, s.total);
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
