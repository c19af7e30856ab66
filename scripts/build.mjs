// Builds the entry points in build-entries.mjs with esbuild and copies the runtime assets that must
// ship beside the bundle (pdfjs standard fonts, cmaps, wasm decoders, ICC profiles): nothing is
// fetched at run time.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  commonOptions,
  extensionBuild,
  nodeEntries,
  nodeOptions,
  projectRoot as root,
} from './build-entries.mjs';

const require = createRequire(import.meta.url);
// `--outdir DIR` builds elsewhere (inside the project, so bare imports resolve from node_modules):
// a benchmark can keep its own bundle while someone else rebuilds dist/.
const outdirFlag = process.argv.indexOf('--outdir');
const dist = outdirFlag > 0 ? path.resolve(process.argv[outdirFlag + 1]) : path.join(root, 'dist');
const watch = process.argv.includes('--watch');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await Promise.all([
  build({ ...commonOptions, ...extensionBuild, outdir: dist }),
  build({ ...commonOptions, ...nodeOptions, entryPoints: nodeEntries, outdir: dist }),
]);

const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
for (const dir of ['standard_fonts', 'cmaps', 'wasm', 'iccs']) {
  cpSync(path.join(pdfjsRoot, dir), path.join(dist, 'pdfjs', dir), { recursive: true });
}
if (watch) console.log('watch mode is not supported; rerun npm run build');
