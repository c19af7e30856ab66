// OCR pass budget benchmark (not a test): named real pages through Folio's OCR service, each
// page's passes (main model, best_int re-reads, OSD asks), CPU and wall seconds, confidence, with
// the fast model (the default) and best_int alone. Configurations alternate per page.
//
//   node --import tsx scripts/bench-ocr-passes.ts [--repeat N] [--out FILE] [file ...]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OcrService } from '../src/workers/engine/types';
import { decodeFrames } from '../src/workers/extractors/image/decode-image';
import { createOcrService, type OcrTiming } from '../src/workers/ocr/ocr-service';
import { fileBudget } from '../src/workers/ocr/page-passes';
import { projectRoot, realCorpusDir } from '../tests/support/paths';

const args = process.argv.slice(2);
const take = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value ?? fallback;
};
const repeat = Number(take('repeat', '1'));
const outFile = path.resolve(take('out', path.join(projectRoot, 'bench/results/ocr-passes.json')));
const files = args.length
  ? args
  : [
      'tesstest__hebtypo.jpg',
      'docling__2206.01062.tif',
      'docling__old_newspaper.png',
      'tesstest__8087_054.3B.tif',
      'tesstest__devatest.png',
      'tesstest__hebrew.png',
      'tesstest__phototest-rotated-180.png',
    ];

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.tif': 'image/tiff',
};

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function readFile(service: OcrService, file: string, timings: OcrTiming[]) {
  const bytes = readFileSync(path.join(realCorpusDir, file));
  const budget = fileBudget();
  const pages = [];
  let page = 0;
  for await (const frame of decodeFrames(bytes, MIME[path.extname(file)])) {
    const cpu = cpuSeconds();
    const wall = performance.now();
    const result = await service.recognizeImage(frame, ++page, undefined, budget);
    pages.push({
      confidence: Math.round(result.confidence),
      words: result.words,
      rotation: result.rotation,
      warnings: (result.warnings ?? []).map((w) => w.code),
      passes: timings.at(-1)?.passes,
      cpuS: cpuSeconds() - cpu,
      wallS: (performance.now() - wall) / 1000,
    });
  }
  return pages;
}

async function main(): Promise<void> {
  const timings: Record<string, OcrTiming[]> = { fast: [], best_int: [] };
  const services: Record<string, OcrService> = {
    fast: createOcrService({ languages: ['eng'], onTiming: (t) => timings.fast.push(t) }),
    best_int: createOcrService({
      languages: ['eng'],
      fastModel: false,
      onTiming: (t) => timings.best_int.push(t),
    }),
  };
  // Warm both (worker start is not what is measured).
  const warm = {
    width: 64,
    height: 64,
    channels: 1 as const,
    data: new Uint8Array(64 * 64).fill(255),
  };
  for (const s of Object.values(services)) await s.recognizeImage(warm, 1);
  const results = [];
  for (const file of files) {
    for (let r = 0; r < repeat; r++) {
      const order = r % 2 === 0 ? ['fast', 'best_int'] : ['best_int', 'fast'];
      for (const config of order) {
        const pages = await readFile(services[config], file, timings[config]);
        results.push({ file, config, repeat: r, pages });
        const sum = (f: (p: (typeof pages)[number]) => number) =>
          pages.reduce((a, p) => a + f(p), 0);
        console.log(
          `${file} ${config} r${r}: cpu ${sum((p) => p.cpuS).toFixed(2)}s wall ${sum((p) => p.wallS).toFixed(2)}s ` +
            pages
              .map(
                (p) =>
                  `[c${p.confidence} w${p.words} rot${p.rotation} main${p.passes?.main} careful${p.passes?.careful} osd${p.passes?.osd}${p.warnings.length ? ' ' + p.warnings.join(',') : ''}]`,
              )
              .join(' '),
        );
      }
    }
  }
  for (const s of Object.values(services)) await s.terminate();
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      { when: new Date().toISOString(), load: os.loadavg(), repeat, results },
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
