// The benchmark's measuring instruments: if these are wrong, every number in
// docs/performance.md is wrong.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import type { FileReport, RunReport } from '../../src/shared/report';
import {
  figuresByKind,
  ocrSecondsPerPage,
  poolBusy,
  workKindOf,
} from '../../scripts/bench/analyze-report';
import {
  descendantsOf,
  ProcessTreeRssSampler,
  readParentMap,
  readRssKiB,
} from '../../scripts/bench/process-tree-rss';
import { percentile, variation } from '../../scripts/bench/stats';
import { extractSubsection, replaceSection } from '../../scripts/bench/docs-section';

test('percentiles interpolate between ranks', () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  assert.equal(percentile(values, 50), 55);
  assert.equal(percentile(values, 0), 10);
  assert.equal(percentile(values, 100), 100);
  assert.equal(percentile([5, 1, 3], 50), 3);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('variation reports spread relative to the mean', () => {
  const v = variation([100, 102, 98]);
  assert.equal(v.mean, 100);
  assert.equal(v.relativeSpread, 0.04);
  assert.ok(v.coefficientOfVariation > 0.019 && v.coefficientOfVariation < 0.021);
});

test('descendants are found through every generation', () => {
  const parents = new Map([
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 1],
    [6, 99],
  ]);
  assert.deepEqual(descendantsOf(2, parents).sort(), [2, 3, 4]);
  assert.deepEqual(descendantsOf(1, parents).sort(), [1, 2, 3, 4, 5]);
});

test('the sampler sees memory held by a grandchild process', async () => {
  // parent → child → grandchild; the grandchild holds ~150 MB of touched memory.
  const grandchild = `const b = Buffer.alloc(150 * 1024 * 1024, 1); console.log('ready'); setTimeout(() => b.length, 3000);`;
  const child = `const { spawn } = require('node:child_process');
    const g = spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['ignore', 'inherit', 'inherit'] });
    g.on('exit', () => process.exit(0));`;
  const proc = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
  const sampler = new ProcessTreeRssSampler(proc.pid as number, 50);
  const sample = sampler.sampleOnce();
  proc.kill();
  assert.equal(sample.processes, 2, 'the child and the grandchild');
  assert.ok(sample.treeMb > 150, `tree RSS ${sample.treeMb} MB`);
  assert.ok(readParentMap().has(process.pid));
  assert.ok(readRssKiB(process.pid) > 10_000);
});

function file(partial: Partial<FileReport>): FileReport {
  return { path: 'x', kind: 'pdf', status: 'ok', ms: 100, ...partial };
}

test('files are grouped by the kind of work they needed', () => {
  assert.equal(workKindOf(file({ kind: 'pdf', ocrPages: 0 })), 'pdf-text');
  assert.equal(workKindOf(file({ kind: 'pdf', ocrPages: 3, pages: 3 })), 'pdf-ocr');
  assert.equal(workKindOf(file({ kind: 'image', ocrPages: 1 })), 'image-ocr');
  assert.equal(workKindOf(file({ kind: 'docx', status: 'failed' })), 'failed');
});

test('OCR seconds per page, busy share and idle tail come from the report', () => {
  const report: RunReport = {
    tool: { name: 'folio', version: '0' },
    startedAt: '',
    finishedAt: '',
    input: '/in',
    totals: {
      files: 3,
      ok: 3,
      partial: 0,
      failed: 0,
      skipped: 0,
      wallMs: 10_000,
      filesPerMin: 18,
      peakRssMb: 1,
    },
    files: [
      file({ path: 'a.pdf', pages: 4, ocrPages: 4, ms: 8000 }),
      file({ path: 'b.png', kind: 'image', pages: 1, ocrPages: 1, ms: 2000 }),
      file({ path: 'c.docx', kind: 'docx', ms: 4000 }),
    ],
    timeline: [
      { t: 0, done: 0, total: 3, filesPerMin: 0, rssMb: 1, queued: 1, active: 2, workers: 2 },
      { t: 5000, done: 1, total: 3, filesPerMin: 0, rssMb: 1, queued: 0, active: 2, workers: 2 },
      { t: 8000, done: 2, total: 3, filesPerMin: 0, rssMb: 1, queued: 0, active: 1, workers: 2 },
    ],
  };
  assert.equal(ocrSecondsPerPage(report), 2);
  const busy = poolBusy(report, 2);
  assert.equal(busy.fromTaskTime, 14_000 / 20_000);
  assert.equal(busy.idleTailMs, 5000);
  assert.equal(busy.fromTimeline, (1 + 1 + 0.5) / 3);
  const kinds = figuresByKind(report);
  assert.equal(kinds['pdf-ocr']?.ocrPages, 4);
  assert.equal(kinds.docx?.ms.p50, 4000);
});

test('a regenerated docs section replaces only itself and keeps its before/after history', () => {
  const doc = [
    '# Performance',
    '',
    '## OCR',
    'ocr numbers',
    '',
    '## Benchmark',
    'old table',
    '### Before / after',
    '| a | b |',
    '',
    '## Profile',
    'old profile',
    '',
  ].join('\n');
  const history = extractSubsection(doc, 'Benchmark', 'Before / after');
  assert.equal(history, '### Before / after\n| a | b |');
  const next = replaceSection(doc, 'Benchmark', `## Benchmark\nnew table\n\n${history}\n`);
  assert.match(next, /## OCR\nocr numbers/);
  assert.match(next, /## Benchmark\nnew table\n\n### Before \/ after\n\| a \| b \|/);
  assert.match(next, /## Profile\nold profile/);
  assert.doesNotMatch(next, /old table/);
  assert.match(replaceSection('# P\n', 'Profile', '## Profile\nx\n'), /^# P\n\n## Profile\nx\n$/);
});
