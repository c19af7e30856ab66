// The figures agree everywhere (issue 13): for the same run report, the extension's log line,
// status bar and report cards say what the CLI's summary says. A cancelled run counts its
// cancelled files; a cached run has no rate of its own ("all 8 from the cache").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summaryLines as cliSummary } from '../../../src/cli/format';
import type { FolderRun } from '../../../src/extension/mergeRuns';
import { mergeRuns, sumTotals } from '../../../src/extension/mergeRuns';
import { escapeHtml, renderReportHtml, totalsCards } from '../../../src/extension/reportHtml';
import { runFinishedLogLine } from '../../../src/extension/runLog';
import { cancelledText, finishedText, summaryLines } from '../../../src/extension/statusText';
import type { FileReport, RunReport } from '../../../src/shared/report';
import { buildRunReport } from '../../../src/shared/report-builder';

const file = (i: number, extra: Partial<FileReport>): FileReport => ({
  path: `f${i}.pdf`,
  kind: 'pdf',
  status: 'ok',
  ms: 900,
  ...extra,
});

function report(files: FileReport[], wallMs: number): RunReport {
  return buildRunReport({
    input: '/evidence',
    startedAt: new Date(0),
    finishedAt: new Date(wallMs),
    files,
    peakRssMb: 412.4,
    workers: 2,
  });
}

// 33 files, 20 extracted, 13 cancelled, in 21.3 s: the CLI says 56.3 files/min, not 93.
const cancelled = report(
  Array.from({ length: 33 }, (_, i) =>
    file(i, i < 20 ? {} : { status: 'skipped', code: 'CANCELLED', ms: 0 }),
  ),
  21_300,
);
// 8 files, all from the cache, in 0.4 s: no "1200 files/min".
const cached = report(
  Array.from({ length: 8 }, (_, i) => file(i, { cached: true, ms: 3 })),
  400,
);
const runOf = (r: RunReport): FolderRun => ({ input: '/evidence', outDir: '/out', report: r });

test('a cancelled run: the log, status bar and cards say what the CLI says', () => {
  const [counts, rate] = cliSummary(cancelled, '/out');
  assert.equal(counts, '33 files: 20 ok, 0 partial, 0 failed, 13 skipped (13 cancelled)');
  assert.ok(rate!.startsWith('21.3 s, 56.3 files/min extracted'), rate);
  const totals = sumTotals([runOf(cancelled)]);
  assert.deepEqual(totals, cancelled.totals, 'mergeRuns sums a run to its own totals');
  const log = runFinishedLogLine(totals, true);
  assert.equal(log, `run cancelled: ${counts}; 21.3 s, 56.3 files/min extracted, peak RSS 412 MB`);
  assert.equal(cancelledText(totals), '$(circle-slash) 33 files · 13 cancelled');
  assert.deepEqual(summaryLines(totals), [counts, '21.3 s, 56.3 files/min extracted']);
  const cards = new Map(totalsCards(totals));
  assert.equal(cards.get('Cancelled'), 13);
  assert.equal(cards.get('Files/min extracted'), 56.3);
  const html = renderReportHtml(cancelled, { nonce: 'n', cspSource: 'c' });
  assert.ok(html.includes(escapeHtml(counts!)));
  assert.ok(html.includes('56.3'));
});

test('a cached run: "all 8 from the cache" everywhere, never a rate the cache made up', () => {
  const [counts, rate] = cliSummary(cached, '/out');
  assert.equal(counts, '8 files: 8 ok, 0 partial, 0 failed, 0 skipped');
  assert.ok(rate!.startsWith('0.4 s, all 8 from the cache'), rate);
  const totals = sumTotals([runOf(cached)]);
  assert.deepEqual(totals, cached.totals);
  assert.equal(totals.filesPerMin, 0);
  assert.equal(
    runFinishedLogLine(totals),
    `run finished: ${counts}; 0.4 s, all 8 from the cache, peak RSS 412 MB`,
  );
  assert.equal(finishedText(totals), '$(check) 8 files · all 8 from the cache');
  const cards = new Map(totalsCards(totals));
  assert.equal(cards.get('Files/min extracted'), 'all 8 from the cache');
  assert.equal(cards.get('From the cache'), 8);
  const html = renderReportHtml(cached, { nonce: 'n', cspSource: 'c' });
  assert.ok(html.includes('0.4 s, all 8 from the cache'));
  assert.ok(!/\d{3,} files\/min/.test(html));
});

test('several folders: the rate counts only the files extracted, over the summed time', () => {
  const merged = mergeRuns([runOf(cancelled), { ...runOf(cached), input: '/other' }])!;
  // 20 extracted in 21.7 s, not 41 files.
  assert.equal(merged.totals.filesPerMin, 55.3);
  assert.equal(merged.totals.cancelled, 13);
  assert.equal(merged.totals.cached, 8);
  assert.equal(
    runFinishedLogLine(merged.totals),
    'run finished: 41 files: 28 ok, 0 partial, 0 failed, 13 skipped (13 cancelled); 21.7 s, 55.3 files/min extracted (8 more from the cache), peak RSS 412 MB',
  );
});
