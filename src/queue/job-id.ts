// A job's id says which file, which bytes and which settings it stands for, so enqueueing the same
// batch again (a rerun after the coordinator died, or a second coordinator) finds the jobs already
// there instead of adding new ones: BullMQ ignores an add whose id exists, and nothing runs twice.
import { createHash } from 'node:crypto';
import { ENGINE_VERSION } from '../shared/version';
import type { FolioJobData } from './job-data';

/** Stable JSON: object keys sorted, so the same settings always give the same fingerprint. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The settings part of a job id: engine version, output folder, batch and extraction settings. */
export function settingsFingerprint(data: Omit<FolioJobData, 'rel' | 'abs' | 'sha256'>): string {
  const { input, outDir, cacheDir, batch, extract } = data;
  return createHash('sha256')
    .update(stableJson({ engine: ENGINE_VERSION, input, outDir, cacheDir, batch, extract }))
    .digest('hex');
}

/**
 * `f-` and 40 hex digits: no `:` (BullMQ reserves it) and short enough to read in a log.
 * `passwordTag` is job-key.ts's keyed hash of the file's password ('' without one).
 */
export function jobIdFor(
  rel: string,
  sha256: string,
  fingerprint: string,
  passwordTag = '',
): string {
  const id = createHash('sha256')
    .update(rel)
    .update('\0')
    .update(sha256)
    .update('\0')
    .update(fingerprint)
    .update('\0')
    .update(passwordTag)
    .digest('hex');
  return `f-${id.slice(0, 40)}`;
}
