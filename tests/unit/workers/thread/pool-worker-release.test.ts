// A pool thread told that its task read a huge page (releaseOcrAfter) drops its OCR engine and,
// its heap having grown, exits once idle so piscina starts a fresh one; without the flag (and
// below its heap bound) the same thread stays for the next task.
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { commonOptions, nodeOptions } from '../../../../scripts/build-entries.mjs';
import { projectRoot } from '../../../support/paths';

/** The worker bundled like the product's threads (worker threads do not get tsx's loader). */
async function bundle(): Promise<string> {
  const dir = path.join(
    projectRoot,
    'node_modules',
    '.cache',
    'folio-test',
    `release-${process.pid}`,
  );
  await build({
    ...commonOptions,
    ...nodeOptions,
    entryPoints: { 'release-worker': 'tests/support/release-worker.ts' },
    outdir: dir,
    logLevel: 'error',
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'release-worker.mjs');
}

/** 'exited' when the thread ends on its own within `ms` of its task, else 'alive'. */
function afterTask(script: string, release: boolean, ms: number): Promise<'exited' | 'alive'> {
  const worker = new Worker(script, { workerData: { release } });
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve('exited') : reject(new Error(`exit ${code}`)),
    );
    worker.on('message', () => {
      setTimeout(() => {
        resolve('alive');
        void worker.terminate();
      }, ms);
    });
  });
}

test('a thread whose task read a huge page is recycled after it; otherwise it stays', async () => {
  const script = await bundle();
  assert.equal(await afterTask(script, true, 3000), 'exited');
  assert.equal(await afterTask(script, false, 1500), 'alive');
});
