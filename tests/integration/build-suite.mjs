// Compiles the in-host suite (TypeScript) to CommonJS files the extension host can require:
// one file per *.test.ts plus index.js, with `vscode` and `mocha` left external.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const outdir = path.resolve(here, '../../test-output/integration/suite');
rmSync(outdir, { recursive: true, force: true });
const suiteDir = path.join(here, 'suite');
const entryPoints = readdirSync(suiteDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(suiteDir, f));
await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log(`in-host suite compiled to ${outdir}`);
