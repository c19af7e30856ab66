// The baseline the benchmark compares Folio with: what a shell script of native tools does with
// the same folder. Per file one tool chain (pdftotext; pdftoppm -r 300 + tesseract when a PDF has
// under 20 text characters a page; tesseract on images; pandoc on DOCX; xlsx2csv on XLSX), two
// files at a time, each output written under `out/`, and a run report in Folio's shape so the
// same scorer and the same per-kind figures apply to both. Bench-only: Folio never calls these.
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { FileReport, RunReport } from '../../src/shared/report';

/** Which tool chain a file gets, by extension (Folio's supported set); undefined: skipped. */
export type NativeChain = 'pdf' | 'image' | 'docx' | 'xlsx';

const CHAIN_BY_EXTENSION: Record<string, NativeChain> = {
  '.pdf': 'pdf',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
  '.bmp': 'image',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
};

export function chainFor(rel: string): NativeChain | undefined {
  return CHAIN_BY_EXTENSION[path.extname(rel).toLowerCase()];
}

/** The rule: a PDF whose text layer has under this many characters a page is OCR'd. */
export const OCR_CHARS_PER_PAGE = 20;

/** Pages of pdftotext (or tesseract) output: both end every page with a form feed. */
export function pagesOfText(text: string): number {
  return text.split('\f').length - 1;
}

export function needsOcr(text: string): boolean {
  const pages = Math.max(1, pagesOfText(text));
  return text.replace(/\s+/g, '').length / pages < OCR_CHARS_PER_PAGE;
}

/** What one file's tool chain did, before it becomes a report row. */
export interface NativeFileResult {
  rel: string;
  chain: NativeChain | undefined;
  ok: boolean;
  ms: number;
  pages?: number;
  ocrPages?: number;
  chars?: number;
  output?: string;
  /** The failing tool's first stderr line. */
  error?: string;
}

const REPORT_KIND: Record<NativeChain, FileReport['kind']> = {
  pdf: 'pdf',
  image: 'image',
  docx: 'docx',
  xlsx: 'xlsx',
};

/** Folio's codes for the failures a script can tell apart from a tool's message. */
export function failureCode(error: string | undefined): 'ENCRYPTED' | 'CORRUPT' {
  return /password|encrypt/i.test(error ?? '') ? 'ENCRYPTED' : 'CORRUPT';
}

export function nativeFileReport(r: NativeFileResult): FileReport {
  if (r.chain === undefined) {
    return { path: r.rel, kind: 'unknown', status: 'skipped', code: 'UNSUPPORTED_TYPE', ms: 0 };
  }
  const base: FileReport = { path: r.rel, kind: REPORT_KIND[r.chain], status: 'ok', ms: r.ms };
  if (!r.ok) return { ...base, status: 'failed', code: failureCode(r.error), message: r.error };
  return {
    ...base,
    ...(r.pages !== undefined ? { pages: r.pages } : {}),
    ...(r.ocrPages !== undefined ? { ocrPages: r.ocrPages } : {}),
    ...(r.chars !== undefined ? { chars: r.chars } : {}),
    ...(r.output !== undefined ? { output: r.output } : {}),
  };
}

export function nativeReport(
  results: NativeFileResult[],
  meta: {
    input: string;
    startedAt: Date;
    wallMs: number;
    peakRssMb: number;
    jobs: number;
    version: string;
  },
): RunReport {
  const files = results
    .map(nativeFileReport)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const count = (s: FileReport['status']) => files.filter((f) => f.status === s).length;
  const processed = files.length - count('skipped');
  return {
    tool: { name: 'native-tools', version: meta.version },
    startedAt: meta.startedAt.toISOString(),
    finishedAt: new Date(meta.startedAt.getTime() + meta.wallMs).toISOString(),
    input: meta.input,
    totals: {
      files: files.length,
      ok: count('ok'),
      partial: count('partial'),
      failed: count('failed'),
      skipped: count('skipped'),
      wallMs: meta.wallMs,
      filesPerMin: meta.wallMs > 0 ? (processed / meta.wallMs) * 60_000 : 0,
      peakRssMb: Math.round(meta.peakRssMb),
    },
    files,
    workers: meta.jobs,
  };
}

/** Every file under `root` except in hidden folders (as Folio walks), relative, sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

interface ToolResult {
  code: number | null;
  stderr: string;
}

/** Runs one tool; `stdoutFile` takes its standard output (xlsx2csv, tesseract to stdout). */
function tool(command: string, args: string[], stdoutFile?: string): Promise<ToolResult> {
  const fd = stdoutFile ? openSync(stdoutFile, 'w') : undefined;
  return new Promise((resolve) => {
    // One thread per tesseract: with OpenMP's default two threads on two cores and two jobs,
    // tesseract is about 3x slower (the shared README's measurement).
    const child = spawn(command, args, {
      stdio: ['ignore', fd ?? 'ignore', 'pipe'],
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const done = (code: number | null) => {
      if (fd !== undefined) closeSync(fd);
      resolve({ code, stderr });
    };
    child.on('error', (e) => {
      stderr += e.message;
      done(null);
    });
    child.on('close', done);
  });
}

const firstLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0) ?? 'failed';

async function runPdf(
  abs: string,
  outBase: string,
  scratch: string,
): Promise<Omit<NativeFileResult, 'rel' | 'chain' | 'ms'>> {
  const output = `${outBase}.txt`;
  const text = await tool('pdftotext', ['-enc', 'UTF-8', abs, output]);
  if (text.code !== 0) return { ok: false, error: firstLine(text.stderr) };
  const layer = readFileSync(output, 'utf8');
  const pages = pagesOfText(layer);
  if (!needsOcr(layer)) return { ok: true, pages, ocrPages: 0, chars: layer.length, output };
  const dir = mkdtempSync(path.join(scratch, 'pages-'));
  try {
    const render = await tool('pdftoppm', ['-r', '300', '-gray', abs, path.join(dir, 'p')]);
    if (render.code !== 0) return { ok: false, error: firstLine(render.stderr) };
    const images = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const texts: string[] = [];
    for (const image of images) {
      const pageText = path.join(dir, `${image}.txt`);
      const ocr = await tool('tesseract', [path.join(dir, image), 'stdout', '-l', 'eng'], pageText);
      if (ocr.code !== 0) return { ok: false, error: firstLine(ocr.stderr) };
      texts.push(readFileSync(pageText, 'utf8'));
    }
    const joined = texts.join('');
    writeFileSync(output, joined);
    return {
      ok: true,
      pages: images.length,
      ocrPages: images.length,
      chars: joined.length,
      output,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runImage(
  abs: string,
  outBase: string,
): Promise<Omit<NativeFileResult, 'rel' | 'chain' | 'ms'>> {
  // tesseract appends .txt itself and reads every frame of a multi-page TIFF.
  const r = await tool('tesseract', [abs, outBase, '-l', 'eng']);
  if (r.code !== 0) return { ok: false, error: firstLine(r.stderr) };
  const output = `${outBase}.txt`;
  const text = readFileSync(output, 'utf8');
  const pages = Math.max(1, pagesOfText(text));
  return { ok: true, pages, ocrPages: pages, chars: text.length, output };
}

async function runDocx(
  abs: string,
  outBase: string,
): Promise<Omit<NativeFileResult, 'rel' | 'chain' | 'ms'>> {
  const output = `${outBase}.md`;
  // GitHub Markdown like Folio's output (pipe tables); no re-wrapping of paragraphs.
  const r = await tool('pandoc', ['-f', 'docx', '-t', 'gfm', '--wrap=none', '-o', output, abs]);
  if (r.code !== 0) return { ok: false, error: firstLine(r.stderr) };
  return { ok: true, chars: readFileSync(output, 'utf8').length, output };
}

async function runXlsx(
  abs: string,
  outBase: string,
): Promise<Omit<NativeFileResult, 'rel' | 'chain' | 'ms'>> {
  const output = `${outBase}.tsv`;
  // Every sheet; tab-separated so that a word-level scorer sees cells as words, as it does in
  // Folio's pipe tables (commas would glue a row into one "word").
  const r = await tool('xlsx2csv', ['-a', '-d', 'tab', abs], output);
  if (r.code !== 0) return { ok: false, error: firstLine(r.stderr) };
  return { ok: true, chars: readFileSync(output, 'utf8').length, output };
}

async function runOne(
  rel: string,
  input: string,
  out: string,
  scratch: string,
): Promise<NativeFileResult> {
  const chain = chainFor(rel);
  if (chain === undefined) return { rel, chain, ok: true, ms: 0 };
  const abs = path.join(input, rel);
  const outBase = path.join(out, rel);
  mkdirSync(path.dirname(outBase), { recursive: true });
  const started = performance.now();
  const result =
    chain === 'pdf'
      ? await runPdf(abs, outBase, scratch)
      : chain === 'image'
        ? await runImage(abs, outBase)
        : chain === 'docx'
          ? await runDocx(abs, outBase)
          : await runXlsx(abs, outBase);
  return { rel, chain, ms: Math.round(performance.now() - started), ...result };
}

/**
 * Runs the native tools over every file of `input`, `jobs` files at a time (the order of the
 * listing, like `xargs -P`), writing outputs under `out`. Returns per-file results and the wall.
 */
export async function runNativeTools(options: {
  input: string;
  out: string;
  jobs?: number;
  onFile?: (r: NativeFileResult) => void;
}): Promise<{ results: NativeFileResult[]; wallMs: number; startedAt: Date }> {
  const { input, out } = options;
  const jobs = Math.max(1, options.jobs ?? 2);
  mkdirSync(out, { recursive: true });
  const scratch = mkdtempSync(path.join(out, '.native-'));
  const files = listFiles(input);
  const results: NativeFileResult[] = [];
  const startedAt = new Date();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const rel = files[next++];
      const r = await runOne(rel, input, out, scratch);
      results.push(r);
      options.onFile?.(r);
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { results, wallMs: Math.round(performance.now() - started), startedAt };
}
