// `npm run bench [-- options]`. Two modes:
//
// --mode native (default): Folio against a shell-script-like pipeline of native tools
// (pdftotext, pdftoppm + tesseract, pandoc, xlsx2csv; installed with apt-get for the bench only)
// over the same folders in the same run: seconds per page / per file by kind, their ratio, peak
// process-tree RSS and word recall/precision of each side (scripts/bench/versus-native-run.ts).
//   --corpus real|generated|both (both)  --repeat N (1)  --jobs N (native files at a time, 2)
//   --scorer FILE (../shared/tools/score.mjs)  --folio-args "ARGS" (extra Folio CLI arguments)
//   --kinds pdf-text,docx (only the files of these kinds, as the manifests type them)
//
// --mode throughput: the built CLI over the standard 100-file batch (generated if absent) or any
// folder (--input DIR): --workers 1, the default workers N times (--runs, 3), and the default with
// --memory-limit-mb 512; cache disabled. For each run it samples the RSS of the whole process
// tree (CLI + child process, threads included), and derives files/min, per-kind time, per-file
// p50/p95/max, OCR s/page, CER per kind, the pool's busy share and idle tail; then speed-up over
// one worker and the variance across the default runs. Writes bench/results/latest.json.
//
// --queue (or --mode queue): the Redis queue against the local pool on the same files
// (scripts/bench/queue-bench.ts): local 1 and 2 threads, 1 and 2 single-thread queue workers,
// queue overhead per job, Redis commands per file; bench/results/queue-latest.{json,md}.
//   --input DIR (fixtures/sample)  --copies N (3)  --runs N (2)  --folio-args "ARGS"
//
// Both: --dist DIR (the bundle to run, default dist/; build a private one with
// `node scripts/build.mjs --outdir DIR` so someone rebuilding dist/ cannot change it mid-run;
// a `DIR/BUILT_FROM` line, e.g. the commit, is recorded as what was measured),
// --no-docs (do not rewrite this mode's section of docs/performance.md), --keep (keep outputs).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureGeneratedBatch } from '../tests/support/generated-fixtures';
import { projectRoot } from '../tests/support/paths';
import {
  accuracyByKind,
  expectedTextFinder,
  manifestKinds,
  measureReport,
  type FileAccuracy,
  type KindAccuracy,
} from './bench/accuracy';
import {
  figuresByKind,
  ocrSecondsPerPage,
  poolBusy,
  type KindFigures,
  type PoolBusy,
  type WorkKind,
} from './bench/analyze-report';
import { extractSubsection, replaceSection } from './bench/docs-section';
import { machineInfo, type Machine } from './bench/machine';
import { runCli, type CliRun } from './bench/run-cli';
import { distribution, round, variation, type Distribution, type Variation } from './bench/stats';
import { formatTable, markdownTable, type Cell } from './bench/table';
import { rewriteFromSaved, runVersusNative, type CorpusName } from './bench/versus-native-run';
import { COMPARE_KINDS, type CompareKind } from './bench/versus-native';
import { runQueueBench } from './bench/queue-bench';

const BEFORE_AFTER = 'Before / after';

interface RunConfig {
  label: string;
  args: string[];
  group: 'one-worker' | 'default' | 'memory-512';
}

export interface RunResult {
  label: string;
  group: RunConfig['group'];
  args: string[];
  exitCode: number | null;
  workers: number;
  files: number;
  statuses: Record<string, number>;
  /** Measured by the bench around the CLI process, start to exit. */
  wallMs: number;
  /** The engine's own batch wall time (from the report). */
  batchWallMs: number;
  filesPerMin: number;
  /** Sampled over the CLI process tree every ~150 ms. */
  peakTreeRssMb: number;
  rssSamples: number;
  /** The engine's own figure (parent + child RSS from its stats). */
  reportPeakRssMb: number;
  perFileMs: Distribution;
  perKind: Partial<Record<WorkKind, KindFigures>>;
  ocrSecondsPerPage?: number;
  pool: PoolBusy;
  cerByKind: Record<string, KindAccuracy>;
  worstFiles: FileAccuracy[];
}

function analyze(
  config: RunConfig,
  raw: CliRun,
  find: ReturnType<typeof expectedTextFinder>,
  kinds: Map<string, string>,
): RunResult {
  const { report } = raw;
  const workers = report.workers ?? 1;
  const statuses: Record<string, number> = {};
  for (const f of report.files) statuses[f.status] = (statuses[f.status] ?? 0) + 1;
  const accuracy = measureReport(report, find, { kinds });
  return {
    label: config.label,
    group: config.group,
    args: config.args,
    exitCode: raw.exitCode,
    workers,
    files: report.files.length,
    statuses,
    wallMs: raw.wallMs,
    batchWallMs: report.totals.wallMs,
    filesPerMin: round((report.files.length / raw.wallMs) * 60_000, 1),
    peakTreeRssMb: Math.round(raw.peakMb),
    rssSamples: raw.samples,
    reportPeakRssMb: report.totals.peakRssMb,
    perFileMs: distribution(
      report.files.filter((f) => !f.cached && f.status !== 'skipped').map((f) => f.ms),
    ),
    perKind: figuresByKind(report),
    ocrSecondsPerPage: ocrSecondsPerPage(report),
    pool: poolBusy(report, workers),
    cerByKind: accuracyByKind(accuracy),
    worstFiles: [...accuracy].sort((a, b) => (b.cer ?? 0) - (a.cer ?? 0)).slice(0, 5),
  };
}

/** The fixture manifest's kinds, named like the work kinds of the timing table. */
const MANIFEST_TO_WORK_KIND: Record<string, string> = {
  'pdf-scanned': 'pdf-ocr',
  image: 'image-ocr',
};

function workKindNames(kinds: Map<string, string>): Map<string, string> {
  return new Map([...kinds].map(([name, kind]) => [name, MANIFEST_TO_WORK_KIND[kind] ?? kind]));
}

const pct = (v: number | undefined) => (v === undefined ? undefined : round(v * 100, 2));
const sec = (ms: number | undefined) =>
  ms === undefined || !Number.isFinite(ms) ? undefined : round(ms / 1000, 2);

function runTable(results: RunResult[]): { header: string[]; rows: Cell[][] } {
  const header = [
    'run',
    'workers',
    'wall s',
    'files/min',
    'peak RSS MB (tree)',
    'p50 s',
    'p95 s',
    'max s',
    'OCR s/page',
    'busy %',
    'idle tail s',
    'ok/partial/failed/skipped',
  ];
  const rows = results.map((r) => [
    r.label,
    r.workers,
    sec(r.wallMs),
    r.filesPerMin,
    r.peakTreeRssMb,
    sec(r.perFileMs.p50),
    sec(r.perFileMs.p95),
    sec(r.perFileMs.max),
    r.ocrSecondsPerPage === undefined ? undefined : round(r.ocrSecondsPerPage, 2),
    pct(r.pool.fromTimeline ?? r.pool.fromTaskTime),
    sec(r.pool.idleTailMs),
    `${r.statuses.ok ?? 0}/${r.statuses.partial ?? 0}/${r.statuses.failed ?? 0}/${r.statuses.skipped ?? 0}`,
  ]);
  return { header, rows };
}

function kindTable(result: RunResult): { header: string[]; rows: Cell[][] } {
  const header = [
    'kind (default run 1)',
    'files',
    'pages',
    'worker s total',
    'p50 s',
    'p95 s',
    'max s',
    'CER %',
    'word recall %',
  ];
  const kinds = new Set<string>([...Object.keys(result.perKind), ...Object.keys(result.cerByKind)]);
  const rows: Cell[][] = [];
  for (const kind of kinds) {
    const k = result.perKind[kind as WorkKind];
    const a = result.cerByKind[kind];
    rows.push([
      kind,
      k?.files ?? a?.files,
      k?.pages,
      sec(k?.ms.total),
      sec(k?.ms.p50),
      sec(k?.ms.p95),
      sec(k?.ms.max),
      pct(a?.cer),
      pct(a?.meanWordRecall),
    ]);
  }
  return { header, rows };
}

const CORPORA: Record<string, CorpusName[]> = {
  real: ['real'],
  generated: ['generated'],
  both: ['real', 'generated'],
};

function compareKinds(list: string): CompareKind[] {
  const kinds = list.split(',').filter(Boolean);
  for (const k of kinds)
    if (!(COMPARE_KINDS as string[]).includes(k))
      throw new Error(`--kinds takes ${COMPARE_KINDS.join(', ')}, not ${k}`);
  return kinds as CompareKind[];
}

function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${flag} wants a whole number ≥ 1, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'native' },
      dist: { type: 'string', default: path.join(projectRoot, 'dist') },
      'no-docs': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      // native mode
      corpus: { type: 'string', default: 'both' },
      repeat: { type: 'string', default: '1' },
      jobs: { type: 'string', default: '2' },
      /** Extra arguments for every Folio run, split on spaces: `--folio-args "--memory-limit-mb 512"`. */
      'folio-args': { type: 'string', default: '' },
      kinds: { type: 'string' },
      scorer: {
        type: 'string',
        default: path.resolve(projectRoot, '..', 'shared', 'tools', 'score.mjs'),
      },
      // queue mode (--queue is --mode queue)
      queue: { type: 'boolean', default: false },
      copies: { type: 'string', default: '3' },
      // throughput mode
      input: { type: 'string' },
      runs: { type: 'string', default: '3' },
      /** Re-render the tables (and docs) from a saved results file instead of running. */
      'from-json': { type: 'string' },
    },
  });
  const cli = path.resolve(values.dist as string, 'cli.mjs');
  if (values.queue || values.mode === 'queue') {
    if (!existsSync(cli)) throw new Error(`${cli} not found: run npm run build first`);
    const extra = process.argv.slice(2).join(' ');
    await runQueueBench({
      cli,
      input: path.resolve(values.input ?? path.join(projectRoot, 'fixtures', 'sample')),
      copies: positive('copies', values.copies),
      // Two runs unless asked: each queue run is a fresh Redis and fresh workers.
      runs: process.argv.includes('--runs') ? positive('runs', values.runs) : 2,
      projectRoot,
      extraArgs: (values['folio-args'] as string).split(' ').filter(Boolean),
      command:
        process.env.npm_lifecycle_event === 'bench'
          ? `npm run bench -- ${extra}`
          : `node --import tsx scripts/bench.ts ${extra}`.trim(),
      keep: values.keep as boolean,
    });
    return;
  }
  if (values.mode === 'native') {
    if (values['from-json']) {
      rewriteFromSaved(values['from-json'], !values['no-docs']);
      return;
    }
    const corpora = CORPORA[values.corpus as string];
    if (!corpora) throw new Error(`--corpus is real, generated or both, not ${values.corpus}`);
    if (!existsSync(cli)) throw new Error(`${cli} not found: run npm run build first`);
    const extra = process.argv.slice(2).join(' ');
    await runVersusNative({
      corpora,
      repeat: positive('repeat', values.repeat),
      jobs: positive('jobs', values.jobs),
      cli,
      scorer: path.resolve(values.scorer as string),
      docs: !values['no-docs'],
      keep: values.keep as boolean,
      folioArgs: (values['folio-args'] as string).split(' ').filter(Boolean),
      ...(values.kinds ? { kinds: compareKinds(values.kinds) } : {}),
      // The command as typed: through npm (which builds dist/ first) or straight at this script.
      command:
        process.env.npm_lifecycle_event === 'bench'
          ? `npm run bench${extra ? ` -- ${extra}` : ''}`
          : `node --import tsx scripts/bench.ts ${extra}`.trim(),
    });
    return;
  }
  if (values.mode !== 'throughput')
    throw new Error(`--mode is native or throughput, not ${values.mode}`);
  if (values['from-json']) {
    const saved = JSON.parse(readFileSync(values['from-json'], 'utf8')) as SavedSummary;
    for (const run of saved.runs) {
      // Results saved before kinds were unified keyed CER by the manifest's kind names.
      run.cerByKind = Object.fromEntries(
        Object.entries(run.cerByKind)
          .filter(([kind]) => kind !== 'bad')
          .map(([kind, figures]) => [MANIFEST_TO_WORK_KIND[kind] ?? kind, figures]),
      );
    }
    report(saved.runs, saved.machine, {
      when: saved.when,
      input: saved.input,
      inputEntries: saved.inputEntries,
      standard: saved.input.startsWith('standard'),
      docs: !values['no-docs'],
      command: saved.command,
      loadAverageAtEnd: saved.machine.loadAverageAtEnd,
    });
    return;
  }
  if (!existsSync(cli)) throw new Error(`${cli} not found: run npm run build first`);
  let input: string;
  let expectedDirs: string[] = [];
  let kinds = new Map<string, string>();
  const standard = values.input === undefined;
  if (standard) {
    console.log('bench: preparing the standard 100-file batch (generated once, then reused)…');
    const set = await ensureGeneratedBatch();
    input = set.dir;
    expectedDirs = [set.expectedDir];
    kinds = workKindNames(manifestKinds(set.expectedDir));
  } else {
    input = path.resolve(values.input as string);
  }
  const inputFiles = readdirSync(input, { recursive: true }).length;
  const find = expectedTextFinder(input, expectedDirs);
  const runs = Math.max(1, Number(values.runs));
  const configs: RunConfig[] = [
    { label: 'workers=1', args: ['--workers', '1'], group: 'one-worker' },
    ...Array.from({ length: runs }, (_, i) => ({
      label: `default #${i + 1}`,
      args: [],
      group: 'default' as const,
    })),
    {
      label: 'default, --memory-limit-mb 512',
      args: ['--memory-limit-mb', '512'],
      group: 'memory-512',
    },
  ];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-'));
  const machine = machineInfo(projectRoot);
  const results: RunResult[] = [];
  try {
    for (const config of configs) {
      process.stdout.write(`bench: ${config.label} … `);
      const raw = await runCli({ cli, input, scratch, label: config.label, args: config.args });
      const result = analyze(config, raw, find, kinds);
      results.push(result);
      console.log(
        `${sec(result.wallMs)} s, ${result.filesPerMin} files/min, peak ${result.peakTreeRssMb} MB, ${result.files} files reported`,
      );
      if (!values.keep) rmSync(raw.out, { recursive: true, force: true });
    }
  } finally {
    if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  }

  report(results, machine, {
    when: new Date().toISOString(),
    input: standard ? 'standard generated batch (fixtures/generated/batch)' : input,
    inputEntries: inputFiles,
    standard,
    docs: !values['no-docs'],
    command: `npm run bench -- --mode throughput${standard ? '' : ` --input ${values.input}`}`,
    loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
  });
}

interface SavedSummary {
  when: string;
  input: string;
  inputEntries: number;
  command: string;
  machine: Machine & { loadAverageAtEnd: number[] };
  runs: RunResult[];
}

function report(
  results: RunResult[],
  machine: Machine,
  meta: {
    when: string;
    input: string;
    inputEntries: number;
    standard: boolean;
    docs: boolean;
    command: string;
    loadAverageAtEnd: number[];
  },
): void {
  const standard = meta.standard;
  const one = results.find((r) => r.group === 'one-worker') as RunResult;
  const defaults = results.filter((r) => r.group === 'default');
  const meanDefaultFpm = defaults.reduce((s, r) => s + r.filesPerMin, 0) / defaults.length;
  const derived: {
    speedUpDefaultOverOneWorker: number;
    defaultWallVariation: Variation;
    defaultFilesPerMinVariation: Variation;
    withinFivePercent: boolean;
    allFilesAccountedFor: boolean;
  } = {
    speedUpDefaultOverOneWorker: round(meanDefaultFpm / one.filesPerMin, 2),
    defaultWallVariation: variation(defaults.map((r) => r.wallMs)),
    defaultFilesPerMinVariation: variation(defaults.map((r) => r.filesPerMin)),
    withinFivePercent: variation(defaults.map((r) => r.wallMs)).relativeSpread <= 0.05,
    allFilesAccountedFor: results.every((r) => r.files === results[0].files),
  };
  const summary = {
    when: meta.when,
    input: meta.input,
    inputEntries: meta.inputEntries,
    machine: { ...machine, loadAverageAtEnd: meta.loadAverageAtEnd },
    command: meta.command,
    targets: {
      filesPerMinDefault: { target: 60, measured: round(meanDefaultFpm, 1) },
      peakRssDefaultMb: {
        target: 1024,
        measured: Math.max(...defaults.map((r) => r.peakTreeRssMb)),
      },
      peakRss512Mb: {
        target: 600,
        measured: results.find((r) => r.group === 'memory-512')?.peakTreeRssMb,
      },
      speedUp: { target: 1.7, measured: derived.speedUpDefaultOverOneWorker },
    },
    derived: {
      ...derived,
      defaultWallVariation: {
        ...derived.defaultWallVariation,
        relativeSpread: round(derived.defaultWallVariation.relativeSpread, 4),
        coefficientOfVariation: round(derived.defaultWallVariation.coefficientOfVariation, 4),
      },
    },
    runs: results,
  };

  const resultsDir = path.join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const json = JSON.stringify(summary, null, 2) + '\n';
  writeFileSync(path.join(resultsDir, 'latest.json'), json);
  writeFileSync(path.join(resultsDir, `${summary.when.replace(/[:.]/g, '-')}.json`), json);

  const runT = runTable(results);
  const kindT = kindTable(defaults[0]);
  console.log('\n' + formatTable(runT.header, runT.rows));
  console.log('\n' + formatTable(kindT.header, kindT.rows));
  const spreadPct = round(derived.defaultWallVariation.relativeSpread * 100, 1);
  const derivedLines = [
    `speed-up default (${defaults[0].workers} workers) over --workers 1: ${derived.speedUpDefaultOverOneWorker}× (target 1.7×)`,
    `default runs: wall ${derived.defaultWallVariation.values.map((v) => sec(v)).join(' / ')} s, spread ${spreadPct}% of the mean (target ≤ 5%), CV ${round(derived.defaultWallVariation.coefficientOfVariation * 100, 1)}%`,
    `every run reported the same ${results[0].files} files: ${derived.allFilesAccountedFor}`,
    `machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, load average at start ${machine.loadAverageAtStart.join(' ')}`,
  ];
  console.log('\n' + derivedLines.join('\n'));
  console.log(`\nwrote ${path.relative(projectRoot, path.join(resultsDir, 'latest.json'))}`);

  if (standard && meta.docs) {
    const section = [
      '## Benchmark',
      '',
      `Latest run: ${summary.when} on commit ${machine.commit ?? '?'}; reproduce with \`npm run build && npm run bench -- --mode throughput\``,
      `(raw numbers: \`bench/results/latest.json\`). The standard batch is the generated 100-file folder`,
      '(`npm run fixtures`); every run uses `--no-cache`. Peak RSS is sampled every 150 ms over the',
      "CLI's whole process tree (CLI, child process and its pool threads) from `/proc`.",
      "These are Folio's figures on its own generated batch; for real documents and the native",
      'tools on the same input see "Folio vs native tools, same run" at the top.',
      '',
      `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node},`,
      `${machine.platform}; load average at start ${machine.loadAverageAtStart.join(' ')} (other work on the`,
      'machine makes wall times noisy: compare runs taken in the same bench invocation).',
      '',
      markdownTable(runT.header, runT.rows),
      '',
      markdownTable(kindT.header, kindT.rows),
      '',
      ...derivedLines.slice(0, 3).map((l) => `- ${l}`),
      '',
      '| target | measured | met |',
      '|---|---:|:---:|',
      `| ≥ 60 files/min, default | ${summary.targets.filesPerMinDefault.measured} | ${summary.targets.filesPerMinDefault.measured >= 60 ? 'yes' : 'no'} |`,
      `| peak RSS < 1 GB, default | ${summary.targets.peakRssDefaultMb.measured} MB | ${summary.targets.peakRssDefaultMb.measured < 1024 ? 'yes' : 'no'} |`,
      `| peak RSS < 600 MB with --memory-limit-mb 512 | ${summary.targets.peakRss512Mb.measured ?? '–'} MB | ${(summary.targets.peakRss512Mb.measured ?? Infinity) < 600 ? 'yes' : 'no'} |`,
      `| default ≥ 1.7× --workers 1 | ${derived.speedUpDefaultOverOneWorker}× | ${derived.speedUpDefaultOverOneWorker >= 1.7 ? 'yes' : 'no'} |`,
      `| 3 default runs within 5% | ${spreadPct}% | ${derived.withinFivePercent ? 'yes' : 'no'} |`,
      '',
    ].join('\n');
    const docPath = path.join(projectRoot, 'docs', 'performance.md');
    const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance\n';
    // Hand-written history survives regeneration: a before/after table per optimization.
    const history =
      extractSubsection(doc, 'Benchmark', BEFORE_AFTER) ??
      [
        `### ${BEFORE_AFTER}`,
        '',
        'Add a row when an optimization lands: both numbers from one `npm run bench` session each,',
        'same machine, with the commit.',
        '',
        '| change | commit | files/min before → after | peak RSS MB before → after |',
        '|---|---|---:|---:|',
      ].join('\n');
    writeFileSync(docPath, replaceSection(doc, 'Benchmark', `${section}\n${history}\n`));
    console.log(`updated ${path.relative(projectRoot, docPath)} (## Benchmark)`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
