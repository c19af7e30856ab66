// The piscina task handler: runs in a pool thread of the child process. One file (or one page
// range of a long scan) per task: extract → normalize → render → write, reporting heartbeats on
// the task's port. Extraction errors come back as values; a rejected task therefore always means
// the thread itself died (crash, abort, out of memory).
import { getHeapStatistics } from 'node:v8';
import { BroadcastChannel } from 'node:worker_threads';
import { toFolioError } from '../../shared/errors';
import { protectionWarning } from './protection-warning';
import type { ExtractedDocument } from '../../shared/model';
import { extractFile } from '../extractors/extract-file';
import type { ProgressUpdate } from '../engine/types';
import { finishDocument } from './finish-document';
import { setOcrActivityListener } from '../ocr/ocr-activity';
import { ocrServiceFor, releaseOcrService } from './ocr-provider';
import { probePdf } from './probe-pdf';
import {
  CONTROL_CHANNEL,
  type ControlMessage,
  type ExtractResult,
  type ExtractTask,
  type Heartbeat,
  type PoolResult,
  type PoolTask,
} from './task-types';

let busy = false;
let releaseRequested = false;
/**
 * The largest page (pixels) this thread's OCR engine has read since it was created: its wasm heap
 * grew to that and stays, so a later page no larger adds nothing there.
 */
let warmOcrPixels = 0;

const MB = 1024 * 1024;
/** An idle thread asked to release memory exits (piscina starts a fresh one) above this heap. */
const RELEASE_RECYCLE_MB = 48;

function threadHeapMb(): number {
  const heap = getHeapStatistics();
  return (heap.total_heap_size + heap.external_memory) / MB;
}

/**
 * Recycles this thread once it is idle: V8 rarely gives heap back to the system, so a thread that
 * grew on one big document would hold that memory for the rest of the batch. piscina treats an
 * idle thread's exit as legitimate and starts a replacement.
 */
function recycleWhenIdle(): void {
  setTimeout(() => {
    if (!busy) process.exit(0);
  }, 0);
}

async function releaseMemory(): Promise<void> {
  warmOcrPixels = 0;
  await releaseOcrService();
  if (!busy && threadHeapMb() > RELEASE_RECYCLE_MB) recycleWhenIdle();
}

const control = new BroadcastChannel(CONTROL_CHANNEL);
control.unref();
control.onmessage = (event) => {
  if ((event as { data?: ControlMessage }).data?.type !== 'releaseMemory') return;
  if (busy) releaseRequested = true;
  else void releaseMemory();
};

/** Reads one task's file into a document. */
export type TaskExtractor = (
  task: ExtractTask,
  onProgress: (update: ProgressUpdate) => void,
) => Promise<ExtractedDocument>;

/** The product's extractor: the engine's extractors, with this thread's OCR engine. */
export const extractTaskFile: TaskExtractor = async (task, onProgress) => {
  const ocr = task.extract.ocr.enabled ? await ocrServiceFor(task.extract.ocr) : undefined;
  return extractFile(task.filePath, {
    options: task.extract,
    onProgress,
    ocr,
    sha256: task.sha256,
  });
};

/** At most one heartbeat a second from OCR's own progress reports (they come many per page). */
const OCR_HEARTBEAT_MS = 1000;

async function runExtract(task: ExtractTask, extract: TaskExtractor): Promise<ExtractResult> {
  const onProgress = (update: ProgressUpdate) => task.port.postMessage(update);
  // The first heartbeat says the thread has picked the task up: the no-progress clock starts.
  const picked: Heartbeat = { warmOcrPixels };
  task.port.postMessage(picked);
  let lastOcrBeat = 0;
  let recognized = false;
  setOcrActivityListener(() => {
    recognized = true;
    const now = Date.now();
    if (now - lastOcrBeat < OCR_HEARTBEAT_MS) return;
    lastOcrBeat = now;
    onProgress({});
  });
  let doc: ExtractedDocument;
  try {
    doc = await extract(task, onProgress);
  } catch (error) {
    const failure = toFolioError(error);
    return { type: 'failed', code: failure.code, message: failure.message };
  } finally {
    setOcrActivityListener(undefined);
    // Only an engine that has read a page holds that page's heap (a text PDF never starts one).
    if (recognized) warmOcrPixels = Math.max(warmOcrPixels, task.ocrPixels ?? 0);
  }
  doc.source.path = task.sourcePath;
  const protection = protectionWarning(doc, task.extract.password !== undefined);
  if (protection) doc.warnings.push(protection);
  if (!task.write) return { type: 'range', doc };
  try {
    return { type: 'written', outcome: await finishDocument(doc, task.write) };
  } catch (error) {
    const failure = toFolioError(error);
    return { type: 'failed', code: failure.code, message: failure.message, kind: doc.source.kind };
  }
}

/**
 * Runs one pool task, reading files with `extract`. The pool's handler (the default export) uses
 * the product's extractor; a test worker (tests/support/faults) passes its own, so the shipped
 * handler carries no test hooks.
 */
export async function handleTaskWith(extract: TaskExtractor, task: PoolTask): Promise<PoolResult> {
  busy = true;
  try {
    if (task.type === 'probe') {
      task.port.postMessage({});
      return { type: 'probed', probe: await probePdf(task.filePath, task.password) };
    }
    return await runExtract(task, extract);
  } finally {
    task.port.close();
    busy = false;
    if (releaseRequested || (task.type === 'extract' && task.releaseOcrAfter)) {
      releaseRequested = false;
      await releaseMemory();
    } else if (task.type === 'extract' && threadHeapMb() > task.recycleAboveMb) {
      recycleWhenIdle();
    }
  }
}

export default function handleTask(task: PoolTask): Promise<PoolResult> {
  return handleTaskWith(extractTaskFile, task);
}
