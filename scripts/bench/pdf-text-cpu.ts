// The PDF extractor alone, in this process, on folders of text PDFs: wall and CPU ms per file and
// per page, with no pool, child, cache or output around it. On a shared machine the CPU figure is
// the steady one. `--src DIR` measures another source tree (e.g. a `git archive` of an earlier
// commit with node_modules linked in), so before and after run back to back on the same files.
//   node --import tsx scripts/bench/pdf-text-cpu.ts --folder DIR [--folder DIR…] [--src DIR]
//     [--repeat N] [--label NAME] [--out FILE]   (default bench/results/pdftext-cpu-<label>.json)
// OCR is "on" with a stand-in that reads nothing, so pages that would go to OCR are counted
// (ocrPages) without the cost of recognizing them.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExtractOptions } from '../../src/shared/options';
import type { Extractor, OcrPageResult, OcrService } from '../../src/workers/engine/types';
import { projectRoot } from '../../tests/support/paths';

interface FileRow {
  folder: string;
  file: string;
  pages: number;
  ocrPages: number;
  /** One figure per repeat. */
  ms: number[];
  cpuMs: number[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      folder: { type: 'string', multiple: true },
      src: { type: 'string', default: path.join(projectRoot, 'src') },
      repeat: { type: 'string', default: '2' },
      label: { type: 'string', default: 'run' },
      out: { type: 'string' },
    },
  });
  const folders = (values.folder ?? []).map((f) => path.resolve(f));
  if (folders.length === 0) throw new Error('--folder DIR is required');
  const src = path.resolve(values.src);
  const repeat = Math.max(1, Number(values.repeat));
  const { extractPdf } = (await import(
    path.join(src, 'workers/extractors/pdf/extract-pdf.ts')
  )) as { extractPdf: Extractor };
  const { defaultExtractOptions } = (await import(path.join(src, 'shared/options.ts'))) as {
    defaultExtractOptions: ExtractOptions;
  };
  const { loadPdfjs } = (await import(path.join(src, 'workers/extractors/pdf/load-pdfjs.ts'))) as {
    loadPdfjs: () => Promise<unknown>;
  };
  let ocrCalls = 0;
  const reading = async (): Promise<OcrPageResult> => {
    ocrCalls++;
    return { blocks: [], confidence: 0, words: 0, rotation: 0 };
  };
  const ocr: OcrService = {
    recognizeImage: reading,
    recognizePdfPage: reading,
    terminate: async () => undefined,
  };
  // Loading pdfjs is the thread's, not a file's: paid once before the first file.
  const loadStarted = performance.now();
  await loadPdfjs();
  const loadMs = performance.now() - loadStarted;

  const rows: FileRow[] = [];
  for (const folder of folders) {
    for (const file of readdirSync(folder)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort())
      rows.push({ folder, file, pages: 0, ocrPages: 0, ms: [], cpuMs: [] });
  }
  for (let r = 0; r < repeat; r++) {
    for (const row of rows) {
      const filePath = path.join(row.folder, row.file);
      const calls = ocrCalls;
      const started = performance.now();
      const cpu = process.cpuUsage();
      const body = await extractPdf(
        {
          path: filePath,
          size: statSync(filePath).size,
          type: { kind: 'pdf', mime: 'application/pdf' },
        },
        { options: defaultExtractOptions, ocr },
      );
      const used = process.cpuUsage(cpu);
      row.ms.push(Math.round(performance.now() - started));
      row.cpuMs.push(Math.round((used.user + used.system) / 1000));
      row.pages = body.quality.pages;
      row.ocrPages = ocrCalls - calls;
    }
  }
  const totals = folders.map((folder) => {
    const mine = rows.filter((r) => r.folder === folder);
    const pages = mine.reduce((n, r) => n + r.pages, 0);
    const perRepeat = (key: 'ms' | 'cpuMs') =>
      Array.from({ length: repeat }, (_, i) => mine.reduce((n, r) => n + r[key][i], 0));
    return { folder, files: mine.length, pages, ms: perRepeat('ms'), cpuMs: perRepeat('cpuMs') };
  });
  const result = {
    when: new Date().toISOString(),
    label: values.label,
    src,
    repeat,
    loadPdfjsMs: Math.round(loadMs),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    totals,
    files: rows,
  };
  for (const t of totals) {
    const perPage = t.cpuMs.map((ms) => (ms / Math.max(1, t.pages)).toFixed(2)).join(', ');
    console.log(
      `${values.label}: ${t.folder}: ${t.files} files, ${t.pages} pages; CPU ms ${t.cpuMs.join(', ')} (${perPage} a page); wall ms ${t.ms.join(', ')}`,
    );
  }
  const out = path.resolve(
    values.out ?? path.join(projectRoot, 'bench', 'results', `pdftext-cpu-${values.label}.json`),
  );
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${path.relative(projectRoot, out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
