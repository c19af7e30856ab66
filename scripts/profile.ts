// `npm run profile [-- --input DIR] [--workers N] [--no-docs]`: CPU-profiles the child process
// and every pool thread while they extract the standard batch (or DIR), then summarizes the
// profiles: top 10 functions by self and by total time with src file:line, time per category of
// work, and CPU versus wall per thread (CPU-bound or waiting). Raw .cpuprofile files stay under
// profiles/<stamp>/ (git-ignored); the summary goes to the `## Profile` section of
// docs/performance.md.
//
// How the threads get profiled: `--cpu-prof` is not allowed in NODE_OPTIONS, so the engine's child
// is forked with it in execArgv (ChildProcessRunner's `execArgv` option, the same runner the CLI
// uses); piscina creates its worker threads without an explicit execArgv, so they inherit the
// child's, and Node writes one profile per thread (CPU.<date>.<time>.<pid>.<threadId>.*).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBatchOptions, defaultExtractOptions } from '../src/shared/options';
import { ChildProcessRunner } from '../src/runner/child-process-runner';
import { ensureGeneratedBatch } from '../tests/support/generated-fixtures';
import { projectRoot } from '../tests/support/paths';
import {
  loadProfile,
  summarizeProfiles,
  topFunctions,
  type Category,
  type ProfileSummary,
} from './bench/cpuprofile';
import { replaceSection } from './bench/docs-section';
import { round } from './bench/stats';
import { formatTable, markdownTable, type Cell } from './bench/table';

const s = (ms: number) => round(ms / 1000, 2);

function threadRows(summary: ProfileSummary, childPid: number | undefined): Cell[][] {
  return [...summary.threads]
    .sort((a, b) => a.pid - b.pid || a.threadId - b.threadId)
    .map((t) => [
      t.threadId === 0
        ? `child main (pid ${t.pid}${childPid === undefined || t.pid === childPid ? '' : ', restarted'})`
        : `pool thread ${t.threadId} (pid ${t.pid})`,
      s(t.wallMs),
      s(t.cpuMs),
      round((t.cpuMs / Math.max(1, t.wallMs)) * 100, 1),
    ]);
}

function functionRows(summary: ProfileSummary, by: 'selfMs' | 'totalMs'): Cell[][] {
  return topFunctions(summary, by, 10).map((f) => [
    f.name,
    f.location,
    f.category,
    s(f.selfMs),
    s(f.totalMs),
  ]);
}

function categoryRows(summary: ProfileSummary): Cell[][] {
  const total = Object.values(summary.categories).reduce((a, b) => a + b, 0);
  return (Object.entries(summary.categories) as [Category, number][])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([category, ms]) => [category, s(ms), round((ms / Math.max(1, total)) * 100, 1)]);
}

/** User + system CPU seconds a live process has used so far, from /proc (undefined if gone). */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the comm), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ: /proc reports CPU time in 1/100 s on every mainstream build. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU-bound when the pool threads were busy (running JS, wasm or native code rather than idle in
 * their event loop) for most of the batch. "Busy" comes from the profiles' samples; on a machine
 * shared with other processes a busy thread may still be waiting for a core, which the child's
 * real CPU time from /proc shows.
 */
function verdict(
  summary: ProfileSummary,
  batchWallMs: number,
  workers: number,
  childCpuS: number | undefined,
): string {
  const pool = summary.threads.filter((t) => t.threadId > 0);
  const busy = pool.reduce((a, t) => a + t.cpuMs, 0);
  const capacity = batchWallMs * Math.min(workers, os.cpus().length);
  const share = capacity > 0 ? busy / capacity : 0;
  const kind = share >= 0.7 ? 'CPU-bound' : share >= 0.4 ? 'mixed' : 'I/O- or wait-bound';
  const real =
    childCpuS === undefined
      ? ''
      : ` The child process really got ${round(childCpuS, 1)} CPU s (/proc utime+stime), ` +
        `${round(((childCpuS * 1000) / Math.max(1, capacity)) * 100, 1)}% of that capacity` +
        (childCpuS * 1000 < busy * 0.8
          ? ': busy threads were waiting for a core, so other processes were competing for the CPU.'
          : '.');
  return (
    `${kind}: the pool threads were busy ${s(busy)} s of ${s(capacity)} s available ` +
    `(${round(share * 100, 1)}% of wall × min(workers, cores)); the rest is waiting ` +
    `(queue, I/O, IPC, idle tail).${real}`
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string' },
      workers: { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
      'no-ocr': { type: 'boolean', default: false },
    },
  });
  const childScript = path.join(projectRoot, process.env.FOLIO_DIST ?? 'dist', 'child.mjs');
  if (!existsSync(childScript))
    throw new Error(`${childScript} not found: run npm run build first`);
  const standard = values.input === undefined;
  const input = standard
    ? (await ensureGeneratedBatch()).dir
    : path.resolve(values.input as string);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const profileDir = path.join(projectRoot, 'profiles', stamp);
  mkdirSync(profileDir, { recursive: true });
  const outDir = path.join(profileDir, 'out');

  const runner = new ChildProcessRunner({
    childScript,
    execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  });
  let childPid: number | undefined;
  let childCpuS: number | undefined;
  const started = Date.now();
  console.log(`profile: extracting ${input} with --cpu-prof on the child and its threads…`);
  const report = await (async () => {
    try {
      return await runner.run(
        {
          input,
          batch: {
            ...defaultBatchOptions,
            cache: false,
            outDir,
            ...(values.workers ? { workers: Number(values.workers) } : {}),
          },
          extract: {
            ...defaultExtractOptions,
            ocr: { ...defaultExtractOptions.ocr, enabled: !values['no-ocr'] },
          },
        },
        { onPlanned: () => (childPid = runner.childPid) },
      );
    } finally {
      childCpuS = processCpuSeconds(childPid);
      // A clean shutdown lets every thread write its profile.
      await runner.dispose();
    }
  })();
  const wallMs = Date.now() - started;
  // Profiles are written as the threads and the child exit; give the file system a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const files = readdirSync(profileDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(profileDir, f));
  if (files.length === 0) throw new Error(`no .cpuprofile written under ${profileDir}`);
  const summary = summarizeProfiles(
    files.map((file) => ({ file, profile: loadProfile(file) })),
    projectRoot,
  );
  const workers = report.workers ?? 1;
  const headerThreads = ['thread', 'wall s', 'busy s', 'busy %'];
  const headerFunctions = ['function', 'file:line', 'category', 'self s', 'total s'];
  const headerCategories = ['category (self time)', 'busy s', '%'];
  const batchLine =
    `${report.files.length} files in ${s(wallMs)} s (${round((report.files.length / wallMs) * 60_000, 1)} files/min ` +
    `under profiling), ${workers} workers, ${files.length} profiles (${summary.threads.filter((t) => t.threadId > 0).length} pool threads)`;
  const verdictLine = verdict(summary, report.totals.wallMs, workers, childCpuS);

  console.log(`\n${batchLine}\n${verdictLine}\n`);
  console.log(formatTable(headerThreads, threadRows(summary, childPid)));
  console.log('\n' + formatTable(headerCategories, categoryRows(summary)));
  console.log(
    '\nTop 10 by self time\n' + formatTable(headerFunctions, functionRows(summary, 'selfMs')),
  );
  console.log(
    '\nTop 10 by total time\n' + formatTable(headerFunctions, functionRows(summary, 'totalMs')),
  );
  console.log(`\nraw profiles: ${path.relative(projectRoot, profileDir)}`);

  if (!values['no-docs']) {
    const section = [
      '## Profile',
      '',
      `Latest run: ${new Date().toISOString()}, \`npm run build && npm run profile\`${standard ? ' (standard batch)' : ` on ${input}`};`,
      'raw `.cpuprofile` files (one per thread: child main thread and each pool thread) under',
      '`profiles/` (git-ignored; open them in Chrome DevTools or VS Code). Self time is time in the',
      'function itself; total time includes its callees (recursion counted once). Locations in the',
      "bundles are mapped back to `src/` through esbuild's source maps; library code keeps its",
      '`node_modules` path. Node internals and the worker entry frames are left out of the total list.',
      '',
      `${batchLine}.`,
      '',
      `**${verdictLine}**`,
      '',
      markdownTable(headerThreads, threadRows(summary, childPid)),
      '',
      markdownTable(headerCategories, categoryRows(summary)),
      '',
      'Top 10 functions by self time:',
      '',
      markdownTable(headerFunctions, functionRows(summary, 'selfMs')),
      '',
      'Top 10 functions by total time:',
      '',
      markdownTable(headerFunctions, functionRows(summary, 'totalMs')),
      '',
    ].join('\n');
    const docPath = path.join(projectRoot, 'docs', 'performance.md');
    const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance\n';
    writeFileSync(docPath, replaceSection(doc, 'Profile', section));
    console.log(`updated ${path.relative(projectRoot, docPath)} (## Profile)`);
  }
}

main().catch((error: unknown) => {
  console.error(`profile: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
