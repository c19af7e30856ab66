// The Results view's data: runs → folders → files, "ok with warnings" as its own state, counts,
// filters, and a file extracted again on its own replacing its entry instead of appearing twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FolderRun } from '../../../src/extension/mergeRuns';
import {
  buildResultTree,
  countsText,
  fileDescription,
  filesOf,
  stateOf,
  type FolderNode,
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
