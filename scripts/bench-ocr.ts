// OCR benchmark (not a test): seconds per OCR page, CPU seconds per page, stage timings and
// peak RSS for a naive set-up and for Folio's, on the same pages, with the accuracy each keeps.
// Each configuration runs in its own child process so its peak RSS is its own.
//
//   npm run bench:ocr                 # all configurations, writes bench/results/ocr.json
//   npm run bench:ocr -- --repeat 2   # each configuration twice (the machine is noisy)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { OcrPageResult } from '../src/workers/engine/types';
import { decodeFrames } from '../src/workers/extractors/image/decode-image';
import {
  createOcrService,
  type OcrServiceOptions,
  type OcrTiming,
} from '../src/workers/ocr/ocr-service';
import type { GrayImage } from '../src/workers/ocr/raster';
import { lineOrderTolerantCer } from '../tests/support/ocr-text-compare';
import { projectRoot, realCorpusDir, sampleDir } from '../tests/support/paths';
import { characterErrorRate } from '../tests/support/text-compare';

interface PageCase {
  name: string;
  file: string;
  expected: string;
  /** How to score: plain CER, or line-order-tolerant for multi-zone pages. */
  score: 'cer' | 'lines';
}

function pages(): PageCase[] {
  const list: PageCase[] = [
    {
      name: 'receipt-scan.png (generated, 300 dpi)',
      file: path.join(sampleDir, 'receipt-scan.png'),
      expected: path.join(projectRoot, 'fixtures', 'sample-expected', 'receipt-scan.png.txt'),
      score: 'cer',
    },
    {
      name: 'bank-confirmation-scan.pdf (generated, rendered 300 dpi)',
      file: path.join(sampleDir, 'bank-confirmation-scan.pdf'),
      expected: path.join(
        projectRoot,
        'fixtures',
        'sample-expected',
        'bank-confirmation-scan.pdf.txt',
      ),
      score: 'cer',
    },
  ];
  if (existsSync(realCorpusDir)) {
    list.push(
      {
        name: 'tesstest 8087_054.3B.tif (UNLV, dense 300 dpi)',
        file: path.join(realCorpusDir, 'tesstest__8087_054.3B.tif'),
        expected: path.join(realCorpusDir, 'groundtruth', 'tesstest__8087_054.3B.tif.gt.txt'),
        score: 'lines',
      },
      {
        name: 'tesstest phototest-rotated-180.png',
        file: path.join(realCorpusDir, 'tesstest__phototest-rotated-180.png'),
        expected: path.join(
          realCorpusDir,
          'groundtruth',
          'tesstest__phototest-rotated-180.png.gt.txt',
        ),
        score: 'cer',
      },
    );
  }
  return list;
}

/** What a first implementation does: hand tesseract a PNG of the page. */
function encodePngOfGray(image: GrayImage): Uint8Array {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(image.width, image.height);
  for (let i = 0; i < image.width * image.height; i++) {
    const v = image.data[i];
    pixels.data.set([v, v, v, 255], i * 4);
  }
  context.putImageData(pixels, 0, 0);
  return canvas.toBuffer('image/png');
}

const configs: Record<string, { label: string; options: Partial<OcrServiceOptions> }> = {
  naive: {
    label: 'naive: PDF pages rendered, PNG hand-off, LSTM core, no orientation, no retries',
    options: {
      encodeImage: encodePngOfGray,
      detectOrientation: false,
      retryBelowConfidence: 0,
      scanFastPath: false,
    },
  },
  pgm: {
    label: 'scan image taken, gray PGM hand-off, LSTM core, no orientation',
    options: { detectOrientation: false, retryBelowConfidence: 0 },
  },
  folio: {
    label:
      'Folio default: scan image taken, gray PGM, OSD orientation (full core), retries below 60%',
    options: {},
  },
};

interface PageRun {
  page: string;
  wallS: number;
  cpuS: number;
  renderS: number;
  encodeS: number;
  recognizeS: number;
  startS: number;
  confidence: number;
  rotation: number;
  cer: number;
}

async function recognizeFile(
  service: ReturnType<typeof createOcrService>,
  file: string,
): Promise<OcrPageResult> {
  if (file.endsWith('.pdf')) {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({
      data: new Uint8Array(readFileSync(file)),
      isEvalSupported: false,
    }).promise;
    try {
      return await service.recognizePdfPage(await pdf.getPage(1), 1);
    } finally {
      await pdf.destroy();
    }
  }
  const mime = file.endsWith('.png') ? 'image/png' : 'image/tiff';
  for await (const frame of decodeFrames(readFileSync(file), mime)) {
    return service.recognizeImage(frame, 1);
  }
  throw new Error(`no frame in ${file}`);
}

async function runChild(configName: string): Promise<void> {
  let timing: OcrTiming = { renderMs: 0, encodeMs: 0, recognizeMs: 0, startMs: 0 };
  const service = createOcrService({
    languages: ['eng'],
    ...configs[configName].options,
    onTiming: (t) => (timing = t),
  });
  const runs: PageRun[] = [];
  for (const page of pages()) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await recognizeFile(service, page.file);
    const used = process.cpuUsage(cpu);
    const text = result.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    const expected = readFileSync(page.expected, 'utf8');
    runs.push({
      page: page.name,
      wallS: (performance.now() - started) / 1000,
      cpuS: (used.user + used.system) / 1e6,
      renderS: timing.renderMs / 1000,
      encodeS: timing.encodeMs / 1000,
      recognizeS: timing.recognizeMs / 1000,
      startS: timing.startMs / 1000,
      confidence: result.confidence,
      rotation: result.rotation,
      cer:
        page.score === 'lines'
          ? lineOrderTolerantCer(expected, text)
          : characterErrorRate(expected, text),
    });
  }
  await service.terminate();
  // ru_maxrss: the kernel's own peak for this process (all threads), in kilobytes.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ config: configName, runs, peakRssMb }) + '\n');
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

function main(): void {
  const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 1;
  const results: { config: string; runs: PageRun[]; peakRssMb: number }[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const name of Object.keys(configs)) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--child', name], {
        cwd: projectRoot,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      results.push(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
      process.stderr.write(`done: ${name} (run ${r + 1}/${repeat})\n`);
    }
  }
  const summary = Object.keys(configs).map((name) => {
    const mine = results.filter((r) => r.config === name);
    const all = mine.flatMap((r) => r.runs);
    const mean = (f: (p: PageRun) => number) => all.reduce((s, p) => s + f(p), 0) / all.length;
    return {
      config: name,
      label: configs[name].label,
      pagesPerRun: mine[0].runs.length,
      secondsPerPage: round(mean((p) => p.wallS)),
      cpuSecondsPerPage: round(mean((p) => p.cpuS)),
      /** One figure per repeat, to show the spread on a noisy machine. */
      cpuSecondsPerPageByRun: mine.map((r) =>
        round(r.runs.reduce((sum, p) => sum + p.cpuS, 0) / r.runs.length),
      ),
      renderSecondsPerPdfPage: round(
        all.filter((p) => p.renderS > 0).reduce((s, p) => s + p.renderS, 0) /
          Math.max(1, all.filter((p) => p.renderS > 0).length),
      ),
      encodeSecondsPerPage: round(
        mean((p) => p.encodeS),
        3,
      ),
      recognizeSecondsPerPage: round(mean((p) => p.recognizeS)),
      peakRssMb: Math.round(Math.max(...mine.map((r) => r.peakRssMb))),
      perPage: mine[0].runs.map((p) => ({
        page: p.page,
        cer: round(p.cer * 100, 2),
        confidence: p.confidence,
        rotation: p.rotation,
        wallS: round(p.wallS),
        cpuS: round(p.cpuS),
      })),
    };
  });
  const report = {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
      node: process.version,
      loadAverage1m: round(os.loadavg()[0], 1),
    },
    repeat,
    configs: summary,
  };
  mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(projectRoot, 'bench', 'results', 'ocr.json'),
    JSON.stringify(report, null, 2) + '\n',
  );
  console.log(
    `OCR benchmark, ${report.machine.cores} cores, load ${report.machine.loadAverage1m}, ${repeat} run(s)`,
  );
  console.table(
    summary.map((s) => ({
      config: s.config,
      's/page': s.secondsPerPage,
      'cpu s/page': s.cpuSecondsPerPage,
      'render s': s.renderSecondsPerPdfPage,
      'encode s': s.encodeSecondsPerPage,
      'recognize s': s.recognizeSecondsPerPage,
      'peak RSS MB': s.peakRssMb,
    })),
  );
  for (const s of summary) {
    console.log(`\n${s.config}: ${s.label}`);
    console.table(s.perPage);
  }
  console.log('written: bench/results/ocr.json');
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  runChild(process.argv[childAt + 1]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main();
}
