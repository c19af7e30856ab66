// The run report's totals: the rate counts only files extracted in the run (issue 13: a cached
// run said "4352 files/min"); cancelled and cached files are counted apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileReport } from '../../../src/shared/report';
import { buildRunReport, countsForRate } from '../../../src/shared/report-builder';

const file = (path: string, extra: Partial<FileReport>): FileReport => ({
  path,
  kind: 'pdf',
  status: 'ok',
  ms: 1,
  ...extra,
});

test('files/min counts extracted files only; cancelled and cached are totals of their own', () => {
  const report = buildRunReport({
    input: '/in',
    startedAt: new Date(0),
    finishedAt: new Date(60_000),
    peakRssMb: 100,
    settingsFingerprint: 'f',
    files: [
      file('a.pdf', {}),
      file('b.pdf', { cached: true }),
      file('c.pdf', { status: 'failed', code: 'CORRUPT' }),
      file('d.pdf', { status: 'skipped', code: 'CANCELLED' }),
      file('e.bin', { status: 'skipped', code: 'UNSUPPORTED_TYPE' }),
    ],
  });
  assert.equal(report.totals.filesPerMin, 2, 'a.pdf and c.pdf in one minute');
  assert.equal(report.totals.cancelled, 1);
  assert.equal(report.totals.cached, 1);
  assert.equal(report.settingsFingerprint, 'f');
  assert.equal(countsForRate({ status: 'ok', cached: true }), false);
});
