// The bundles Folio ships and the esbuild options they share, in one place: scripts/build.mjs
// builds them into dist/, and the process tests' private bundle (tests/support/pool-harness.ts)
// takes the same entries and options instead of keeping a copy that could drift.
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..');

/** Options every bundle uses; entry paths are relative to the project root. */
export const commonOptions = {
  absWorkingDir: projectRoot,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

/** The extension host's entry: CommonJS, with `vscode` provided by the host. */
export const extensionBuild = {
  entryPoints: { extension: 'src/extension/extension.ts' },
  format: 'cjs',
  // BullMQ and its Redis client are loaded only for a queued batch (folio.queue.*), from the
  // node_modules the .vsix ships, instead of being bundled into every activation.
  external: ['vscode', 'bullmq', 'ioredis'],
};

/** The Node-side entries: the CLI, the child process it forks and the pool thread's handler. */
export const nodeEntries = {
  cli: 'src/cli/main.ts',
  child: 'src/workers/child/child-main.ts',
  'pool-worker': 'src/workers/thread/pool-worker.ts',
  // Forked by a queue coordinator (`folio extract --queue`) to walk, hash and answer from the cache.
  'queue-planner': 'src/workers/child/queue-planner-main.ts',
  // Forked by `folio worker`: the child loop with its pool kept across one-file batches.
  'queue-child': 'src/workers/child/queue-child-main.ts',
};

// Node-side entries are ESM because pdfjs-dist is ESM-only; libraries stay in node_modules
// (shipped in the .vsix) so their own files (wasm, models, native binaries) resolve normally.
export const nodeOptions = {
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Shared chunks keep lazy imports lazy: a pool thread starts without loading every
  // extractor's libraries (mammoth, exceljs, tesseract), which cost ~1 s per thread start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
};
