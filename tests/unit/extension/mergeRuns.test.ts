// Runs over several folders merged into one report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeRuns, sumTotals, type FolderRun } from '../../../src/extension/mergeRuns';
import { runReport } from '../../support/run-report';

test('several folders merge into one report with prefixed paths', () => {
  const runs: FolderRun[] = [
    {
      input: '/w/one',
      outDir: '/o/1',
      report: runReport([{ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 }]),
    },
    {
      input: '/w/two',
      outDir: '/o/2',
      report: runReport([{ path: 'b.pdf', kind: 'pdf', status: 'failed', code: 'CORRUPT', ms: 1 }]),
    },
  ];
  const merged = mergeRuns(runs)!;
  assert.deepEqual(
    merged.files.map((f) => f.path),
    ['one/a.pdf', 'two/b.pdf'],
  );
  assert.equal(sumTotals(runs).failed, 1);
  assert.equal(merged.totals.files, 2);
});
