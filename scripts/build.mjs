// Builds the four entry points with esbuild and copies the runtime assets that must ship beside
// the bundle (pdfjs standard fonts, cmaps, wasm decoders, ICC profiles): nothing is fetched at run time.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
// `--outdir DIR` builds elsewhere (inside the project, so bare imports resolve from node_modules):
// a benchmark can keep its own bundle while someone else rebuilds dist/.
const outdirFlag = process.argv.indexOf('--outdir');
const dist = outdirFlag > 0 ? path.resolve(process.argv[outdirFlag + 1]) : path.join(root, 'dist');
const watch = process.argv.includes('--watch');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

// Node-side entries are ESM because pdfjs-dist is ESM-only; libraries stay in node_modules
// (shipped in the .vsix) so their own files (wasm, models, native binaries) resolve normally.
const nodeEntries = {
  cli: 'src/cli/main.ts',
  child: 'src/workers/child/child-main.ts',
  'pool-worker': 'src/workers/thread/pool-worker.ts',
};

await Promise.all([
  build({
    ...common,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: dist,
    format: 'cjs',
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: nodeEntries,
    outdir: dist,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // Shared chunks keep lazy imports lazy: a pool thread starts without loading every
    // extractor's libraries (mammoth, exceljs, tesseract), which cost ~1 s per thread start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);

const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
for (const dir of ['standard_fonts', 'cmaps', 'wasm', 'iccs']) {
  cpSync(path.join(pdfjsRoot, dir), path.join(dist, 'pdfjs', dir), { recursive: true });
}
if (watch) console.log('watch mode is not supported; rerun npm run build');
