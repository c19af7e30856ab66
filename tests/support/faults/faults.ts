// Fault injection for the pool tests: files named `*.fault-<kind>` make a pool thread misbehave
// on purpose so tests can prove the batch survives it. Only the test child and pool worker in this
// folder know these names; the shipped child reports such files as unsupported.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedDocument } from '../../../src/shared/model';
import type { ProgressUpdate } from '../../../src/workers/engine/types';

const FAULT_NAME = /\.fault-([a-z-]+)$/;

export function faultKind(filePath: string): string | undefined {
  return FAULT_NAME.exec(filePath)?.[1];
}

/** The walk predicate of the test child: fault files are accepted besides the supported types. */
export function isFaultFile(name: string): boolean {
  return FAULT_NAME.test(name);
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

const STAND_IN_NOTE = 'Text of a fault stand-in document.';

function fakeDocument(filePath: string, params: FaultParams): ExtractedDocument {
  const pages = Math.max(1, params.steps);
  return {
    source: { path: filePath, kind: 'pdf', mime: 'application/x-folio-fault', size: 0, sha256: '' },
    // A second paragraph so the stand-in is never "nearly empty" (a document with pages and
    // under 3 letters or digits is EMPTY_OUTPUT, partial): texts such as 'x' stay `ok`.
    blocks: [
      { type: 'paragraph', text: params.text, prov: { page: 1 } },
      { type: 'paragraph', text: STAND_IN_NOTE, prov: { page: 1 } },
    ],
    metadata: { pageCount: pages },
    quality: { pages, textChars: params.text.length + STAND_IN_NOTE.length, ocrPages: 0 },
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

/**
 * True the first time it is asked about `filePath`, false ever after. The mark is a file in a
 * hidden folder beside the input (the walk skips hidden folders, so no report sees it): it
 * outlives the pool thread and the child process, which the `-once` faults kill.
 */
function firstTime(filePath: string): boolean {
  const dir = path.join(path.dirname(filePath), '.fault-marks');
  const mark = path.join(dir, path.basename(filePath));
  if (existsSync(mark)) return false;
  mkdirSync(dir, { recursive: true });
  writeFileSync(mark, '');
  return true;
}

export async function runFault(
  filePath: string,
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
      if (firstTime(filePath)) process.exit(3);
      break;
    case 'kill-child':
      process.kill(process.pid, 'SIGKILL');
      return blockForever();
    case 'kill-child-once':
      if (firstTime(filePath)) {
        process.kill(process.pid, 'SIGKILL');
        return blockForever();
      }
      break;
    case 'kill-parent':
      // The process that forked the child: a queue worker dying on a file (tests/queue).
      process.kill(process.ppid, 'SIGKILL');
      return blockForever();
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
