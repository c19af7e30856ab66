// The Folio-vs-native comparison's arithmetic and the native side's report: if these are wrong,
// the "Folio vs native tools" numbers in docs/performance.md are wrong.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { FileReport, RunReport } from '../../src/shared/report';
import { childCpuSeconds, childCpuSecondsFromStat } from '../../scripts/bench/child-cpu';
import { upsertSectionFirst } from '../../scripts/bench/docs-section';
import {
  chainFor,
  failureCode,
  listFiles,
  nativeReport,
  needsOcr,
  pagesOfText,
  type NativeFileResult,
} from '../../scripts/bench/native-pipeline';
import { missingPackages, NATIVE_TOOLS } from '../../scripts/bench/native-tools-setup';
import { ProcessTreeRssSampler } from '../../scripts/bench/process-tree-rss';
import {
  generatedScoreInputs,
  manifestTsv,
  parseScoreOutput,
  scoreReport,
} from '../../scripts/bench/score-report';
import {
  accuracyPairs,
  compareByKind,
  compareKindOf,
  compareOverall,
  fileRows,
  biggestGaps,
  spread,
  summarizeRepeats,
  type PairResult,
  type ScoreSummary,
} from '../../scripts/bench/versus-native';
import { showSpread, statusDifferenceTable } from '../../scripts/bench/versus-native-tables';
import { projectRoot } from '../support/paths';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-native-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('each supported extension gets its tool chain; anything else is skipped', () => {
  assert.equal(chainFor('a/b.PDF'), 'pdf');
  assert.equal(chainFor('scan.tiff'), 'image');
  assert.equal(chainFor('x.jpeg'), 'image');
  assert.equal(chainFor('w.docx'), 'docx');
  assert.equal(chainFor('s.xlsx'), 'xlsx');
  assert.equal(chainFor('notes.md'), undefined);
  assert.equal(chainFor('old.doc'), undefined);
});

test('the native side lists files as Folio walks: hidden folders left out, hidden files kept', () => {
  const root = path.join(tmp, 'walk');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  mkdirSync(path.join(root, '.git'), { recursive: true });
  for (const f of ['b.pdf', 'sub/a.docx', '.hidden.png', '.git/x.pdf'])
    writeFileSync(path.join(root, f), '');
  assert.deepEqual(listFiles(root), ['.hidden.png', 'b.pdf', 'sub/a.docx']);
});

test('a PDF is OCRd when its text layer has under 20 characters a page', () => {
  // pdftotext ends every page with a form feed.
  assert.equal(pagesOfText('one\fTwo\f'), 2);
  assert.equal(pagesOfText(''), 0);
  assert.equal(needsOcr(`${'x'.repeat(19)}\f`), true);
  assert.equal(needsOcr(`${'x'.repeat(20)}\f`), false);
  // Whitespace is not text; the count is per page.
  assert.equal(needsOcr(`${'x '.repeat(30)}\f\f`), true, '30 characters over 2 pages');
  assert.equal(needsOcr(`${'x'.repeat(40)}\f\f`), false);
  assert.equal(needsOcr(''), true, 'no pages, no text');
});

test('the native report has Folio’s shape: every file once, statuses, codes, totals', () => {
  const results: NativeFileResult[] = [
    {
      rel: 'z.pdf',
      chain: 'pdf',
      ok: true,
      ms: 40,
      pages: 3,
      ocrPages: 0,
      chars: 900,
      output: '/o/z.pdf.txt',
    },
    {
      rel: 'a.png',
      chain: 'image',
      ok: true,
      ms: 3000,
      pages: 1,
      ocrPages: 1,
      chars: 50,
      output: '/o/a.png.txt',
    },
    {
      rel: 'locked.pdf',
      chain: 'pdf',
      ok: false,
      ms: 5,
      error: 'Command Line Error: Incorrect password',
    },
    { rel: 'broken.docx', chain: 'docx', ok: false, ms: 9, error: "couldn't parse docx file" },
    { rel: 'SOURCES.md', chain: undefined, ok: true, ms: 0 },
  ];
  const started = new Date('2026-12-01T00:00:00Z');
  const r = nativeReport(results, {
    input: '/in',
    startedAt: started,
    wallMs: 6000,
    peakRssMb: 263.4,
    jobs: 2,
    version: 'v',
  });
  assert.deepEqual(
    r.files.map((f) => [f.path, f.status, f.code]),
    [
      ['SOURCES.md', 'skipped', 'UNSUPPORTED_TYPE'],
      ['a.png', 'ok', undefined],
      ['broken.docx', 'failed', 'CORRUPT'],
      ['locked.pdf', 'failed', 'ENCRYPTED'],
      ['z.pdf', 'ok', undefined],
    ],
  );
  assert.deepEqual(r.totals, {
    files: 5,
    ok: 2,
    partial: 0,
    failed: 2,
    skipped: 1,
    wallMs: 6000,
    filesPerMin: 40,
    peakRssMb: 263,
  });
  assert.equal(r.finishedAt, '2026-12-01T00:00:06.000Z');
  assert.equal(r.workers, 2);
  const png = r.files.find((f) => f.path === 'a.png') as FileReport;
  assert.deepEqual(png, {
    path: 'a.png',
    kind: 'image',
    status: 'ok',
    ms: 3000,
    pages: 1,
    ocrPages: 1,
    chars: 50,
    output: '/o/a.png.txt',
  });
  assert.equal(failureCode(undefined), 'CORRUPT');
});

const scorer = path.resolve(projectRoot, '..', 'shared', 'tools', 'score.mjs');

test(
  'the shared scorer reads the native report like a Folio report',
  { skip: existsSync(scorer) ? false : `no scorer at ${scorer}` },
  () => {
    const input = path.join(tmp, 'score-in');
    const out = path.join(tmp, 'score-out');
    const gt = path.join(tmp, 'score-gt');
    for (const d of [input, out, gt]) mkdirSync(d, { recursive: true });
    writeFileSync(path.join(input, 'a.png'), 'not really');
    writeFileSync(path.join(input, 'b.pdf'), 'not really');
    writeFileSync(path.join(out, 'a.png.txt'), 'alpha beta gamma extra\f');
    writeFileSync(path.join(gt, 'a.png.gt.txt'), 'alpha beta gamma delta');
    writeFileSync(path.join(gt, 'b.pdf.gt.txt'), 'never scored: b failed');
    const manifest = path.join(tmp, 'manifest.tsv');
    writeFileSync(
      manifest,
      manifestTsv([
        { name: 'a.png', kind: 'image' },
        { name: 'b.pdf', kind: 'corrupt' },
      ]),
    );
    const report = nativeReport(
      [
        {
          rel: 'a.png',
          chain: 'image',
          ok: true,
          ms: 10,
          pages: 1,
          ocrPages: 1,
          output: path.join(out, 'a.png.txt'),
        },
        { rel: 'b.pdf', chain: 'pdf', ok: false, ms: 1, error: 'Syntax Error' },
      ],
      { input, startedAt: new Date(), wallMs: 11, peakRssMb: 1, jobs: 2, version: 'v' },
    );
    const reportPath = path.join(tmp, 'native.json');
    writeFileSync(reportPath, JSON.stringify(report));
    const summary = scoreReport(scorer, { input, manifest, gt }, reportPath);
    assert.equal(summary.missing, 0);
    assert.equal(summary.statusWrong, 0, 'a corrupt file that failed is right');
    assert.equal(summary.perKind.image.scored, 1);
    assert.equal(summary.perKind.image.recall, 0.75);
    assert.equal(summary.perKind.image.precision, 0.75);
  },
);

test('the generated batch’s expected texts are laid out as the scorer’s ground truth', () => {
  const expected = path.join(tmp, 'gen-expected');
  mkdirSync(expected, { recursive: true });
  writeFileSync(path.join(expected, 'doc.pdf.txt'), 'text');
  writeFileSync(
    path.join(expected, 'manifest.json'),
    JSON.stringify({
      files: [
        { name: 'doc.pdf', kind: 'pdf-text', expectedText: 'doc.pdf.txt' },
        { name: 'bad.pdf', kind: 'bad' },
      ],
    }),
  );
  const inputs = generatedScoreInputs('/batch', expected, path.join(tmp, 'gen-score'));
  assert.equal(inputs.input, '/batch');
  assert.equal(
    readlinkSync(path.join(inputs.gt, 'doc.pdf.gt.txt')),
    path.join(expected, 'doc.pdf.txt'),
  );
  assert.equal(existsSync(path.join(inputs.gt, 'bad.pdf.gt.txt')), false);
  assert.equal(
    readFileSync(inputs.manifest, 'utf8'),
    'file\ttype\ndoc.pdf\tpdf-text\nbad.pdf\tbad\n',
  );
  assert.deepEqual(parseScoreOutput('missing: x\n{"inputs":2,"perKind":{}}\n'), {
    inputs: 2,
    perKind: {},
  });
});

function rf(p: string, partial: Partial<FileReport>): FileReport {
  return { path: p, kind: 'pdf', status: 'ok', ms: 0, ...partial };
}

function report(files: FileReport[]): RunReport {
  return {
    tool: { name: 't', version: '0' },
    startedAt: '',
    finishedAt: '',
    input: '/in',
    totals: {
      files: files.length,
      ok: 0,
      partial: 0,
      failed: 0,
      skipped: 0,
      wallMs: 1,
      filesPerMin: 0,
      peakRssMb: 0,
    },
    files,
  };
}

test('a file’s kind is the manifest’s, by path or name; else what Folio made of it', () => {
  const types = new Map([
    ['docling__scan.pdf', 'pdf-scanned'],
    ['sub/x.pdf', 'pdf-text'],
    ['locked.xlsx', 'encrypted'],
  ]);
  assert.equal(compareKindOf('docling__scan.pdf', types), 'pdf-scanned');
  assert.equal(compareKindOf('sub/x.pdf', types), 'pdf-text');
  assert.equal(compareKindOf('deep/docling__scan.pdf', types), 'pdf-scanned');
  assert.equal(compareKindOf('locked.xlsx', types), 'bad-input');
  assert.equal(
    compareKindOf('y.pdf', types, rf('y.pdf', { pages: 2, ocrPages: 2 })),
    'pdf-scanned',
  );
  assert.equal(compareKindOf('y.png', types, rf('y.png', { kind: 'image', ocrPages: 1 })), 'image');
  assert.equal(
    compareKindOf('y.docx', types, rf('y.docx', { status: 'failed', code: 'CORRUPT' })),
    'bad-input',
  );
  assert.equal(
    compareKindOf('n.md', types, rf('n.md', { status: 'skipped', code: 'UNSUPPORTED_TYPE' })),
    undefined,
  );
  assert.equal(compareKindOf('n.md', types), undefined);
});

test('per kind: time per page or per file of each side over the same files, and their ratio', () => {
  const types = new Map([
    ['a.pdf', 'pdf-text'],
    ['b.pdf', 'pdf-text'],
    ['s.pdf', 'pdf-scanned'],
    ['d.docx', 'docx'],
    ['e.docx', 'docx'],
  ]);
  const folio = report([
    rf('a.pdf', { pages: 10, ms: 1000 }),
    rf('b.pdf', { pages: 0, ms: 500 }), // no page count from Folio: the native one is used
    rf('s.pdf', { status: 'failed', ms: 100 }), // a failure still costs its time; pages from native
    rf('d.docx', { kind: 'docx', ms: 300 }),
    rf('e.docx', { kind: 'docx', ms: 100 }),
    rf('notes.md', { kind: 'unknown', status: 'skipped', code: 'UNSUPPORTED_TYPE' }),
  ]);
  const native = report([
    rf('a.pdf', { pages: 10, ms: 200 }),
    rf('b.pdf', { pages: 5, ms: 50 }),
    rf('s.pdf', { pages: 4, ocrPages: 4, ms: 4000 }),
    rf('d.docx', { kind: 'docx', ms: 100 }),
    rf('e.docx', { kind: 'docx', ms: 100 }),
    rf('notes.md', { kind: 'unknown', status: 'skipped', code: 'UNSUPPORTED_TYPE' }),
  ]);
  const kinds = compareByKind(folio, native, (rel, f) => compareKindOf(rel, types, f));
  assert.deepEqual(
    kinds.map((k) => [k.kind, k.unit, k.files, k.units, k.folioMs, k.nativeMs]),
    [
      ['pdf-text', 'page', 2, 15, 1500, 250],
      ['pdf-scanned', 'page', 1, 4, 100, 4000],
      ['docx', 'file', 2, 2, 400, 200],
    ],
  );
  const text = kinds[0];
  assert.equal(text.folioSecPerUnit, 0.1);
  assert.equal(text.nativeSecPerUnit, 250 / 1000 / 15);
  assert.equal(text.ratio, 6);
  assert.equal(kinds[1].ratio, 0.025);
  assert.equal(kinds[2].ratio, 2);
});

test('per file: both sides side by side, the biggest time gaps, and status differences', () => {
  const types = new Map([
    ['a.pdf', 'pdf-text'],
    ['b.pdf', 'pdf-text'],
    ['c.xlsx', 'xlsx'],
  ]);
  const folio = report([
    rf('a.pdf', { pages: 2, ms: 9000 }),
    rf('b.pdf', { pages: 1, ms: 100 }),
    rf('c.xlsx', { kind: 'xlsx', ms: 700 }),
    rf('n.md', { kind: 'unknown', status: 'skipped', code: 'UNSUPPORTED_TYPE' }),
  ]);
  const native = report([
    rf('a.pdf', { pages: 2, ms: 100 }),
    rf('b.pdf', { pages: 1, ms: 3000, status: 'failed', code: 'CORRUPT' }),
    rf('c.xlsx', { kind: 'xlsx', ms: 200 }),
  ]);
  const rows = fileRows(folio, native, (rel, f) => compareKindOf(rel, types, f));
  assert.deepEqual(
    rows.map((r) => r.path),
    ['a.pdf', 'b.pdf', 'c.xlsx'],
  );
  assert.deepEqual(rows[1].native, { status: 'failed', code: 'CORRUPT', ms: 3000, pages: 1 });
  assert.deepEqual(
    biggestGaps(rows, 2).map((r) => r.path),
    ['a.pdf', 'c.xlsx'],
  );
  assert.deepEqual(statusDifferenceTable(rows).rows, [
    ['b.pdf', 'pdf-text', 'ok', 'failed CORRUPT'],
  ]);
});

test('overall: wall and peak RSS ratios, and the issue’s speed-vs-native figure', () => {
  const o = compareOverall({ wallMs: 160_000, peakMb: 1038.4 }, { wallMs: 32_000, peakMb: 259.6 });
  assert.equal(o.timeRatio, 5);
  assert.equal(o.speedVsNative, 0.2);
  assert.equal(o.folioPeakMb, 1038);
  assert.equal(o.nativePeakMb, 260);
  assert.equal(o.memoryRatio, 4);
  assert.ok(
    Number.isNaN(compareOverall({ wallMs: 1, peakMb: 1 }, { wallMs: 0, peakMb: 0 }).timeRatio),
  );
});

test('spread is min / median / max of the finite values', () => {
  assert.deepEqual(spread([3, 1, 2]), { n: 3, min: 1, median: 2, max: 3 });
  assert.deepEqual(spread([4, 1, Number.NaN, 2, 3]), { n: 4, min: 1, median: 2.5, max: 4 });
  assert.equal(spread([]).n, 0);
  assert.equal(showSpread(spread([5.123, 4, 6]), 2, '×'), '5.12× (4×–6×)');
  assert.equal(showSpread(spread([2, 2]), 1), '2');
  assert.equal(showSpread(spread([])), '–');
});

const scoreSummary = (perKind: ScoreSummary['perKind']): ScoreSummary => ({
  inputs: 0,
  reported: 0,
  missing: 0,
  duplicates: 0,
  statusWrong: 0,
  perKind,
});

test('accuracy per kind folds the manifest types, weighted by scored files', () => {
  const k = (scored: number, recall: number, precision: number) => ({
    files: scored,
    scored,
    recall,
    precision,
    cer: null,
  });
  const folio = scoreSummary({
    'pdf-text': k(3, 0.75, 0.5),
    image: k(2, 0.5, 0.625),
    encrypted: k(0, 0, 0),
    md: k(0, 0, 0),
  });
  const native = scoreSummary({
    'pdf-text': k(3, 0.5, 0.875),
    corrupt: k(1, 1, 1),
    empty: k(3, 0, 0),
  });
  const pairs = accuracyPairs(folio, native);
  assert.deepEqual(pairs, [
    {
      kind: 'pdf-text',
      scored: 3,
      folio: { recall: 0.75, precision: 0.5 },
      native: { recall: 0.5, precision: 0.875 },
    },
    { kind: 'image', scored: 2, folio: { recall: 0.5, precision: 0.625 } },
    { kind: 'bad-input', scored: 4, native: { recall: 0.25, precision: 0.25 } },
  ]);
  assert.deepEqual(accuracyPairs(undefined, undefined), []);
});

test('repeats are summarized as the spread of each ratio', () => {
  const pair = (repeat: number, ratio: number, folioWallMs: number): PairResult => ({
    repeat,
    order: repeat % 2 ? 'folio-first' : 'native-first',
    kinds: [
      {
        kind: 'image',
        unit: 'page',
        files: 2,
        units: 3,
        folioMs: ratio * 300,
        nativeMs: 300,
        folioSecPerUnit: ratio / 10,
        nativeSecPerUnit: 0.1,
        ratio,
      },
    ],
    overall: compareOverall({ wallMs: folioWallMs, peakMb: 900 }, { wallMs: 30_000, peakMb: 300 }),
    accuracy: [{ kind: 'image', scored: repeat }],
    folioStatuses: {},
    nativeStatuses: {},
  });
  const s = summarizeRepeats([pair(1, 2, 150_000), pair(2, 4, 180_000), pair(3, 3, 120_000)]);
  assert.deepEqual(s.kinds[0].ratio, { n: 3, min: 2, median: 3, max: 4 });
  assert.deepEqual(s.kinds[0].nativeSecPerUnit, { n: 3, min: 0.1, median: 0.1, max: 0.1 });
  assert.deepEqual(s.timeRatio, { n: 3, min: 4, median: 5, max: 6 });
  assert.deepEqual(s.folioWallS, { n: 3, min: 120, median: 150, max: 180 });
  assert.deepEqual(s.memoryRatio, { n: 3, min: 3, median: 3, max: 3 });
  assert.equal(s.accuracy[0].scored, 1, 'accuracy from the first repeat');
  // Σ native per-file ms 300 over 2 slots × 30 s; Folio's 600 ms over 2 × 150 s.
  assert.deepEqual(s.nativeBusyShare, { n: 3, min: 0.005, median: 0.005, max: 0.005 });
  assert.equal(s.folioBusyShare.min, (2 * 300) / (2 * 150_000));
  const fromOne = summarizeRepeats([{ ...pair(1, 2, 150_000), folioWorkers: 1 }]);
  assert.equal(fromOne.folioBusyShare.median, 600 / 150_000, 'one worker: one slot');
});

test('missing tools map to their Debian packages, each once', () => {
  const present = new Set(['pandoc']);
  assert.deepEqual(
    missingPackages(NATIVE_TOOLS, (c) => present.has(c)),
    ['poppler-utils', 'tesseract-ocr', 'xlsx2csv'],
  );
  assert.deepEqual(
    missingPackages(NATIVE_TOOLS, () => true),
    [],
  );
});

test('the comparison section goes first, then is replaced in place', () => {
  const doc = '# Performance\n\nintro\n\n## OCR\nocr\n\n## Benchmark\nbench\n';
  const once = upsertSectionFirst(doc, 'Native', '## Native\nv1\n');
  assert.equal(
    once,
    '# Performance\n\nintro\n\n## Native\nv1\n\n## OCR\nocr\n\n## Benchmark\nbench\n',
  );
  const twice = upsertSectionFirst(once, 'Native', '## Native\nv2\n');
  assert.equal(
    twice,
    '# Performance\n\nintro\n\n## Native\nv2\n\n## OCR\nocr\n\n## Benchmark\nbench\n',
  );
  assert.equal(upsertSectionFirst('# P\n', 'Native', '## Native\nx\n'), '# P\n\n## Native\nx\n');
});

test('the sampler can leave out its root: the tools a bench spawns, not the bench', async () => {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const b = Buffer.alloc(120 * 1024 * 1024, 1); console.log('ready'); setTimeout(() => b.length, 3000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  const withRoot = new ProcessTreeRssSampler(process.pid, 50).sampleOnce();
  const toolsOnly = new ProcessTreeRssSampler(process.pid, 50, { excludeRoot: true }).sampleOnce();
  holder.kill();
  assert.equal(toolsOnly.processes, withRoot.processes - 1);
  assert.ok(toolsOnly.treeMb > 120, `children ${toolsOnly.treeMb} MB`);
  assert.ok(withRoot.treeMb - toolsOnly.treeMb > 20, 'the root (this test process) was left out');
});

test('child CPU counts a finished grandchild’s work, not the time spent waiting', async () => {
  // pid (comm) state ppid … utime stime cutime cstime: cutime 250 + cstime 50 ticks = 3 s.
  const stat = '42 (a (b) c) S 1 2 3 4 5 6 7 8 9 10 11 12 250 50 20 0';
  assert.equal(childCpuSecondsFromStat(stat), 3);
  // Burns 600 ms of its own CPU (not of wall: the machine may be busy).
  const burn = `while (process.cpuUsage().user < 600_000);`;
  const sleepy = `setTimeout(() => {}, 600);`;
  const run = (code: string) =>
    new Promise<void>((resolve) => {
      const parent = `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(code)}], { stdio: 'inherit' }).on('exit', () => process.exit(0));`;
      spawn(process.execPath, ['-e', parent], { stdio: 'inherit' }).on('exit', () => resolve());
    });
  const t0 = childCpuSeconds();
  await run(burn);
  const t1 = childCpuSeconds();
  await run(sleepy);
  const t2 = childCpuSeconds();
  assert.ok(t1 - t0 >= 0.55, `burning grandchild: ${t1 - t0} CPU s`);
  assert.ok(t2 - t1 < 0.5, `sleeping grandchild: ${t2 - t1} CPU s (node start-up only)`);
});
