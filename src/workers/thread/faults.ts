// Test-only fault injection: files named `*.fault-<kind>` make a pool thread misbehave on purpose
// so tests can prove the batch survives it. Active only when the child runs with
// FOLIO_TEST_FAULTS=1; in production such files are just unsupported names.
import { readFile } from 'node:fs/promises';
import type { ExtractedDocument } from '../../shared/model';
import type { ProgressUpdate } from '../engine/types';

export const FAULT_ENV = 'FOLIO_TEST_FAULTS';

export function faultsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[FAULT_ENV] === '1';
}

export function faultKind(filePath: string): string | undefined {
  return /\.fault-([a-z-]+)$/.exec(filePath)?.[1];
}

interface FaultParams {
  steps: number;
  intervalMs: number;
  text: string;
}

async function readParams(filePath: string): Promise<FaultParams> {
  const content = await readFile(filePath, 'utf8');
  let parsed: Partial<FaultParams> = {};
  try {
    parsed = JSON.parse(content) as Partial<FaultParams>;
  } catch {
    parsed = { text: content.trim() };
  }
  return {
    steps: parsed.steps ?? 0,
    intervalMs: parsed.intervalMs ?? 100,
    text: parsed.text ?? 'fault file',
  };
}

function fakeDocument(filePath: string, params: FaultParams): ExtractedDocument {
  const pages = Math.max(1, params.steps);
  return {
    source: { path: filePath, kind: 'pdf', mime: 'application/x-folio-fault', size: 0, sha256: '' },
    blocks: [{ type: 'paragraph', text: params.text, prov: { page: 1 } }],
    metadata: { pageCount: pages },
    quality: { pages, textChars: params.text.length, ocrPages: 0 },
    warnings: [],
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Blocks this thread for good without burning CPU: only terminating the thread ends it. */
function blockForever(): never {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0);
}

/**
 * Grows the JS heap without bound until the thread's resourceLimits stop it, reporting progress
 * as it goes (a runaway that looks busy must still be stopped by the memory cap, not the timeout).
 */
function allocateForever(onProgress: (update: ProgressUpdate) => void): never {
  const hoard: unknown[] = [];
  for (let i = 1; ; i++) {
    hoard.push(Array.from({ length: 100_000 }, (_, j) => ({ i, j })));
    onProgress({ page: i });
  }
}

export async function runFault(
  filePath: string,
  attempt: number,
  childCrashes: number,
  onProgress: (update: ProgressUpdate) => void,
): Promise<ExtractedDocument> {
  const kind = faultKind(filePath);
  const params = await readParams(filePath);
  switch (kind) {
    case 'hang':
      return blockForever();
    case 'throw':
      throw new Error('injected fault: the extractor threw');
    case 'exit':
      return process.exit(3);
    case 'exit-once':
      if (attempt === 1) process.exit(3);
      break;
    case 'kill-child':
      process.kill(process.pid, 'SIGKILL');
      return blockForever();
    case 'kill-child-once':
      if (childCrashes === 0) {
        process.kill(process.pid, 'SIGKILL');
        return blockForever();
      }
      break;
    case 'alloc':
      return allocateForever(onProgress);
    case 'slow-progress':
    case 'ok':
      break;
    default:
      throw new Error(`unknown fault kind: ${kind}`);
  }
  for (let step = 1; step <= params.steps; step++) {
    await sleep(params.intervalMs);
    onProgress({ page: step, pages: params.steps });
  }
  return fakeDocument(filePath, params);
}
