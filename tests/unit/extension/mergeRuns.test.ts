// Runs over several folders merged into one report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  mergeNarrowRuns,
  mergeRuns,
  sumTotals,
  type FolderRun,
} from '../../../src/extension/mergeRuns';
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

test('a file extracted again on its own replaces its entry in the run that holds it', () => {
  const runs: FolderRun[] = [
    {
      input: '/w/docs',
      outDir: '/o/docs',
      report: runReport([
        { path: 'a.pdf', kind: 'pdf', status: 'failed', code: 'CORRUPT', ms: 1 },
        { path: 'sub/b.pdf', kind: 'pdf', status: 'ok', ms: 1, output: 'sub/b.pdf.md' },
      ]),
    },
  ];
  const narrow: FolderRun[] = [
    {
      input: '/w/docs/sub',
      outDir: '/o/sub',
      report: runReport([
        { path: 'b.pdf', kind: 'pdf', status: 'partial', ms: 2, output: 'b.pdf.md' },
      ]),
    },
    {
      input: '/w/other',
      outDir: '/o/other',
      report: runReport([{ path: 'c.pdf', kind: 'pdf', status: 'ok', ms: 1 }]),
    },
  ];
  const merged = mergeNarrowRuns(runs, narrow);
  assert.deepEqual(
    merged.map((r) => r.input),
    ['/w/docs', '/w/other'],
  );
  const files = merged[0]!.report.files;
  assert.deepEqual(
    files.map((f) => [f.path, f.status, f.output]),
    [
      ['a.pdf', 'failed', undefined],
      ['sub/b.pdf', 'partial', '/o/sub/b.pdf.md'],
    ],
  );
  assert.deepEqual(
    [merged[0]!.report.totals.files, merged[0]!.report.totals.partial, merged[0]!.report.totals.ok],
    [2, 1, 0],
  );
  assert.equal(runs[0]!.report.files[1]!.status, 'ok', 'the stored runs are not changed');
});

test('merged folders: the paths named as duplicates get the folder too', () => {
  const runs: FolderRun[] = [
    { input: '/w/one', outDir: '/o/1', report: runReport([]) },
    {
      input: '/w/two',
      outDir: '/o/2',
      report: runReport([
        {
          path: 'b.pdf',
          kind: 'pdf',
          status: 'ok',
          ms: 1,
          duplicateOf: 'a.pdf',
          nearDuplicates: [{ path: 'c.pdf', similarity: 0.9 }],
        },
      ]),
    },
  ];
  const [b] = mergeRuns(runs)!.files;
  assert.equal(b!.duplicateOf, 'two/a.pdf');
  assert.deepEqual(b!.nearDuplicates, [{ path: 'two/c.pdf', similarity: 0.9 }]);
});
