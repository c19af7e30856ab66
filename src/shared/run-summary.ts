// The one sentence that sums a run up, for every place that shows it (the CLI's summary, the
// extension's log and notification), so the figures agree: a cancelled run says how many files
// were cancelled, a cached run how many came from the cache, and the rate counts only the files
// extracted in this run (RunTotals.filesPerMin).
import type { RunTotals } from './report';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `33 files: 20 ok, 0 partial, 0 failed, 13 skipped (13 cancelled)`. */
export function countsLine(t: RunTotals): string {
  const cancelled = t.cancelled ? ` (${t.cancelled} cancelled)` : '';
  return `${plural(t.files, 'file')}: ${t.ok} ok, ${t.partial} partial, ${t.failed} failed, ${t.skipped} skipped${cancelled}`;
}

/** `12.3 s, 56 files/min` or, when nothing was extracted, `0.4 s, all 33 from the cache`. */
export function rateLine(t: RunTotals): string {
  const seconds = `${(t.wallMs / 1000).toFixed(1)} s`;
  const cached = t.cached ?? 0;
  const extracted = t.files - t.skipped - cached;
  if (extracted <= 0 && cached > 0) return `${seconds}, all ${cached} from the cache`;
  const fromCache = cached > 0 ? ` (${cached} more from the cache)` : '';
  return `${seconds}, ${t.filesPerMin} files/min extracted${fromCache}`;
}
