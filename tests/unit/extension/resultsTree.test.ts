// The Results view's data: runs → folders → files, "ok with warnings" as its own state, counts,
// filters, and a file extracted again on its own replacing its entry instead of appearing twice.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { FolderRun } from '../../../src/extension/mergeRuns';
import {
  duplicateDescription,
  percentAlike,
  relatedSourcePath,
} from '../../../src/extension/resultDuplicates';
import {
  buildResultTree,
  countsText,
  DUPLICATES_FILTER,
  fileDescription,
  filesOf,
  fileTooltip,
  isResultFilter,
  RESULT_FILTERS,
  stateOf,
  type FolderNode,
  type ResultFilter,
} from '../../../src/extension/resultsTree';
import type { FileReport } from '../../../src/shared/report';
import { runReport } from '../../support/run-report';

const warned: FileReport = {
  path: 'scans/a.png',
  kind: 'image',
  status: 'ok',
  ms: 1200,
  pages: 1,
  ocrPages: 1,
  ocrConfidence: 86.6,
  output: 'scans/a.png.md',
  warnings: [{ code: 'OCR_LOW_CONFIDENCE', message: 'Page 1 read at 60%', page: 1 }],
};
const files: FileReport[] = [
  { path: 'memo.pdf', kind: 'pdf', status: 'ok', ms: 40, pages: 2, output: 'memo.pdf.md' },
  { path: 'broken.pdf', kind: 'pdf', status: 'failed', code: 'CORRUPT', ms: 5 },
  warned,
  { path: 'scans/b.png', kind: 'image', status: 'partial', code: 'OCR_LOW_CONFIDENCE', ms: 9 },
];
const run: FolderRun = { input: '/w/docs', outDir: '/o/docs', report: runReport(files) };

test('states: an ok file with warnings is "warnings", not "ok"', () => {
  assert.deepEqual(files.map(stateOf), ['ok', 'failed', 'warnings', 'partial']);
});

test('runs hold folders and files, worst first, with counts', () => {
  const [root] = buildResultTree([run]);
  assert.equal(root!.name, 'docs');
  assert.deepEqual(root!.counts, { failed: 1, partial: 1, warnings: 1, ok: 1, skipped: 0 });
  assert.equal(countsText(root!.counts), '4 files · 1 failed · 1 partial · 1 warnings');
  assert.deepEqual(
    root!.children.map((c) => c.name),
    ['scans', 'broken.pdf', 'memo.pdf'],
  );
  const scans = root!.children[0] as FolderNode;
  assert.deepEqual(
    scans.children.map((c) => c.name),
    ['b.png', 'a.png'],
  );
  const a = filesOf([root!]).find((f) => f.name === 'a.png')!;
  assert.equal(a.sourcePath, '/w/docs/scans/a.png');
  assert.equal(a.outputPath, '/o/docs/scans/a.png.md');
});

test('a filter keeps only the chosen states; the run still counts every file', () => {
  const [root] = buildResultTree([run], new Set(['failed', 'partial'] as const));
  assert.deepEqual(
    filesOf([root!]).map((f) => f.name),
    ['b.png', 'broken.pdf'],
  );
  assert.equal(root!.counts.ok, 1);
});

test('a file extracted again on its own replaces its entry in the run that holds it', () => {
  const again: FolderRun = {
    input: '/w/docs',
    outDir: '/o/docs',
    report: runReport([{ path: 'broken.pdf', kind: 'pdf', status: 'ok', ms: 3 }]),
  };
  const narrower: FolderRun = {
    input: '/w/docs/scans',
    outDir: '/o/scans',
    report: runReport([{ path: 'b.png', kind: 'image', status: 'ok', ms: 3 }]),
  };
  const roots = buildResultTree([run, again, narrower]);
  assert.equal(roots.length, 1);
  const byName = new Map(filesOf(roots).map((f) => [f.name, f.state]));
  assert.equal(filesOf(roots).length, 4);
  assert.equal(byName.get('broken.pdf'), 'ok');
  assert.equal(byName.get('b.png'), 'ok');
});

test('the description says pages, OCR confidence and time', () => {
  assert.equal(fileDescription(warned), '1 page · OCR 87% · 1.2 s');
  assert.equal(fileDescription(files[1]!), 'CORRUPT · 5 ms');
  const docx: FileReport = { path: 'n.docx', kind: 'docx', status: 'ok', ms: 29, pages: 0 };
  assert.equal(fileDescription({ ...docx, cached: true }), '29 ms (cached)');
  assert.equal(fileDescription({ ...docx, kind: 'xlsx', pages: 2 }), '2 sheets · 29 ms');
});

// Duplicates as the engine reports them: b.pdf has a.pdf's bytes (extracted once), signed.pdf is
// nearly a.pdf's text (a rescan of the signed copy).
const dupes: FileReport[] = [
  {
    path: 'a.pdf',
    kind: 'pdf',
    status: 'ok',
    ms: 30,
    pages: 1,
    output: 'a.pdf.md',
    nearDuplicates: [{ path: 'signed.pdf', similarity: 0.934 }],
  },
  {
    path: 'b.pdf',
    kind: 'pdf',
    status: 'ok',
    ms: 0,
    pages: 1,
    output: 'b.pdf.md',
    duplicateOf: 'a.pdf',
  },
  {
    path: 'signed.pdf',
    kind: 'pdf',
    status: 'ok',
    ms: 31,
    pages: 1,
    output: 'signed.pdf.md',
    nearDuplicates: [
      { path: 'a.pdf', similarity: 0.934 },
      { path: 'c.pdf', similarity: 0.81 },
    ],
  },
  { path: 'memo.pdf', kind: 'pdf', status: 'ok', ms: 40, pages: 2, output: 'memo.pdf.md' },
];
const dupeRun: FolderRun = { input: '/w/d', outDir: '/o/d', report: runReport(dupes) };

test('duplicates: "duplicate of", "copied as" on the original, "≈ N% like" the near-duplicate', () => {
  const byName = new Map(filesOf(buildResultTree([dupeRun])).map((f) => [f.name, f]));
  assert.equal(duplicateDescription(byName.get('b.pdf')!), 'duplicate of a.pdf');
  assert.equal(
    duplicateDescription(byName.get('a.pdf')!),
    'copied as b.pdf · ≈ 93% like signed.pdf',
  );
  assert.equal(duplicateDescription(byName.get('signed.pdf')!), '≈ 93% like a.pdf +1');
  assert.equal(duplicateDescription(byName.get('memo.pdf')!), undefined);
  assert.deepEqual(byName.get('a.pdf')!.copies, ['b.pdf']);
  const tooltip = fileTooltip(byName.get('signed.pdf')!).split('\n');
  assert.ok(tooltip.includes('Near-duplicate: a.pdf, 93% alike'));
  assert.ok(tooltip.includes('Near-duplicate: c.pdf, 81% alike'));
  assert.ok(
    fileTooltip(byName.get('b.pdf')!).includes(
      'Exact duplicate of a.pdf (same SHA-256): extracted once, the same text',
    ),
  );
  // Nearly the same is never shown as 100%.
  assert.equal(percentAlike(0.998), 99);
});

test('duplicates: the filter keeps both ends of every pair, and narrows a state filter', () => {
  const shown = (filter: ResultFilter[]) =>
    filesOf(buildResultTree([dupeRun], new Set(filter))).map((f) => f.name);
  assert.deepEqual(shown([DUPLICATES_FILTER]), ['a.pdf', 'b.pdf', 'signed.pdf']);
  assert.deepEqual(shown([DUPLICATES_FILTER, 'failed']), []);
  assert.deepEqual(shown(['ok']), ['a.pdf', 'b.pdf', 'memo.pdf', 'signed.pdf']);
  assert.ok(RESULT_FILTERS.includes(DUPLICATES_FILTER) && isResultFilter('duplicates'));
  assert.equal(isResultFilter('bogus'), false);
});

test("duplicates: a related file's source is in the same extracted folder", () => {
  assert.equal(relatedSourcePath(dupeRun, 'sub/c.pdf'), path.join('/w/d', 'sub', 'c.pdf'));
});
