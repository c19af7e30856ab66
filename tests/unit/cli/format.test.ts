// The CLI's per-file line and summary: names escaped, duplicates named, one summary wording.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileLine, summaryLines } from '../../../src/cli/format';
import type { RunReport } from '../../../src/shared/report';

test('a file name holding terminal escapes is printed escaped', () => {
  const line = fileLine({
    path: 'x\u001b[2J\u001b]0;title\u0007.pdf',
    kind: 'pdf',
    status: 'ok',
    ms: 5,
  });
  assert.ok(!line.includes('\u001b') && !line.includes('\u0007'), line);
  assert.match(line, /x\\x1b\[2J\\x1b\]0;title\\x07\.pdf/);
});

test('a duplicate says whose', () => {
  const line = fileLine({
    path: 'copy.pdf',
    kind: 'pdf',
    status: 'ok',
    ms: 1,
    duplicateOf: 'a.pdf',
  });
  assert.match(line, /duplicate of a\.pdf/);
});

test('the summary of a cancelled run names the cancelled files', () => {
  const report = {
    totals: {
      files: 3,
      ok: 1,
      partial: 0,
      failed: 0,
      skipped: 2,
      cancelled: 2,
      cached: 0,
      wallMs: 2000,
      filesPerMin: 30,
      peakRssMb: 200,
    },
    files: [],
    workers: 2,
  } as unknown as RunReport;
  const [counts, rate] = summaryLines(report, '/out');
  assert.equal(counts, '3 files: 1 ok, 0 partial, 0 failed, 2 skipped (2 cancelled)');
  assert.match(rate, /^2\.0 s, 30 files\/min extracted, peak RSS 200 MB/);
});
