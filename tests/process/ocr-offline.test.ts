// Proof that a full OCR run never touches the network nor writes model caches: a child process
// runs the image extractor with real tesseract.js under the no-network preload (every net, tls,
// http(s), dns, fetch and WebSocket entry point throws and is logged, in every thread, including
// the thread tesseract.js starts), from an empty working directory that must stay empty
// (tesseract.js's default cache writes `eng.traineddata` there).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { projectRoot, sampleDir } from '../support/paths';

const run = promisify(execFile);
const work = mkdtempSync(path.join(os.tmpdir(), 'folio-ocr-offline-'));
after(() => rmSync(work, { recursive: true, force: true }));

// Loaded with --require before anything else: records every thread the run starts, so the test
// can check that the guard loaded in each of them.
const threadSpy = `
const workerThreads = require('node:worker_threads');
const Original = workerThreads.Worker;
globalThis.spawnedThreads = [];
workerThreads.Worker = class extends Original {
  constructor(...args) { super(...args); globalThis.spawnedThreads.push(this.threadId); }
};
`;

const src = (p: string) => path.join(projectRoot, 'src', p);
const script = `
const spawned = (globalThis as { spawnedThreads?: number[] }).spawnedThreads ?? [];
const { createOcrService } = await import(${JSON.stringify(src('workers/ocr/ocr-service.ts'))});
const { extractImage } = await import(${JSON.stringify(src('workers/extractors/image/extract-image.ts'))});
const { detectType } = await import(${JSON.stringify(src('workers/engine/detect-type.ts'))});
const { defaultExtractOptions } = await import(${JSON.stringify(src('shared/options.ts'))});
const file = ${JSON.stringify(path.join(sampleDir, 'receipt-scan.png'))};
const ocr = createOcrService({ languages: ['eng'] });
const doc = await extractImage(
  { path: file, size: 0, type: await detectType(file, file) },
  { options: defaultExtractOptions, ocr },
);
await ocr.terminate();
console.log(JSON.stringify({ spawned, text: doc.blocks.map((b) => b.text ?? '').join(' ') }));
`;

test('a full OCR run opens no network connection and writes nothing to the working directory', async () => {
  const scriptFile = path.join(work, 'run-ocr.ts');
  // Bundled to plain JS so the child runs without tsx (whose IPC pipe would show up as a
  // connection attempt); placed under node_modules so the external packages resolve.
  const bundle = path.join(projectRoot, 'node_modules', '.cache', 'folio-tests', 'ocr-offline.mjs');
  const cwd = path.join(work, 'cwd');
  const log = path.join(work, 'net.log');
  const spyFile = path.join(work, 'thread-spy.cjs');
  writeFileSync(spyFile, threadSpy);
  writeFileSync(scriptFile, script);
  await build({
    entryPoints: [scriptFile],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd);
  const preload = path.join(projectRoot, 'tests', 'support', 'no-network.cjs');
  const { stdout } = await run(process.execPath, ['--require', spyFile, bundle], {
    cwd,
    env: {
      ...process.env,
      // NODE_OPTIONS, not argv: Node applies it to every worker thread as well.
      NODE_OPTIONS: `--require ${preload}`,
      FOLIO_NET_LOG: log,
    },
    maxBuffer: 8 * 1024 * 1024,
  });
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
    spawned: number[];
    text: string;
  };
  // The run really recognized the page...
  assert.match(result.text, /accrued expenses/);
  // ...with the guard active in the main thread and in every thread started along the way...
  assert.ok(existsSync(log), 'the preload did not run');
  const events = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; threadId: number; api?: string });
  const guarded = new Set(events.filter((e) => e.event === 'loaded').map((e) => e.threadId));
  assert.ok(guarded.has(0), 'guard missing in the main thread');
  assert.ok(result.spawned.length >= 1, 'tesseract.js started no thread');
  for (const id of result.spawned) assert.ok(guarded.has(id), `guard missing in thread ${id}`);
  // ...and nothing tried to connect, and no model cache was written.
  assert.deepEqual(
    events.filter((e) => e.event === 'attempt'),
    [],
  );
  assert.deepEqual(readdirSync(cwd), []);
});
