// `npm run bench` (mode "native"): Folio and the native-tools pipeline over the same folders in
// the same bench invocation, back to back, N times, alternating which goes first so that drifting
// load on a shared machine does not always favour one side. Writes bench/results/native-*.json and
// .md, prints the tables, and (unless --no-docs) rewrites the top section of docs/performance.md.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunReport } from '../../src/shared/report';
import { ensureGeneratedBatch, generatedRoot } from '../../tests/support/generated-fixtures';
import { projectRoot, realCorpusAvailable, realCorpusDir } from '../../tests/support/paths';
import { generatorSourceHash } from '../fixtures/source-hash';
import { FIXTURES_VERSION } from '../fixtures/version';
import { extractSubsection, upsertSectionFirst } from './docs-section';
import { childCpuSeconds } from './child-cpu';
import { machineInfo, type Machine } from './machine';
import { nativeReport, runNativeTools } from './native-pipeline';
import { ensureNativeTools, toolVersions } from './native-tools-setup';
import { ProcessTreeRssSampler } from './process-tree-rss';
import { runCli } from './run-cli';
import { generatedScoreInputs, scoreReport, type ScoreInputs } from './score-report';
import { round } from './stats';
import { formatTable, markdownTable } from './table';
import {
  accuracyPairs,
  compareByKind,
  compareKindOf,
  compareOverall,
  fileRows,
  summarizeRepeats,
  type CompareKind,
  type CorpusSummary,
  type PairResult,
  type ScoreSummary,
} from './versus-native';
import {
  gapTable,
  kindTable,
  overallTable,
  showSpread,
  statusDifferenceTable,
} from './versus-native-tables';

export type CorpusName = 'real' | 'generated';

export const DOCS_SECTION = 'Folio vs native tools, same run';
const NOTES = 'Notes';

interface PreparedCorpus {
  name: CorpusName;
  input: string;
  manifestTypes: Map<string, string>;
  score: ScoreInputs;
  /** What the input was (provenance for the results). */
  note: string;
}

function realCorpus(): PreparedCorpus | undefined {
  if (!realCorpusAvailable) return undefined;
  const manifest = path.join(realCorpusDir, 'manifest.tsv');
  const [head, ...rows] = readFileSync(manifest, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const typeCol = head.indexOf('type');
  return {
    name: 'real',
    input: realCorpusDir,
    manifestTypes: new Map(rows.map((r) => [r[0], r[typeCol]])),
    score: { input: realCorpusDir, manifest, gt: path.join(realCorpusDir, 'groundtruth') },
    note: `${rows.length} documents of ../shared/corpus/real (manifest.tsv)`,
  };
}

/**
 * The generated batch as it is now (generated only when absent), copied into the scratch folder
 * first: someone regenerating fixtures/generated mid-run must not change what is measured.
 */
async function generatedCorpus(scratch: string): Promise<PreparedCorpus> {
  const manifestPath = path.join(generatedRoot, 'expected', 'manifest.json');
  if (!existsSync(manifestPath)) await ensureGeneratedBatch();
  const dir = path.join(scratch, 'generated');
  cpSync(path.join(generatedRoot, 'batch'), path.join(dir, 'batch'), { recursive: true });
  cpSync(path.join(generatedRoot, 'expected'), path.join(dir, 'expected'), { recursive: true });
  const manifest = JSON.parse(
    readFileSync(path.join(dir, 'expected', 'manifest.json'), 'utf8'),
  ) as {
    generator: { version: number | string; seed: number | string; sourceHash: string };
    files: { name: string; kind: string }[];
  };
  const current =
    String(manifest.generator.version) === String(FIXTURES_VERSION) &&
    manifest.generator.sourceHash === generatorSourceHash();
  const made = statSync(manifestPath).mtime.toISOString();
  return {
    name: 'generated',
    input: path.join(dir, 'batch'),
    manifestTypes: new Map(manifest.files.map((f) => [f.name, f.kind])),
    score: generatedScoreInputs(path.join(dir, 'batch'), path.join(dir, 'expected'), dir),
    note:
      `${manifest.files.length} files of fixtures/generated/batch as found (generated ${made}, ` +
      `generator v${manifest.generator.version}, ${current ? 'matching' : 'older than'} the generator sources at run time)`,
  };
}

/**
 * The corpus narrowed to the files of `kinds` (the manifest's, as compared): copies in the
 * scratch folder, so both sides and the scorer see only those.
 */
function onlyKinds(corpus: PreparedCorpus, kinds: readonly CompareKind[], scratch: string) {
  const dir = path.join(scratch, `${corpus.name}-${kinds.join('-')}`);
  let files = 0;
  for (const rel of readdirSync(corpus.input, { recursive: true }) as string[]) {
    const from = path.join(corpus.input, rel);
    const kind = compareKindOf(rel, corpus.manifestTypes);
    if (kind === undefined || !kinds.includes(kind) || !statSync(from).isFile()) continue;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    cpSync(from, path.join(dir, rel));
    files++;
  }
  return {
    ...corpus,
    input: dir,
    score: { ...corpus.score, input: dir },
    note: `${corpus.note}, only its ${files} ${kinds.join(', ')} files (--kinds)`,
  };
}

const statuses = (r: RunReport) => {
  const out: Record<string, number> = {};
  for (const f of r.files) out[f.status] = (out[f.status] ?? 0) + 1;
  return out;
};

async function nativeRun(input: string, out: string, jobs: number, version: string) {
  // Only the tools' processes: the bench's own Node process is not part of a shell pipeline.
  const sampler = new ProcessTreeRssSampler(process.pid, 150, { excludeRoot: true }).start();
  const { results, wallMs, startedAt } = await runNativeTools({ input, out, jobs });
  const { peakMb } = sampler.stop();
  const report = nativeReport(results, {
    input,
    startedAt,
    wallMs,
    peakRssMb: peakMb,
    jobs,
    version,
  });
  const reportPath = `${out}.json`;
  writeFileSync(reportPath, JSON.stringify(report, null, 2));
  return { report, reportPath, wallMs, peakMb };
}

function tryScore(
  scorer: string,
  inputs: ScoreInputs,
  reportPath: string,
): ScoreSummary | undefined {
  if (!existsSync(scorer)) return undefined;
  return scoreReport(scorer, inputs, reportPath);
}

/** Runs one side and adds the CPU seconds its processes used (see child-cpu.ts). */
async function withChildCpu<T>(run: () => Promise<T>): Promise<T & { cpuS: number }> {
  const before = childCpuSeconds();
  const result = await run();
  return { ...result, cpuS: childCpuSeconds() - before };
}

async function measurePair(
  corpus: PreparedCorpus,
  repeat: number,
  o: {
    cli: string;
    scratch: string;
    jobs: number;
    scorer: string;
    version: string;
    keep: boolean;
    folioArgs?: string[];
  },
): Promise<PairResult> {
  const order = repeat % 2 === 1 ? 'folio-first' : 'native-first';
  const folioStep = () =>
    withChildCpu(() =>
      runCli({
        cli: o.cli,
        input: corpus.input,
        scratch: o.scratch,
        label: `folio-${corpus.name}-${repeat}`,
        args: o.folioArgs ?? [],
      }),
    );
  const nativeStep = () =>
    withChildCpu(() =>
      nativeRun(
        corpus.input,
        path.join(o.scratch, `native-${corpus.name}-${repeat}`),
        o.jobs,
        o.version,
      ),
    );
  let folio: Awaited<ReturnType<typeof folioStep>>;
  let native: Awaited<ReturnType<typeof nativeStep>>;
  if (order === 'folio-first') {
    folio = await folioStep();
    native = await nativeStep();
  } else {
    native = await nativeStep();
    folio = await folioStep();
  }
  const kindOf = (rel: string, f?: RunReport['files'][number]) =>
    compareKindOf(rel, corpus.manifestTypes, f);
  const result: PairResult = {
    repeat,
    order,
    kinds: compareByKind(folio.report, native.report, kindOf),
    files: fileRows(folio.report, native.report, kindOf),
    overall: compareOverall(folio, native),
    accuracy: accuracyPairs(
      tryScore(o.scorer, corpus.score, folio.reportPath),
      tryScore(o.scorer, corpus.score, native.reportPath),
    ),
    folioWorkers: folio.report.workers ?? 1,
    nativeJobs: o.jobs,
    folioStatuses: statuses(folio.report),
    nativeStatuses: statuses(native.report),
  };
  if (!o.keep) {
    rmSync(folio.out, { recursive: true, force: true });
    rmSync(path.join(o.scratch, `native-${corpus.name}-${repeat}`), {
      recursive: true,
      force: true,
    });
  }
  return result;
}

/**
 * The tree HEAD moves while others commit, so the commit that counts is the bundle's: a private
 * build can say what it was built from in `<dist>/BUILT_FROM` (one line, e.g. "9baa896, clean").
 */
function bundleStamp(cli: string): { bundleBuiltFrom?: string } {
  const stamp = path.join(path.dirname(cli), 'BUILT_FROM');
  return existsSync(stamp) ? { bundleBuiltFrom: readFileSync(stamp, 'utf8').trim() } : {};
}

export interface VersusOptions {
  corpora: CorpusName[];
  repeat: number;
  cli: string;
  jobs: number;
  scorer: string;
  docs: boolean;
  keep: boolean;
  command: string;
  /** Extra Folio CLI arguments for every Folio run (e.g. `--memory-limit-mb 512`). */
  folioArgs?: string[];
  /** Only the files of these kinds (all when absent). */
  kinds?: CompareKind[];
}

interface CorpusResult {
  input: string;
  note: string;
  pairs: PairResult[];
  summary: CorpusSummary;
}

export async function runVersusNative(options: VersusOptions): Promise<void> {
  ensureNativeTools();
  const version = toolVersions();
  const machine = machineInfo(projectRoot);
  const when = new Date().toISOString();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-native-'));
  const corpora: Partial<Record<CorpusName, CorpusResult>> = {};
  const saved: Saved = {
    when,
    command: options.command,
    cli: path.relative(projectRoot, options.cli),
    ...bundleStamp(options.cli),
    repeat: options.repeat,
    nativeJobs: options.jobs,
    nativeTools: version,
    machine: { ...machine, loadAverageAtEnd: [] },
    corpora,
  };
  try {
    for (const name of options.corpora) {
      const whole = name === 'real' ? realCorpus() : await generatedCorpus(scratch);
      if (!whole) {
        console.log(`bench: ${realCorpusDir} not found: the real-corpus comparison is skipped`);
        continue;
      }
      const corpus = options.kinds ? onlyKinds(whole, options.kinds, scratch) : whole;
      console.log(`bench: ${name}: ${corpus.note}`);
      const pairs: PairResult[] = [];
      for (let r = 1; r <= options.repeat; r++) {
        const p = await measurePair(corpus, r, { ...options, scratch, version });
        pairs.push(p);
        const o = p.overall;
        console.log(
          `bench: ${name} #${r} (${p.order}): Folio ${round(o.folioWallMs / 1000, 1)} s, ${o.folioPeakMb} MB; ` +
            `native ${round(o.nativeWallMs / 1000, 1)} s, ${o.nativePeakMb} MB; Folio ÷ native time ${round(o.timeRatio, 2)}×, CPU ${round(o.cpuRatio ?? Number.NaN, 2)}×`,
        );
        corpora[name] = {
          input: corpus.input,
          note: corpus.note,
          pairs,
          summary: summarizeRepeats(pairs),
        };
        // Saved after every pair: a long run that dies late still leaves its numbers.
        writePartial(saved);
      }
    }
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
    else console.log(`bench: outputs kept in ${scratch}`);
  }
  saved.machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
  writeResults(saved, options.docs);
}

const resultsDir = path.join(projectRoot, 'bench', 'results');

function writePartial(saved: Saved): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, 'native-partial.json'),
    JSON.stringify(saved, null, 2) + '\n',
  );
}

/** Re-renders the tables, results and docs section from a saved results file. */
export function rewriteFromSaved(file: string, docs: boolean): void {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
  for (const c of Object.values(saved.corpora))
    if (c) c.summary = summarizeRepeats(c.pairs, saved.nativeJobs);
  writeResults(saved, docs);
}

type Saved = {
  when: string;
  command: string;
  cli: string;
  /** What the bundle was built from, when its folder says (a BUILT_FROM file). */
  bundleBuiltFrom?: string;
  repeat: number;
  nativeJobs: number;
  nativeTools: string;
  machine: Machine & { loadAverageAtEnd: number[] };
  corpora: Partial<Record<CorpusName, CorpusResult>>;
};

function markdown(saved: Saved): string {
  const m = saved.machine;
  const lines = [
    `## ${DOCS_SECTION}`,
    '',
    `Latest run: ${saved.when}, ` +
      (saved.bundleBuiltFrom
        ? `Folio bundle built from ${saved.bundleBuiltFrom} (HEAD was ${m.commit ?? '?'} at the start)`
        : `commit ${m.commit ?? '?'}` +
          (m.uncommittedSrcFiles
            ? ` (the working tree had ${m.uncommittedSrcFiles} uncommitted files under src/)`
            : '')) +
      `; \`${saved.command}\`, bundle \`${saved.cli}\`, ${saved.repeat} repeat(s) per corpus; raw numbers in` +
      ' `bench/results/native-latest.json`.',
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}; load average ${m.loadAverageAtStart.join(' ')}` +
      ` at start, ${m.loadAverageAtEnd.join(' ')} at end. **The machine was shared with other jobs while this ran:** the` +
      ' seconds are inflated and noisy; the ratios, taken from runs back to back, are the figures to compare.',
    '',
    `Native tools (${saved.nativeJobs} files at a time): ${saved.nativeTools}. Folio: default options, \`--no-cache\`.`,
    '',
  ];
  for (const [name, c] of Object.entries(saved.corpora) as [CorpusName, CorpusResult][]) {
    const s = c.summary;
    lines.push(
      `### ${name === 'real' ? 'Real documents' : 'Generated batch'}`,
      '',
      `${c.note}. Folio at **${showSpread(s.speedVsNative, 2, '×')}** the native tools' speed (native wall ÷ Folio wall; median (min–max) over ${c.pairs.length} repeat(s)), peak RSS ${showSpread(s.memoryRatio, 2, '×')} theirs.`,
      '',
      markdownTable(overallTable(s).header, overallTable(s).rows),
      '',
      markdownTable(kindTable(s).header, kindTable(s).rows),
      '',
    );
    const files = c.pairs[0]?.files;
    if (files) {
      const gaps = gapTable(files);
      const diff = statusDifferenceTable(files);
      lines.push(
        'Where Folio spends the most time beyond the native tools (repeat 1, seconds per file):',
        '',
        markdownTable(gaps.header, gaps.rows),
        '',
      );
      if (diff.rows.length > 0) {
        lines.push(
          'Files one side extracted and the other did not:',
          '',
          markdownTable(diff.header, diff.rows),
          '',
        );
      }
    }
  }
  return lines.join('\n');
}

function writeResults(saved: Saved, docs: boolean): void {
  const dir = resultsDir;
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(saved, null, 2) + '\n';
  const md = markdown(saved);
  const stamp = saved.when.replace(/[:.]/g, '-');
  writeFileSync(path.join(dir, 'native-latest.json'), json);
  writeFileSync(path.join(dir, `native-${stamp}.json`), json);
  writeFileSync(path.join(dir, 'native-latest.md'), md);
  writeFileSync(path.join(dir, `native-${stamp}.md`), md);
  for (const [name, c] of Object.entries(saved.corpora) as [CorpusName, CorpusResult][]) {
    console.log(`\n${name}: ${c.note}`);
    const o = overallTable(c.summary);
    const k = kindTable(c.summary);
    console.log(formatTable(o.header, o.rows));
    console.log('\n' + formatTable(k.header, k.rows));
  }
  console.log(`\nwrote bench/results/native-latest.json and .md`);
  if (!docs) return;
  const docPath = path.join(projectRoot, 'docs', 'performance.md');
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance\n';
  // Hand-written remarks on a run survive regeneration.
  const notes = extractSubsection(doc, DOCS_SECTION, NOTES);
  const section = notes ? `${md}\n${notes}\n` : md;
  writeFileSync(docPath, upsertSectionFirst(doc, DOCS_SECTION, section));
  console.log(`updated docs/performance.md (## ${DOCS_SECTION})`);
}
