// Checks a packaged .vsix carries what Folio needs offline: the four bundles, pdfjs assets, the
// OCR models, tesseract's wasm core and the native canvas binary. CI runs it after `npm run package`,
// because a .vsix that installs but cannot extract is how a reviewer would find out otherwise.
// Usage: node scripts/check-vsix.mjs [file.vsix]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';

const file = process.argv[2] ?? 'folio-linux-x64.vsix';
// Every OCR language the folio.ocr.languages setting offers must ship: a reviewer who picks one
// has no way to download it.
const manifest = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'),
);
const offeredLanguages =
  manifest.contributes.configuration.properties['folio.ocr.languages'].items.enum;
const languageModels = offeredLanguages.map(
  (code) =>
    new RegExp(
      `^extension/node_modules/@tesseract\\.js-data/${code}/.*${code}\\.traineddata\\.gz$`,
    ),
);
const required = [
  /^extension\/dist\/extension\.js$/,
  /^extension\/dist\/cli\.mjs$/,
  /^extension\/dist\/child\.mjs$/,
  /^extension\/dist\/pool-worker\.mjs$/,
  // The queue worker's child and the coordinator's planner, and the queue library they load.
  /^extension\/dist\/queue-child\.mjs$/,
  /^extension\/dist\/queue-planner\.mjs$/,
  /^extension\/node_modules\/bullmq\/package\.json$/,
  /^extension\/node_modules\/ioredis\/package\.json$/,
  /^extension\/dist\/pdfjs\/standard_fonts\//,
  /^extension\/dist\/pdfjs\/cmaps\//,
  /^extension\/dist\/pdfjs\/wasm\/openjpeg\.wasm$/,
  ...languageModels,
  /^extension\/node_modules\/@tesseract\.js-data\/osd\/.*osd\.traineddata\.gz$/,
  /^extension\/node_modules\/tesseract\.js-core\/.*\.wasm(\.js)?$/,
  // The fast model Folio reads pages with first (vendored), and the relaxed-SIMD cores that
  // tesseract.js picks where the runtime has relaxed SIMD (Electron; Node 20 once Folio enables it).
  /^extension\/media\/tessdata\/eng-fast\/eng\.traineddata\.gz$/,
  /^extension\/node_modules\/tesseract\.js-core\/tesseract-core-relaxedsimd-lstm\.wasm$/,
  /^extension\/node_modules\/tesseract\.js-core\/tesseract-core-relaxedsimd\.wasm$/,
  /^extension\/node_modules\/@napi-rs\/canvas-linux-x64-gnu\/.*\.node$/,
  /^extension\/package\.json$/,
];
// Test-only code must never ship, nor the legacy tesseract models Folio never loads (it reads
// 4.0.0_best_int only).
const forbidden = [
  /^extension\/(src|tests|fixtures|scripts)\//,
  /\.map$/,
  /^extension\/node_modules\/@tesseract\.js-data\/[^/]+\/4\.0\.0\//,
];

const names = await new Promise((resolve, reject) => {
  yauzl.open(file, { lazyEntries: true }, (error, zip) => {
    if (error) return reject(error);
    const found = [];
    zip.on('entry', (entry) => {
      found.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
});
const missing = required.filter((re) => !names.some((n) => re.test(n)));
const shipped = names.filter((n) => forbidden.some((re) => re.test(n)));
if (missing.length > 0 || shipped.length > 0) {
  for (const re of missing) console.error(`missing from ${file}: ${re}`);
  for (const n of shipped.slice(0, 20)) console.error(`must not ship: ${n}`);
  process.exit(1);
}
console.log(`${file}: ${names.length} entries, all ${required.length} required assets present`);
