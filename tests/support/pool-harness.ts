// Shared set-up for the batch engine's tests: a private build of the CLI with the fault-injection
// child and pool worker (tests/support/faults; private so a concurrent `npm run build` elsewhere
// cannot pull dist/ from under a running test), a runner for it, and throwaway input folders.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import type { BatchOptions, ExtractOptions } from '../../src/shared/options';
import { defaultBatchOptions, defaultExtractOptions } from '../../src/shared/options';
import type { FileReport, RunReport } from '../../src/shared/report';
import { ChildProcessRunner } from '../../src/runner/child-process-runner';
import type { BatchHandlers } from '../../src/runner/types';
import { commonOptions, nodeEntries, nodeOptions } from '../../scripts/build-entries.mjs';
import { projectRoot } from './paths';

let bundleDir: Promise<string> | undefined;
const cleanups: string[] = [];

after(() => {
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

/** The test entries: the fault child takes the name the CLI forks (`child.mjs` beside it). */
const testEntries = {
  cli: nodeEntries.cli,
  child: 'tests/support/faults/fault-child.ts',
  'fault-pool-worker': 'tests/support/faults/fault-pool-worker.ts',
};

/**
 * Builds the CLI, the fault child and the fault pool worker once per test process, with the
 * product's build options (scripts/build-entries.mjs); returns their folder.
 */
export function testBundle(): Promise<string> {
  bundleDir ??= (async () => {
    // Inside the project so the bundle's bare imports resolve from its node_modules.
    const dir = path.join(projectRoot, 'node_modules', '.cache', 'folio-test', `${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    cleanups.push(dir);
    await build({
      ...commonOptions,
      ...nodeOptions,
      entryPoints: testEntries,
      outdir: dir,
      logLevel: 'error',
    });
    return dir;
  })();
  return bundleDir;
}

/** A runner whose child accepts `*.fault-<kind>` files and runs their faults (support/faults). */
export async function faultRunner(
  options: { cancelGraceMs?: number } = {},
): Promise<ChildProcessRunner> {
  const dir = await testBundle();
  return new ChildProcessRunner({ childScript: path.join(dir, 'child.mjs'), ...options });
}

/** A temporary folder holding `files` (relative path → content); removed after the tests. */
export function tempFolder(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-pool-test-'));
  cleanups.push(root);
  const input = path.join(root, 'input');
  mkdirSync(input);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(input, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return input;
}

export function batchOptions(input: string, overrides: Partial<BatchOptions> = {}): BatchOptions {
  const root = path.dirname(input);
  return {
    ...defaultBatchOptions,
    outDir: path.join(root, 'out'),
    cacheDir: path.join(root, 'cache'),
    workers: 2,
    fileTimeoutSeconds: 5,
    ...overrides,
  };
}

export const noOcr: ExtractOptions = {
  ...defaultExtractOptions,
  ocr: { ...defaultExtractOptions.ocr, enabled: false },
};

/** A fault file's content: `steps` heartbeats `intervalMs` apart, then a document with `text`. */
export function slow(steps: number, intervalMs: number, text = 'slow but steady'): string {
  return JSON.stringify({ steps, intervalMs, text });
}

export interface RecordedRun {
  report: RunReport;
  byPath: Map<string, FileReport>;
  events: { type: string; path: string; at: number; attempt?: number }[];
}

/** Runs one batch and records the events a handler sees. */
export async function runBatch(
  runner: ChildProcessRunner,
  input: string,
  batch: BatchOptions,
  extract: ExtractOptions = noOcr,
  extra: BatchHandlers = {},
): Promise<RecordedRun> {
  const events: RecordedRun['events'] = [];
  const report = await runner.run(
    { input, batch, extract },
    {
      ...extra,
      onFileStarted: (p, attempt) => {
        events.push({ type: 'started', path: p, at: Date.now(), attempt });
        extra.onFileStarted?.(p, attempt);
      },
      onFileDone: (r) => {
        events.push({ type: 'done', path: r.path, at: Date.now() });
        extra.onFileDone?.(r);
      },
    },
  );
  return { report, byPath: new Map(report.files.map((f) => [f.path, f])), events };
}

/** Every path appears exactly once in the report. */
export function pathsOnce(report: RunReport): boolean {
  const paths = report.files.map((f) => f.path);
  return new Set(paths).size === paths.length && paths.length === report.totals.files;
}
