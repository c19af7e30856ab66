// `node --import tsx scripts/trace-idle.ts TRACE.jsonl [--json]`: reads an admission trace
// (FOLIO_TRACE=admission FOLIO_TRACE_FILE=TRACE.jsonl, src/workers/child/admission-trace.ts) and
// sums the pool's idle slot-seconds by cause, with the busy share and the tasks' declared
// footprint against the RSS growth observed while they ran alone.
import { readFileSync } from 'node:fs';
import { idleByCause, type TraceEvent } from './bench/idle-causes';

const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error('usage: trace-idle.ts TRACE.jsonl [--json]');
  process.exit(2);
}
const events = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line) as TraceEvent);
const summary = idleByCause(events);
if (flag === '--json') {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `wall ${s(summary.wallMs)} s, ${summary.workers} slots, busy ${(summary.busyShare * 100).toFixed(1)}%, ` +
      `idle ${s(summary.idleMs)} slot-s`,
  );
  for (const [cause, ms] of Object.entries(summary.idleMsByCause).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${cause.padEnd(24)} ${s(ms).padStart(7)} slot-s`);
  }
  const f = summary.footprints;
  console.log(
    `tasks alone: ${f.alone}, declared ${f.declaredMb} MB in all, observed growth ${f.observedMb} MB ` +
      `(ratio ${f.alone ? (f.observedMb / Math.max(1, f.declaredMb)).toFixed(2) : '-'})`,
  );
}
