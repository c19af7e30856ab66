// Relaxed SIMD (the OCR model benchmark's switch): turned on in-process where the runtime has it
// behind a flag, seen by worker threads started afterwards with the same detection tesseract.js
// uses to pick its core, and the relaxed cores are installed (Electron's V8 picks them).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/paths';

const tsx = ['--import', 'tsx'];
const module = path.join(projectRoot, 'scripts/bench/wasm-relaxed-simd.ts');
/** The feature detection tesseract.js's Node worker script runs to pick its core. */
const featureDetect = createRequire(
  createRequire(path.join(projectRoot, 'package.json')).resolve('tesseract.js/package.json'),
).resolve('wasm-feature-detect');

/** Runs a snippet in a fresh Node process (relaxed SIMD cannot be turned off once on). */
function run(code: string, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(process.execPath, [...tsx, '--input-type=module', '-e', code], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

test('enableRelaxedSimd turns it on, and a worker thread started after sees it as tesseract.js does', () => {
  const out = run(`
    import { Worker } from 'node:worker_threads';
    const m = await import(${JSON.stringify(module)});
    const { enableRelaxedSimd, relaxedSimdAvailable } = m.default ?? m;
    const before = relaxedSimdAvailable();
    const on = enableRelaxedSimd();
    const detect = ${JSON.stringify(featureDetect)};
    const code = "Promise.all([import('node:worker_threads'), import(" + JSON.stringify(detect) + ")]).then(([wt, f]) => (f.default ?? f).relaxedSimd().then((r) => wt.parentPort.postMessage(r)))";
    const worker = new Worker(code, { eval: true });
    worker.once('message', (inWorker) => { console.log(JSON.stringify({ before, on, inWorker })); worker.terminate(); });
  `);
  const seen = JSON.parse(out) as { before: boolean; on: boolean; inWorker: boolean };
  assert.equal(seen.on, true);
  assert.equal(seen.inWorker, true, 'tesseract.js in a new thread would pick the relaxed core');
  if (Number(process.versions.node.split('.')[0]) === 20) assert.equal(seen.before, false);
});

test('FOLIO_WASM_RELAXED_SIMD=0 leaves a flag-gated runtime on plain SIMD', () => {
  const out = run(
    `const m = await import(${JSON.stringify(module)}); console.log((m.default ?? m).enableRelaxedSimd());`,
    { FOLIO_WASM_RELAXED_SIMD: '0' },
  );
  const expected = Number(process.versions.node.split('.')[0]) === 20 ? 'false' : 'true';
  assert.equal(out, expected);
});

test('the relaxed-SIMD LSTM and full cores are installed beside the plain ones', () => {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const core = path.dirname(require.resolve('tesseract.js-core/package.json'));
  for (const name of ['tesseract-core-relaxedsimd-lstm', 'tesseract-core-relaxedsimd']) {
    assert.ok(existsSync(path.join(core, `${name}.wasm`)), name);
    assert.ok(existsSync(path.join(core, `${name}.js`)), name);
  }
});
