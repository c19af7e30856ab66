// The least any pdfjs-based extractor can spend on a text layer, beside pdftotext on the same
// files: pdfjs loaded and configured as Folio loads it (load-pdfjs.ts), each page's
// getTextContent and nothing else (no layout, tables, normalization, output). Folio's extractor
// cannot get below this floor while it reads text with pdfjs-dist, so the floor ÷ pdftotext ratio
// says how close to the native tools the pdf-text kind can come at all. CPU time is the figure
// (pdftotext's is read with /usr/bin/time, process start included, as the native bench pays it);
// repeats after the first show the warm cost a pool thread pays.
//   node --import tsx scripts/bench/pdf-engine-floor.ts --folder DIR [--kind pdf-text] [--repeat N]
//     [--out FILE]
// `--kind` picks the files of that type from the folder's manifest.tsv (../shared/corpus/real) or,
// without one, those named `<kind>-…` (the generated batch); without it every PDF is read.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadPdfjs, textLayerOptions } from '../../src/workers/extractors/pdf/load-pdfjs';
import { projectRoot } from '../../tests/support/paths';

interface FileRow {
  file: string;
  pages: number;
  chars: number;
  /** pdfjs CPU ms, one figure per repeat. */
  pdfjsCpuMs: number[];
  /** pdftotext CPU ms (user + system), one figure per repeat. */
  nativeCpuMs: number[];
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function pdfjsText(file: string): Promise<{ pages: number; chars: number; cpuMs: number }> {
  const pdfjs = await loadPdfjs();
  const bytes = readFileSync(file);
  const start = process.cpuUsage();
  let pages = 0;
  let chars = 0;
  const task = pdfjs.getDocument(
    textLayerOptions(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), undefined),
  );
  try {
    const doc = await task.promise;
    pages = doc.numPages;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) chars += item.str.length;
      page.cleanup();
    }
  } catch {
    chars = -1;
  } finally {
    await task.destroy().catch(() => undefined);
  }
  return { pages, chars, cpuMs: cpuMsSince(start) };
}

function nativeCpuMs(file: string, timing: string): number {
  try {
    execFileSync('/usr/bin/time', ['-f', '%U %S', '-o', timing, 'pdftotext', file, '-'], {
      stdio: 'ignore',
    });
  } catch {
    // A file pdftotext fails on still took the time GNU time wrote down.
  }
  const [user, system] = readFileSync(timing, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return ((user ?? 0) + (system ?? 0)) * 1000;
}

function pdfFiles(folder: string, kind: string | undefined): string[] {
  const pdfs = readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.pdf'));
  if (!kind) return pdfs.sort();
  const manifest = path.join(folder, 'manifest.tsv');
  if (!existsSync(manifest)) return pdfs.filter((f) => f.startsWith(`${kind}-`)).sort();
  const ofKind = new Set(
    readFileSync(manifest, 'utf8')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cols) => cols[1] === kind)
      .map((cols) => cols[0]),
  );
  return pdfs.filter((f) => ofKind.has(f)).sort();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      folder: { type: 'string' },
      kind: { type: 'string' },
      repeat: { type: 'string', default: '2' },
      out: { type: 'string' },
    },
  });
  if (!values.folder) throw new Error('--folder DIR is required');
  if (!existsSync('/usr/bin/time')) throw new Error('needs GNU time at /usr/bin/time');
  const folder = path.resolve(values.folder);
  const repeat = Math.max(1, Number(values.repeat));
  const rows: FileRow[] = pdfFiles(folder, values.kind).map((file) => ({
    file,
    pages: 0,
    chars: 0,
    pdfjsCpuMs: [],
    nativeCpuMs: [],
  }));
  const timing = path.join(os.tmpdir(), `pdf-engine-floor-${process.pid}.txt`);
  await loadPdfjs();
  for (let r = 0; r < repeat; r++) {
    for (const row of rows) {
      const file = path.join(folder, row.file);
      const read = await pdfjsText(file);
      row.pages = read.pages;
      row.chars = read.chars;
      row.pdfjsCpuMs.push(Math.round(read.cpuMs));
      row.nativeCpuMs.push(Math.round(nativeCpuMs(file, timing)));
    }
  }
  const sum = (key: 'pdfjsCpuMs' | 'nativeCpuMs', i: number) =>
    rows.reduce((n, row) => n + (row[key][i] ?? 0), 0);
  const totals = Array.from({ length: repeat }, (_, i) => ({
    pdfjsCpuMs: sum('pdfjsCpuMs', i),
    nativeCpuMs: sum('nativeCpuMs', i),
    ratio: Math.round((sum('pdfjsCpuMs', i) / Math.max(1, sum('nativeCpuMs', i))) * 100) / 100,
  }));
  const pages = rows.reduce((n, row) => n + row.pages, 0);
  for (const [i, t] of totals.entries()) {
    console.log(
      `repeat ${i + 1}: ${rows.length} files, ${pages} pages; pdfjs floor ${t.pdfjsCpuMs} ms CPU, pdftotext ${t.nativeCpuMs} ms CPU: ${t.ratio}x`,
    );
  }
  const result = {
    when: new Date().toISOString(),
    folder,
    repeat,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    pages,
    totals,
    files: rows,
  };
  const out = path.resolve(
    values.out ?? path.join(projectRoot, 'bench', 'results', 'pdf-engine-floor.json'),
  );
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${path.relative(projectRoot, out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
