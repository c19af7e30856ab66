// The log's line at the end of a run, in the CLI's own sentences (src/shared/run-summary.ts), so
// a cancelled run says how many were cancelled and a cached one that they came from the cache,
// never "33 files, 0 failed, 56 files/min" or "4352 files/min". Pure (no vscode import).
import type { RunTotals } from '../shared/report';
import { countsLine, rateLine } from '../shared/run-summary';

export function runFinishedLogLine(totals: RunTotals, cancelled = false): string {
  const what = cancelled ? 'run cancelled' : 'run finished';
  return `${what}: ${countsLine(totals)}; ${rateLine(totals)}, peak RSS ${Math.round(totals.peakRssMb)} MB`;
}
