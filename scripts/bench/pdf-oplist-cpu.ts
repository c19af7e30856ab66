// CPU of building every page's operator list on pdfjs documents opened as the text layer's is
// (textLayerOptions) and the same with pdfjs's Node default of glyph outlines built
// (disableFontFace: true), alternating per file so that both sides see the same load. Isolates
// what the text layer's undrawn fonts (font-rule-sink.ts) save, which a whole-extractor run on a
// shared machine cannot resolve.
//   node --import tsx scripts/bench/pdf-oplist-cpu.ts --folder DIR [--folder DIR…] [--repeat N]
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import { loadPdfjs, textLayerOptions } from '../../src/workers/extractors/pdf/load-pdfjs';

const VARIANTS: Record<string, (data: Uint8Array) => DocumentInitParameters> = {
  'outlines built': (data) => ({
    ...textLayerOptions(data, undefined),
    disableFontFace: true,
    ownerDocument: undefined,
  }),
  'text layer (no outlines)': (data) => textLayerOptions(data, undefined),
};

async function listsCpuMs(file: string, options: (data: Uint8Array) => DocumentInitParameters) {
  const pdfjs = await loadPdfjs();
  const cpu = process.cpuUsage();
  const doc = await pdfjs.getDocument(options(new Uint8Array(readFileSync(file)))).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getOperatorList().catch(() => undefined);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      folder: { type: 'string', multiple: true },
      repeat: { type: 'string', default: '3' },
    },
  });
  const folders = (values.folder ?? []).map((f) => path.resolve(f));
  if (folders.length === 0) throw new Error('--folder DIR is required');
  for (const folder of folders) {
    const files = readdirSync(folder)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort()
      .map((f) => path.join(folder, f));
    const totals = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, [] as number[]]));
    for (let r = 0; r < Number(values.repeat); r++) {
      const sums = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, 0]));
      for (const [i, file] of files.entries()) {
        // Alternate which variant goes first, so neither always runs on a warmer JIT.
        const order = Object.keys(VARIANTS);
        if ((i + r) % 2) order.reverse();
        for (const k of order) sums[k] += await listsCpuMs(file, VARIANTS[k]);
      }
      for (const k of Object.keys(VARIANTS)) totals[k].push(Math.round(sums[k]));
    }
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    for (const [k, ms] of Object.entries(totals))
      console.log(`${folder}: ${files.length} files, ${k}: CPU ms ${ms.join(', ')} (load ${load})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
