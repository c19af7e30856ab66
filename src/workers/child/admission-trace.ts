// An opt-in trace of the child's scheduling, for finding why pool slots sit idle (issue 11):
// FOLIO_TRACE=admission writes one JSON object a line (to FOLIO_TRACE_FILE, else stderr) when a
// task is ready, why the next one waits (admission, governor, a held first wave), when it starts,
// is picked up by its thread and ends, every memory sample, and each file's phases outside the
// pool (preparing, estimating, waiting for a duplicate, merging ranges).
// scripts/trace-idle.ts sums the idle slot-seconds by cause. Off, it costs one boolean test.
import { closeSync, openSync, writeSync } from 'node:fs';

export type TraceFields = Record<string, string | number | boolean | undefined>;

export interface AdmissionTrace {
  readonly enabled: boolean;
  event(type: string, fields?: TraceFields): void;
  close(): void;
}

export const noTrace: AdmissionTrace = {
  enabled: false,
  event: () => undefined,
  close: () => undefined,
};

/** Whether FOLIO_TRACE (a comma-separated list) asks for the admission trace. */
export function traceRequested(value: string | undefined): boolean {
  return (value ?? '').split(',').some((part) => part.trim() === 'admission');
}

/** Writes events to `fd` stamped with milliseconds since the trace was opened. */
export function traceTo(fd: number, onClose: () => void = () => undefined): AdmissionTrace {
  const origin = performance.now();
  return {
    enabled: true,
    event(type, fields = {}) {
      const t = Math.round((performance.now() - origin) * 10) / 10;
      // Synchronous on purpose: a few hundred short lines a batch, and a crash keeps them all.
      writeSync(fd, `${JSON.stringify({ t, type, ...fields })}\n`);
    },
    close: onClose,
  };
}

export function admissionTraceFromEnv(env: NodeJS.ProcessEnv = process.env): AdmissionTrace {
  if (!traceRequested(env.FOLIO_TRACE)) return noTrace;
  const file = env.FOLIO_TRACE_FILE;
  if (!file) return traceTo(process.stderr.fd);
  const fd = openSync(file, 'a');
  return traceTo(fd, () => closeSync(fd));
}
