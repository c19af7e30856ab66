// A finished job as the file's report entry: a completed job returns the entry its worker's child
// wrote; a failed job never ran to the end, because the processor reports every file outcome as a
// value and throws only when it could not run the file at all (or BullMQ gave up on it).
import path from 'node:path';
import { kindFromName } from '../shared/formats';
import type { FileReport } from '../shared/report';
import { failedOutcome, fileReport } from '../shared/report-builder';
import type { FolioJobResult } from './job-data';

/** BullMQ's reason for a job whose worker stopped renewing its lock more often than allowed. */
const STALLED_REASON = /stalled more than allowable limit/;

export const WORKER_LOST_MESSAGE =
  'The queue worker running this file stopped twice (killed, or its machine went away); it was not tried a third time.';

/** The worker's entry with its output resolved against the coordinator's own output folder. */
export function reportFromResult(result: FolioJobResult, outDir: string): FileReport {
  const { report } = result;
  if (report.output === undefined) return report;
  return { ...report, output: path.join(outDir, ...report.output.split('/')) };
}

export function reportFromFailure(rel: string, failedReason: string, attempts: number): FileReport {
  const kind = kindFromName(rel);
  const outcome = STALLED_REASON.test(failedReason)
    ? failedOutcome('WORKER_LOST', WORKER_LOST_MESSAGE, kind)
    : failedOutcome('INTERNAL', `A queue worker could not run this file: ${failedReason}`, kind);
  return fileReport(rel, outcome, { ms: 0, attempts });
}

/** Parses a job's return value as BullMQ hands it over (an object, or JSON text from events). */
export function parseJobResult(value: unknown): FolioJobResult | undefined {
  const parsed: unknown = typeof value === 'string' ? safeJson(value) : value;
  if (!parsed || typeof parsed !== 'object') return undefined;
  const report = (parsed as { report?: unknown }).report;
  if (!report || typeof report !== 'object' || typeof (report as FileReport).path !== 'string') {
    return undefined;
  }
  return parsed as FolioJobResult;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
