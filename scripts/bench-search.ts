// `npm run bench:search [-- options]`: the search index (issue 13). Not a test.
//
// 1. The standard 100-file batch (fixtures/generated/batch, generated if absent), extracted once
//    by the built CLI into node_modules/.cache/folio-bench-search/batch.folio (kept between
//    runs; the extraction is not what is measured), then indexed here from its Markdown outputs
//    with the child's own code (page chunks, MinHash signature, MiniSearch): build time per
//    1,000 pages, index size on disk.
// 2. A synthetic corpus of --docs documents (10,000) of 1-3 pages of Zipf-distributed words with
//    amounts, dates and references, written once, indexed the same way.
// 3. Query latency through the product's path: a fresh child (ChildProcessRunner over the built
//    child.mjs) answering `search` requests for each corpus: the first query (which loads the
//    index from disk) apart, then --repeat rounds (5) of a fixed query mix (common and rare words,
//    two words, prefix, fuzzy with a typo, phrase, amount and reference under other
//    separators): p50/p95 as the caller sees them (IPC included) and as the child measured them.
//
// Writes bench/results/search-latest.{json,md} and a timestamped copy of the JSON.
//   --docs N (10000)  --repeat N (5)  --corpus batch|synthetic|both (both)
//   --dist DIR (a private build by default, see below)
// The bundle: --dist DIR, or a private build into node_modules/.cache/folio-bench-search/dist.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ChildProcessRunner } from '../src/runner/child-process-runner';
import type { SearchKind } from '../src/shared/search';
import { IndexStore, indexPathFor, loadIndex } from '../src/workers/text-search/index-store';
import { LinesCache } from '../src/workers/text-search/lines-cache';
import { minhashSignature } from '../src/workers/text-search/minhash';
import { indexChunks, pageChunks, withTerms } from '../src/workers/text-search/page-chunks';
import { SearchIndex, type IndexedFile } from '../src/workers/text-search/search-index';
import { textTokens } from '../src/workers/text-search/tokenize';
import { ensureGeneratedBatch } from '../tests/support/generated-fixtures';
import { projectRoot } from '../tests/support/paths';
import { machineInfo } from './bench/machine';
import { distribution, round, type Distribution } from './bench/stats';

const work = path.join(projectRoot, 'node_modules', '.cache', 'folio-bench-search');
const resultsDir = path.join(projectRoot, 'bench', 'results');

interface BuildFigures {
  files: number;
  pages: number;
  chunks: number;
  buildMs: number;
  msPer1000Pages: number;
  /** CPU time (user + system) of the build: independent of the machine's other load. */
  buildCpuMs: number;
  cpuMsPer1000Pages: number;
  /** Of buildMs: MinHash signatures. */
  signatureMs: number;
  saveMs: number;
  indexBytes: number;
  textBytes: number;
  heapDeltaMb: number;
}

interface QueryFigures {
  firstQueryMs: number;
  /** Caller's wall time per query (IPC, index lookup, reading hit lines). */
  wall: Distribution;
  /** The child's own time per query (SearchResult.ms). */
  child: Distribution;
  byQuery: { query: string; kind: string; hits: number; p50: number; p95: number }[];
  /**
   * The same queries answered in this process on the index loaded from disk, as CPU time
   * (user + system) per query: what the query costs whatever else the machine runs.
   */
  cpuInProcess: Distribution;
  /** CPU time to load the index from disk (JSON parse + MiniSearch load). */
  loadCpuMs: number;
}

function kindOf(rel: string): SearchKind {
  const ext = path.extname(rel).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx' || ext === '.docm') return 'docx';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  return 'image';
}

function markdownFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((rel) => rel.endsWith('.md') && !rel.split(path.sep).some((s) => s.startsWith('.')))
    .sort();
}

/** Indexes every Markdown file under `textDir` as the child would, timed; saves to `cacheDir`. */
async function buildIndex(textDir: string, cacheDir: string, input: string): Promise<BuildFigures> {
  const files = markdownFiles(textDir);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new SearchIndex();
  let pages = 0;
  let textBytes = 0;
  let signatureMs = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (const rel of files) {
    const textPath = path.join(textDir, rel);
    const text = readFileSync(textPath, 'utf8');
    textBytes += Buffer.byteLength(text);
    const sections = pageChunks(text);
    // As the child indexes (search-service.ts): one tokenizer pass for the terms and the signature.
    const tokens = textTokens(text);
    const chunks = withTerms(text, indexChunks(text), tokens);
    pages += Math.max(
      1,
      sections.filter((c) => c.page !== undefined || c.sheet !== undefined).length,
    );
    const s = performance.now();
    const signature = minhashSignature(tokens);
    signatureMs += performance.now() - s;
    const source = rel.slice(0, -'.md'.length).split(path.sep).join('/');
    index.addFile(
      {
        input,
        path: source,
        kind: kindOf(source),
        status: 'ok',
        textPath,
        cacheKey: source,
        sha256: source,
        ...(signature ? { signature } : {}),
      },
      chunks,
    );
  }
  const buildMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  global.gc?.();
  const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const saveStarted = performance.now();
  const store = new IndexStore(cacheDir, index);
  store.changed();
  await store.flush();
  const saveMs = performance.now() - saveStarted;
  return {
    files: files.length,
    pages,
    chunks: index.size.chunks,
    buildMs: round(buildMs, 0),
    msPer1000Pages: round((buildMs / pages) * 1000, 0),
    buildCpuMs: round(buildCpuMs, 0),
    cpuMsPer1000Pages: round((buildCpuMs / pages) * 1000, 0),
    signatureMs: round(signatureMs, 0),
    saveMs: round(saveMs, 0),
    indexBytes: statSync(indexPathFor(cacheDir)).size,
    textBytes,
    heapDeltaMb: round(heapDeltaMb, 1),
  };
}

// ── The synthetic corpus ────────────────────────────────────────────────────────────────────

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const SYLLABLES = [
  'ka',
  'ri',
  'to',
  'men',
  'sa',
  'lo',
  'ver',
  'di',
  'nu',
  'pe',
  'ran',
  'co',
  'bi',
  'tal',
];

function vocabulary(n: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    let w = '';
    const parts = 2 + Math.floor(random() * 3);
    for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

const PER_DOC_MARKER = 'synthetic-corpus-v1';

/** Writes the corpus once (same seed, same files); returns its folder. */
function syntheticCorpus(docs: number): string {
  const dir = path.join(work, `synthetic-${docs}`);
  const done = path.join(dir, '.complete');
  if (existsSync(done) && readFileSync(done, 'utf8') === PER_DOC_MARKER) return dir;
  mkdirSync(dir, { recursive: true });
  const random = rng(42);
  const vocab = vocabulary(20_000, random);
  // Zipf-like: a few words very common, most rare.
  const word = () => vocab[Math.floor(vocab.length * random() ** 3)];
  for (let d = 0; d < docs; d++) {
    const lines = [`# doc-${d}.pdf`, '', `> PDF · synthetic`, ''];
    const pages = 1 + Math.floor(random() * 3);
    for (let p = 1; p <= pages; p++) {
      lines.push(`<!-- page ${p} -->`, '');
      for (let para = 0; para < 5; para++) {
        const sentence = Array.from({ length: 50 }, word);
        if (para === 1)
          sentence.splice(5, 0, `INV-${2020 + (d % 6)}-${String(d % 10_000).padStart(4, '0')}`);
        if (para === 2)
          sentence.splice(
            9,
            0,
            `$${(d * 37) % 1000},${String((d * 7) % 1000).padStart(3, '0')}.${String(d % 100).padStart(2, '0')}`,
          );
        if (para === 3) sentence.splice(3, 0, `${1 + (d % 28)}/${1 + (d % 12)}/20${20 + (d % 6)}`);
        lines.push(sentence.join(' '), '');
      }
    }
    const sub = path.join(dir, `part-${Math.floor(d / 1000)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `doc-${d}.pdf.md`), lines.join('\n'));
  }
  writeFileSync(done, PER_DOC_MARKER);
  return dir;
}

// ── Queries ─────────────────────────────────────────────────────────────────────────────────

interface QuerySpec {
  kind: string;
  query: string;
}

function topWords(textDir: string, n: number): string[] {
  const counts = new Map<string, number>();
  for (const rel of markdownFiles(textDir).slice(0, 200)) {
    for (const w of readFileSync(path.join(textDir, rel), 'utf8')
      .toLowerCase()
      .match(/\p{L}{5,}/gu) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([w]) => w);
}

function firstMatch(textDir: string, pattern: RegExp): string | undefined {
  for (const rel of markdownFiles(textDir)) {
    const m = pattern.exec(readFileSync(path.join(textDir, rel), 'utf8'));
    if (m) return m[0];
  }
  return undefined;
}

/** A fixed query mix for a corpus: words taken from its own text, so every query has hits. */
function queryMix(textDir: string): QuerySpec[] {
  const words = topWords(textDir, 200);
  const common = words[0];
  const rare = words[words.length - 1];
  const mid = words[Math.floor(words.length / 2)];
  const typo = mid.slice(0, 2) + mid[3] + mid[2] + mid.slice(4);
  const amount = firstMatch(textDir, /\d{1,3},\d{3}\.\d{2}/) ?? '1,000.00';
  const reference = firstMatch(textDir, /INV-\d{4}-\d{4}/) ?? 'INV-2024-0001';
  const specs: QuerySpec[] = [
    { kind: 'common word', query: common },
    { kind: 'less common word', query: rare },
    { kind: 'two words', query: `${words[1]} ${words[5]}` },
    { kind: 'prefix', query: `${mid.slice(0, 4)}*` },
    { kind: 'fuzzy (typo)', query: typo },
    { kind: 'phrase', query: `"${words[2]} ${words[3]}"` },
    { kind: 'amount, no separators', query: amount.replace(/[,.]/g, '') },
    { kind: 'reference, spaces', query: reference.replace(/-/g, ' ') },
  ];
  return specs;
}

async function measureQueries(
  runner: ChildProcessRunner,
  cacheDir: string,
  specs: QuerySpec[],
  repeat: number,
): Promise<QueryFigures> {
  const first = performance.now();
  await runner.search(specs[0].query, { cacheDir });
  const firstQueryMs = performance.now() - first;
  const wall: number[] = [];
  const child: number[] = [];
  const per = new Map<string, { kind: string; hits: number; times: number[] }>();
  for (let r = 0; r < repeat; r++) {
    for (const spec of specs) {
      const t = performance.now();
      const result = await runner.search(spec.query, { cacheDir });
      const ms = performance.now() - t;
      wall.push(ms);
      child.push(result.ms);
      const entry = per.get(spec.query) ?? { kind: spec.kind, hits: result.hits.length, times: [] };
      entry.times.push(ms);
      per.set(spec.query, entry);
    }
  }
  const rounded = (d: Distribution): Distribution => ({
    n: d.n,
    p50: round(d.p50, 1),
    p95: round(d.p95, 1),
    max: round(d.max, 1),
    mean: round(d.mean, 1),
    total: round(d.total, 0),
  });
  const cpuStart = process.cpuUsage();
  const { index } = await loadIndex(cacheDir);
  const loadCpu = process.cpuUsage(cpuStart);
  const texts = new LinesCache();
  const readLines = async (file: IndexedFile) => {
    const lines = await texts.lines(file.textPath);
    return lines ? { path: file.textPath, lines } : undefined;
  };
  const cpu: number[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const spec of specs) {
      const before = process.cpuUsage();
      await index.search(spec.query, { cacheDir }, readLines);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return {
    loadCpuMs: round((loadCpu.user + loadCpu.system) / 1000, 0),
    cpuInProcess: rounded(distribution(cpu)),
    firstQueryMs: round(firstQueryMs, 0),
    wall: rounded(distribution(wall)),
    child: rounded(distribution(child)),
    byQuery: [...per].map(([query, e]) => {
      const d = distribution(e.times);
      return { query, kind: e.kind, hits: e.hits, p50: round(d.p50, 1), p95: round(d.p95, 1) };
    }),
  };
}

// ── Run ─────────────────────────────────────────────────────────────────────────────────────

function ensureBundle(dist: string | undefined): string {
  if (dist) return path.resolve(dist);
  const dir = path.join(work, 'dist');
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', dir], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  return dir;
}

/** The batch's Markdown, extracted once by the CLI (OCR on, default settings). */
async function extractedBatch(cli: string): Promise<string> {
  const batch = (await ensureGeneratedBatch()).dir;
  const out = path.join(work, 'batch.folio');
  if (!existsSync(path.join(out, '.folio-cache', 'search', 'index.json'))) {
    console.log('extracting the 100-file batch once (not measured)…');
    execFileSync(process.execPath, [cli, 'extract', batch, '--out', out, '--quiet'], {
      stdio: 'inherit',
    });
  }
  return out;
}

function markdownReport(result: Record<string, unknown>): string {
  const r = result as {
    measuredAt: string;
    machine: { commit?: string; loadAverageAtStart: number[] };
    repeat: number;
    corpora: { name: string; build: BuildFigures; queries: QueryFigures }[];
  };
  const lines = [
    `# Search index benchmark (${r.measuredAt})`,
    '',
    `Commit ${r.machine.commit ?? '?'}, load average at start ${r.machine.loadAverageAtStart.join(' / ')}; ${r.repeat} rounds of the query mix per corpus. Command: \`npm run bench:search\`.`,
    '',
    "Wall times are as the machine gave them (it is shared); CPU times are this process's own.",
    '',
    '| corpus | files | pages | build ms (CPU ms) | ms / 1,000 pages | index on disk | first query, loading (load CPU) | query p50 / p95, caller | child p50 / p95 | CPU per query p50 / p95 |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of r.corpora) {
    lines.push(
      `| ${c.name} | ${c.build.files} | ${c.build.pages} | ${c.build.buildMs} (${c.build.buildCpuMs}) | ${c.build.msPer1000Pages} (CPU ${c.build.cpuMsPer1000Pages}) | ${round(c.build.indexBytes / 1048576, 1)} MB | ${c.queries.firstQueryMs} ms (${c.queries.loadCpuMs} ms) | ${c.queries.wall.p50} / ${c.queries.wall.p95} ms | ${c.queries.child.p50} / ${c.queries.child.p95} ms | ${c.queries.cpuInProcess.p50} / ${c.queries.cpuInProcess.p95} ms |`,
    );
  }
  for (const c of r.corpora) {
    lines.push(
      '',
      `## ${c.name}: per query (caller's ms)`,
      '',
      '| kind | query | hits | p50 | p95 |',
      '|---|---|---|---|---|',
    );
    for (const q of c.queries.byQuery)
      lines.push(
        `| ${q.kind} | \`${q.query.replace(/\|/g, '\\|')}\` | ${q.hits} | ${q.p50} | ${q.p95} |`,
      );
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '10000' },
      repeat: { type: 'string', default: '5' },
      dist: { type: 'string' },
      corpus: { type: 'string', default: 'both' },
    },
  });
  const which = values.corpus as string;
  if (!['batch', 'synthetic', 'both'].includes(which)) {
    throw new Error(`--corpus must be batch, synthetic or both, got "${which}"`);
  }
  const docs = Number(values.docs);
  const repeat = Number(values.repeat);
  const machine = machineInfo(projectRoot);
  const dist = ensureBundle(values.dist);
  const corpora: { name: string; textDir: string }[] = [];
  if (which !== 'synthetic') {
    const batchOut = await extractedBatch(path.join(dist, 'cli.mjs'));
    corpora.push({ name: 'generated batch (100 files)', textDir: batchOut });
  }
  if (which !== 'batch') {
    const name = `synthetic (${docs.toLocaleString('en-US')} documents)`;
    corpora.push({ name, textDir: syntheticCorpus(docs) });
  }
  const results = [];
  for (const corpus of corpora) {
    const cacheDir = path.join(work, 'index', corpus.name.replace(/[^a-z0-9]+/gi, '-'));
    console.log(`indexing ${corpus.name}…`);
    const build = await buildIndex(corpus.textDir, cacheDir, corpus.textDir);
    console.log(`  ${JSON.stringify(build)}`);
    // A fresh child per corpus: its first query loads the index from disk, as after a restart.
    const runner = new ChildProcessRunner({
      childScript: path.join(dist, 'child.mjs'),
      searchTimeoutMs: 120_000,
    });
    try {
      const queries = await measureQueries(runner, cacheDir, queryMix(corpus.textDir), repeat);
      console.log(
        `  first ${queries.firstQueryMs} ms; p50 ${queries.wall.p50} ms, p95 ${queries.wall.p95} ms`,
      );
      results.push({ name: corpus.name, build, queries });
    } finally {
      await runner.dispose();
    }
  }
  const result = { measuredAt: new Date().toISOString(), machine, repeat, docs, corpora: results };
  mkdirSync(resultsDir, { recursive: true });
  const json = JSON.stringify(result, null, 2) + '\n';
  writeFileSync(path.join(resultsDir, 'search-latest.json'), json);
  writeFileSync(
    path.join(resultsDir, `search-${result.measuredAt.replace(/[:.]/g, '-')}.json`),
    json,
  );
  writeFileSync(path.join(resultsDir, 'search-latest.md'), markdownReport(result));
  console.log('wrote bench/results/search-latest.{json,md}');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
