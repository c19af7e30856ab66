// The extension's pure view logic (no vscode import): status-bar text, Problems entries, the
// report page and the settings → options mapping.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeRuns, sumTotals, type FolderRun } from '../../../src/extension/mergeRuns';
import { problemsFor } from '../../../src/extension/problems';
import { renderReportHtml, timelineSvg } from '../../../src/extension/reportHtml';
import {
  defaultSettings,
  toBatchOptions,
  toExtractOptions,
} from '../../../src/extension/requestOptions';
import {
  emptyLiveStats,
  finishedText,
  percentile,
  runningText,
  tooltipLines,
} from '../../../src/extension/statusText';
import type { FileReport, RunReport } from '../../../src/shared/report';

function report(files: FileReport[], extra: Partial<RunReport> = {}): RunReport {
  return {
    tool: { name: 'folio', version: '0' },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    input: '/in',
    totals: {
      files: files.length,
      ok: files.filter((f) => f.status === 'ok').length,
      partial: files.filter((f) => f.status === 'partial').length,
      failed: files.filter((f) => f.status === 'failed').length,
      skipped: files.filter((f) => f.status === 'skipped').length,
      wallMs: 60_000,
      filesPerMin: files.length,
      peakRssMb: 400,
    },
    files,
    ...extra,
  };
}

test('status bar: running and finished texts follow the spec', () => {
  const live = { ...emptyLiveStats(), done: 37, total: 100, filesPerMin: 42.4, treeRssMb: 610.2 };
  assert.equal(runningText(live), '$(loading~spin) 37/100 · 42 files/min · 610 MB');
  assert.equal(finishedText({ files: 100, failed: 2 }), '$(check) 100 files · 2 failed');
  assert.equal(finishedText({ files: 100, failed: 0 }), '$(check) 100 files');
});

test('status bar tooltip: workers, queue, p95 per file and peak memory', () => {
  const live = {
    ...emptyLiveStats(),
    workers: 2,
    active: 1,
    queued: 7,
    peakRssMb: 700,
    fileMs: Array.from({ length: 100 }, (_, i) => (i + 1) * 100),
  };
  assert.deepEqual(tooltipLines(live).slice(0, 4), [
    'Workers: 2 (1 busy)',
    'Queue: 7 files',
    'p95 per file: 9.5 s',
    'Peak memory: 700 MB',
  ]);
  assert.equal(percentile([], 95), undefined);
  assert.equal(percentile([5], 95), 5);
});

test('problems: failures are errors with their code and a reviewer sentence', () => {
  const [encrypted] = problemsFor({
    path: 'a.pdf',
    kind: 'pdf',
    status: 'failed',
    code: 'ENCRYPTED',
    message: 'The PDF is encrypted',
    ms: 1,
  });
  assert.equal(encrypted!.severity, 'error');
  assert.equal(encrypted!.code, 'ENCRYPTED');
  // The extension's remedy (a setting), not the engine's CLI flag.
  assert.match(
    encrypted!.message,
    /^Password-protected PDF: supply the password .*folio\.passwordFile/,
  );
  const [damaged] = problemsFor({
    path: 'c.pdf',
    kind: 'pdf',
    status: 'failed',
    code: 'CORRUPT',
    message: 'The PDF is damaged or truncated and cannot be read.',
    ms: 1,
  });
  assert.equal(damaged!.message, 'The PDF is damaged or truncated and cannot be read.');
  const [corrupt] = problemsFor({
    path: 'b.docx',
    kind: 'docx',
    status: 'failed',
    code: 'CORRUPT',
    ms: 1,
  });
  assert.equal(corrupt!.message, 'Damaged Word document: the file could not be read');
});

test('problems: warnings name the page; cancelled files are not problems', () => {
  const problems = problemsFor({
    path: 's.pdf',
    kind: 'pdf',
    status: 'partial',
    ms: 1,
    warnings: [
      { code: 'OCR_LOW_CONFIDENCE', message: 'OCR confidence 62%', page: 4 },
      { code: 'PAGE_FAILED', message: 'Page 7 could not be read', page: 7 },
    ],
  });
  assert.deepEqual(problems, [
    { severity: 'warning', code: 'OCR_LOW_CONFIDENCE', message: 'Page 4: OCR confidence 62%' },
    { severity: 'warning', code: 'PAGE_FAILED', message: 'Page 7 could not be read' },
  ]);
  assert.deepEqual(
    problemsFor({ path: 'x', kind: 'pdf', status: 'skipped', code: 'CANCELLED', ms: 0 }),
    [],
  );
  assert.deepEqual(problemsFor({ path: 'x', kind: 'pdf', status: 'ok', ms: 3 }), []);
});

test('report page: strict CSP with the nonce, escaped content, a chart and the table', () => {
  const html = renderReportHtml(
    report(
      [
        { path: '<evil>.pdf', kind: 'pdf', status: 'failed', code: 'CORRUPT', ms: 12 },
        { path: 'ok.docx', kind: 'docx', status: 'ok', ms: 340, pages: 2 },
      ],
      {
        timeline: [
          { t: 0, done: 0, total: 2, filesPerMin: 0, rssMb: 100, queued: 2, active: 0, workers: 2 },
          {
            t: 500,
            done: 1,
            total: 2,
            filesPerMin: 60,
            rssMb: 300,
            queued: 0,
            active: 1,
            workers: 2,
          },
        ],
      },
    ),
    { nonce: 'N0NCE', cspSource: 'vscode-resource:' },
  );
  assert.match(html, /default-src 'none'/);
  assert.match(html, /script-src 'nonce-N0NCE'/);
  assert.match(html, /<script nonce="N0NCE">/);
  assert.doesNotMatch(html, /<evil>/);
  assert.match(html, /&lt;evil&gt;\.pdf/);
  assert.doesNotMatch(html, /https?:\/\//, 'nothing is loaded from the network');
  assert.equal((html.match(/<polyline/g) ?? []).length, 2, 'throughput and memory lines');
  assert.match(html, /var\(--vscode-foreground\)/);
  assert.match(timelineSvg(undefined), /No timeline/);
});

test('settings map onto the engine options; null workers means the engine default', () => {
  const batch = toBatchOptions(defaultSettings, { outDir: '/store/out' });
  assert.equal(batch.workers, undefined);
  assert.equal(batch.outDir, '/store/out');
  assert.equal(batch.fileTimeoutSeconds, 60);
  const custom = toBatchOptions(
    { ...defaultSettings, workers: 3, memoryLimitMb: 512 },
    { outDir: '/o' },
  );
  assert.equal(custom.workers, 3);
  assert.equal(custom.memoryLimitMb, 512);
  const extract = toExtractOptions({
    ...defaultSettings,
    ocrEnabled: false,
    ocrMinConfidence: 150,
  });
  assert.equal(extract.ocr.enabled, false);
  assert.equal(extract.ocr.minConfidence, 100);
});

test('several folders merge into one report with prefixed paths', () => {
  const runs: FolderRun[] = [
    {
      input: '/w/one',
      outDir: '/o/1',
      report: report([{ path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 }]),
    },
    {
      input: '/w/two',
      outDir: '/o/2',
      report: report([{ path: 'b.pdf', kind: 'pdf', status: 'failed', code: 'CORRUPT', ms: 1 }]),
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
