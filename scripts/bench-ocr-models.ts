// OCR model benchmark (not a test): the same gray pages read by native tesseract (Debian, one
// thread), and by tesseract.js warm with each English model Folio could ship (the vendored
// tessdata_fast and the packaged best_int), one pass, PSM AUTO. Pages are interleaved (native,
// fast, best_int for one page, then the next), so load on a shared machine hits all three alike.
// Writes per-page seconds, word recall/precision per file and the ratios to a JSON file.
//
//   node --import tsx scripts/bench-ocr-models.ts [--corpus real|generated|both] [--repeat N]
//        [--out bench/results/ocr-models.json] [--only SUBSTRING]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeFrames } from '../src/workers/extractors/image/decode-image';
import { MODEL_DIR, packagedDataRoot } from '../src/workers/ocr/language-data';
import { encodePgm, toGray } from '../src/workers/ocr/raster';
import { TesseractEngine } from '../src/workers/ocr/tesseract-engine';
import { enableRelaxedSimd, relaxedSimdAvailable } from './bench/wasm-relaxed-simd';
import { projectRoot, realCorpusDir } from '../tests/support/paths';
import { childCpuSeconds } from './bench/child-cpu';
import { bagOfWords, normalizeForScore } from './bench/word-score';

function processCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const corpus = arg('corpus', 'both');
const repeat = Number(arg('repeat', '1'));
const only = arg('only', '');
const outFile = path.resolve(arg('out', path.join(projectRoot, 'bench/results/ocr-models.json')));

interface Doc {
  name: string;
  kind: string;
  file: string;
  truth?: string;
}

function realDocs(): Doc[] {
  const rows = readFileSync(path.join(realCorpusDir, 'manifest.tsv'), 'utf8').trim().split('\n');
  return rows.slice(1).flatMap((row) => {
    const [file, kind, , , , , , truth] = row.split('\t');
    if (kind !== 'image' && kind !== 'pdf-scanned') return [];
    return [
      {
        name: file,
        kind,
        file: path.join(realCorpusDir, file),
        truth: truth ? path.join(realCorpusDir, truth) : undefined,
      },
    ];
  });
}

function generatedDocs(): Doc[] {
  const dir = path.join(projectRoot, 'fixtures/generated/batch');
  return readdirSync(dir)
    .filter((n) => n.startsWith('image-') || n.startsWith('pdf-scan-'))
    .sort()
    .map((n) => ({
      name: n,
      kind: n.startsWith('image-') ? 'image' : 'pdf-scanned',
      file: path.join(dir, n),
      truth: path.join(projectRoot, 'fixtures/generated/expected', `${n}.txt`),
    }));
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.bmp': 'image/bmp',
};

/** The document's pages as PGM files: images decoded as Folio does, PDFs as the native side does. */
async function pagesOf(doc: Doc, tmp: string): Promise<string[]> {
  const base = path.join(tmp, doc.name.replace(/[^\w.-]/g, '_'));
  if (doc.file.endsWith('.pdf')) {
    execFileSync('pdftoppm', ['-r', '300', '-gray', doc.file, base]);
    const prefix = path.basename(base);
    return readdirSync(tmp)
      .filter((n) => n.startsWith(prefix) && n.endsWith('.pgm'))
      .sort()
      .map((n) => path.join(tmp, n));
  }
  const out: string[] = [];
  let k = 0;
  for await (const frame of decodeFrames(readFileSync(doc.file), MIME[path.extname(doc.file)])) {
    const file = `${base}-${++k}.pgm`;
    writeFileSync(file, encodePgm(toGray(frame)));
    out.push(file);
  }
  return out;
}

type Side = 'native' | 'fast' | 'best_int' | 'fast_relaxed' | 'best_int_relaxed';
const SIDES = arg('sides', 'native,fast,best_int').split(',') as Side[];

function nativeRead(pgm: string): string {
  const run = spawnSync('tesseract', [pgm, 'stdout', '-l', 'eng'], {
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  if (run.status !== 0) throw new Error(`tesseract failed on ${pgm}: ${run.stderr}`);
  return run.stdout;
}

function textOf(page: Awaited<ReturnType<TesseractEngine['recognize']>>): string {
  const lines: string[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) for (const line of para.lines) lines.push(line.text);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const docs = [
    ...(corpus !== 'generated' && existsSync(realCorpusDir) ? realDocs() : []),
    ...(corpus !== 'real' ? generatedDocs() : []),
  ].filter((d) => d.name.includes(only));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-ocr-models-'));
  const fastDir = path.join(projectRoot, 'media/tessdata/eng-fast');
  const bestDir = path.join(packagedDataRoot(), 'eng', MODEL_DIR);
  const modelDirs = {
    fast: fastDir,
    best_int: bestDir,
    fast_relaxed: fastDir,
    best_int_relaxed: bestDir,
  };
  const engines: Partial<Record<Exclude<Side, 'native'>, TesseractEngine>> = {};
  // Plain-SIMD engines start before relaxed SIMD is turned on (it cannot be turned off): each
  // tesseract.js worker thread picks its core when it starts.
  const sorted = [...SIDES].sort(
    (a, b) => Number(a.endsWith('_relaxed')) - Number(b.endsWith('_relaxed')),
  );
  for (const side of sorted) {
    process.env.FOLIO_WASM_RELAXED_SIMD = side.endsWith('_relaxed') ? '1' : '0';
    if (side.endsWith('_relaxed') !== enableRelaxedSimd() && side !== 'native') {
      throw new Error(
        `cannot run ${side}: relaxed SIMD is ${relaxedSimdAvailable() ? 'on' : 'off'}`,
      );
    }
    if (side !== 'native') {
      engines[side] = await TesseractEngine.start({
        languages: [{ code: 'eng', dir: modelDirs[side] }],
      });
    }
  }
  const results = [];
  try {
    for (const doc of docs) {
      const pages = await pagesOf(doc, tmp);
      const cpu = Object.fromEntries(
        SIDES.map((side) => [side, [] as never[]]),
      ) as unknown as Record<Side, number[]>;
      const seconds = Object.fromEntries(
        SIDES.map((side) => [side, [] as never[]]),
      ) as unknown as Record<Side, number[]>;
      const texts = Object.fromEntries(
        SIDES.map((side) => [side, [] as never[]]),
      ) as unknown as Record<Side, string[]>;
      const confidence = Object.fromEntries(
        SIDES.map((side) => [side, [] as never[]]),
      ) as unknown as Record<Side, number[]>;
      for (let r = 0; r < repeat; r++) {
        let total = Object.fromEntries(SIDES.map((side) => [side, 0])) as Record<Side, number>;
        const cpuTotal = Object.fromEntries(SIDES.map((side) => [side, 0])) as Record<Side, number>;
        for (const pgm of pages) {
          const bytes = readFileSync(pgm);
          // Alternate which side goes first so neither always meets the same load.
          const order = r % 2 === 0 ? SIDES : [...SIDES].reverse();
          for (const side of order) {
            const started = performance.now();
            // CPU, steadier than wall on a loaded machine: the native tool's from cutime, this
            // process's (the tesseract.js thread included) for the wasm engines, which run one
            // at a time.
            const cpuBefore = side === 'native' ? childCpuSeconds() : processCpuSeconds();
            let text: string;
            if (side === 'native') text = nativeRead(pgm);
            else {
              const page = await (engines[side] as TesseractEngine).recognize(bytes);
              text = textOf(page);
              if (r === 0) confidence[side].push(page.confidence);
            }
            total = { ...total, [side]: total[side] + (performance.now() - started) / 1000 };
            cpuTotal[side] +=
              (side === 'native' ? childCpuSeconds() : processCpuSeconds()) - cpuBefore;
            if (r === 0) texts[side].push(text);
          }
        }
        for (const side of SIDES) {
          seconds[side].push(total[side] / pages.length);
          cpu[side].push(cpuTotal[side] / pages.length);
        }
      }
      const truth =
        doc.truth && existsSync(doc.truth) ? readFileSync(doc.truth, 'utf8') : undefined;
      const score = Object.fromEntries(
        SIDES.map((side) => [
          side,
          truth === undefined
            ? undefined
            : bagOfWords(normalizeForScore(texts[side].join('\n')), normalizeForScore(truth)),
        ]),
      );
      const row = {
        name: doc.name,
        kind: doc.kind,
        pages: pages.length,
        seconds,
        cpu,
        confidence,
        score,
      };
      results.push(row);
      const fmt = (s: Side) =>
        `${s} ${seconds[s].map((v) => v.toFixed(2)).join('/')}s cpu ${cpu[s].map((v) => v.toFixed(2)).join('/')}` +
        (score[s]
          ? ` r${(score[s].recall * 100).toFixed(1)} p${(score[s].precision * 100).toFixed(1)}`
          : '') +
        (confidence[s as 'fast']?.length
          ? ` c${confidence[s as 'fast'].map((c) => c.toFixed(0)).join(',')}`
          : '');
      console.log(`${doc.name} (${pages.length}p): ${SIDES.map(fmt).join(' | ')}`);
      for (const pgm of pages) rmSync(pgm);
    }
  } finally {
    for (const engine of Object.values(engines)) await engine.terminate();
    rmSync(tmp, { recursive: true, force: true });
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        corpus,
        repeat,
        sides: SIDES,
        execArgv: process.execArgv,
        load: os.loadavg(),
        results,
      },
      null,
      2,
    ),
  );
  console.log(`wrote ${outFile}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
