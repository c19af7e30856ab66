// `npm run bench -- --queue`: the Redis queue (issue 14) against the local pool on the same files,
// on this machine. Runs, each `--runs` times (default 2), cache off: local with one thread, local
// with two, the queue with one single-thread worker, the queue with two. For the queue runs it
// also reads back every job: the worker's time per job beyond the file's own extraction time
// (the queue's overhead per job: job fetch, the one-file view folder, the child's batch set-up and
// its pool thread start) and the Redis commands per file (INFO commandstats before/after). Per
// run it also counts the CPU seconds of every process the run used (process-tree-cpu.ts: the CLI's
// tree; for the queue the workers' trees and redis-server too), the files each side extracted
// itself, and each job's phases on the workers from their FOLIO_QUEUE_TRACE (job-phases.ts), so
// the queue is compared with the local pool in CPU per file, which a shared machine's load
// changes far less than wall time.
// Each queue run gets a fresh private redis-server on a free 127.0.0.1 port. Writes
// bench/results/queue-latest.{json,md} and a timestamped copy.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { RunReport } from '../../src/shared/report';
import { freePort } from '../../tests/support/redis-port';
import { jobPhases, type JobPhases } from './job-phases';
import { machineInfo } from './machine';
import { ProcessTreeCpuSampler } from './process-tree-cpu';
import { runCli, type CliRun } from './run-cli';
import { distribution, round, type Distribution } from './stats';
import { markdownTable } from './table';

export interface QueueBenchOptions {
  cli: string;
  /** Folder to extract; copied `copies` times side by side (cache is off, so copies count). */
  input: string;
  copies: number;
  runs: number;
  projectRoot: string;
  extraArgs: string[];
  command: string;
  keep: boolean;
}

type Setup = 'local, 1 thread' | 'local, 2 threads' | 'queue, 1 worker' | 'queue, 2 workers';

interface QueueRunResult {
  setup: Setup;
  run: number;
  wallMs: number;
  files: number;
  filesPerMin: number;
  statuses: Record<string, number>;
  peakTreeRssMb: number;
  /** Files the run extracted itself (attempts > 0): not duplicates, not failed before a task. */
  extracted: number;
  /** CPU seconds of everything the run used: the CLI's tree; for the queue also the workers'
   * trees (child and threads included) and redis-server, from the coordinator's start to its end. */
  cpuS: number;
  cpuSPerFile: number;
  /** Queue runs only: the parts of cpuS. */
  cpuSplitS?: { coordinator: number; workers: number; redis: number };
  /** Queue runs only: a job's phases on the workers (FOLIO_QUEUE_TRACE). */
  phases?: JobPhases;
  /** Queue runs only: per job, worker time minus the file's reported extraction time (ms). */
  overheadMsPerJob?: Distribution;
  jobs?: number;
  /** Queue runs only: Redis commands during the run, per input file, and the top commands. */
  redisCallsPerFile?: number;
  /** The same per job run (files with the same bytes are one job). */
  redisCallsPerJob?: number;
  /** Commands per second of the idle workers alone (stall checks, waiting for jobs). */
  redisIdleCallsPerSecond?: number;
  /** Per file, with the idle workers' commands over the run's wall time taken out. */
  redisCallsPerFileBeyondIdle?: number;
  redisTopCommands?: Record<string, number>;
}

/** How long idle workers are watched before a queue run. */
const IDLE_SAMPLE_MS = 10_000;

function redisCli(port: number, ...args: string[]): string {
  return spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout ?? '';
}

async function startRedis(dir: string): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { cwd: dir, stdio: 'ignore' },
  );
  for (let i = 0; redisCli(port, 'ping').trim() !== 'PONG'; i++) {
    if (i > 200) throw new Error('redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
  return { port, stop };
}

function commandCalls(port: number): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const line of redisCli(port, 'info', 'commandstats').split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match) calls[match[1]] = Number(match[2]);
  }
  return calls;
}

function statuses(report: RunReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of report.files) counts[file.status] = (counts[file.status] ?? 0) + 1;
  return counts;
}

function startWorkers(cli: string, url: string, count: number, trace: string): ChildProcess[] {
  return Array.from({ length: count }, (_, i) =>
    spawn(
      process.execPath,
      [cli, 'worker', '--queue', url, '--workers', '1', '--name', `bench-${i + 1}`],
      { stdio: 'ignore', env: { ...process.env, FOLIO_QUEUE_TRACE: trace } },
    ),
  );
}

/** redis-server's own CPU seconds (INFO cpu). */
function redisCpuSeconds(port: number): number {
  const info = redisCli(port, 'info', 'cpu');
  const value = (name: string) =>
    Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return value('used_cpu_sys') + value('used_cpu_user');
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.exitCode !== null) return resolve();
          worker.once('exit', () => resolve());
          worker.kill('SIGTERM');
        }),
    ),
  );
}

async function queueRun(
  options: QueueBenchOptions,
  input: string,
  scratch: string,
  setup: Setup,
  run: number,
  workerCount: number,
): Promise<{ raw: CliRun; extra: Partial<QueueRunResult> }> {
  const redis = await startRedis(scratch);
  const url = `redis://127.0.0.1:${redis.port}/0`;
  const trace = path.join(scratch, `jobs-${setup.replace(/\W+/g, '-')}-${run}.jsonl`);
  const workers = startWorkers(options.cli, url, workerCount, trace);
  const queue = new Queue('extract', {
    connection: { host: '127.0.0.1', port: redis.port },
    prefix: 'folio',
  });
  try {
    // What idle workers cost Redis by themselves, to tell per-file commands from per-second ones.
    for (let i = 0; (await queue.getWorkersCount()) < workerCount; i++) {
      if (i > 300) throw new Error('the workers did not connect');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const idleStart = commandCalls(redis.port);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
    const idleEnd = commandCalls(redis.port);
    const sum = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
    // One INFO call of the bench's own in the interval.
    const idlePerSecond = (sum(idleEnd) - sum(idleStart) - 1) / (IDLE_SAMPLE_MS / 1000);
    const before = commandCalls(redis.port);
    const redisCpuBefore = redisCpuSeconds(redis.port);
    const workersCpu = new ProcessTreeCpuSampler(workers.map((w) => w.pid as number)).start();
    const raw = await runCli({
      cli: options.cli,
      input,
      scratch,
      label: `${setup} #${run}`,
      args: ['--queue', url, ...options.extraArgs],
    });
    const workersCpuS = workersCpu.stop();
    const redisCpuS = redisCpuSeconds(redis.port) - redisCpuBefore;
    const after = commandCalls(redis.port);
    const delta: Record<string, number> = {};
    for (const [command, calls] of Object.entries(after)) {
      const d = calls - (before[command] ?? 0);
      if (d > 0) delta[command] = d;
    }
    // INFO itself is one of the commands counted; leave the bench's own out.
    if (delta.info) delta.info -= 1;
    const total = Object.values(delta).reduce((a, b) => a + b, 0);
    const jobs = await queue.getJobs(['completed']);
    const msByPath = new Map(raw.report.files.map((f) => [f.path, f.ms]));
    const overheads = jobs
      .filter((job) => job.processedOn && job.finishedOn)
      .map(
        (job) =>
          (job.finishedOn as number) -
          (job.processedOn as number) -
          (msByPath.get((job.data as { rel: string }).rel) ?? 0),
      );
    const top = Object.fromEntries(
      Object.entries(delta)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8),
    );
    return {
      raw,
      extra: {
        cpuS: raw.cpuS + workersCpuS + redisCpuS,
        cpuSplitS: {
          coordinator: round(raw.cpuS, 2),
          workers: round(workersCpuS, 2),
          redis: round(redisCpuS, 2),
        },
        ...(existsSync(trace) ? { phases: jobPhases(readFileSync(trace, 'utf8')) } : {}),
        jobs: jobs.length,
        overheadMsPerJob: distribution(overheads),
        redisCallsPerFile: round(total / Math.max(1, raw.report.files.length), 1),
        redisCallsPerJob: round(total / Math.max(1, jobs.length), 1),
        redisIdleCallsPerSecond: round(idlePerSecond, 1),
        redisCallsPerFileBeyondIdle: round(
          (total - idlePerSecond * (raw.wallMs / 1000)) / Math.max(1, raw.report.files.length),
          1,
        ),
        redisTopCommands: top,
      },
    };
  } finally {
    await queue.close();
    await stopWorkers(workers);
    await redis.stop();
  }
}

/** The input copied `copies` times into one folder (copy-1/, copy-2/, …). */
function bigInput(input: string, copies: number, scratch: string): string {
  if (copies <= 1) return input;
  const dir = path.join(scratch, 'input');
  for (let i = 1; i <= copies; i++) cpSync(input, path.join(dir, `copy-${i}`), { recursive: true });
  return dir;
}

export async function runQueueBench(options: QueueBenchOptions): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    throw new Error('redis-server is not on PATH: apt-get install -y redis-server');
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'folio-queue-bench-'));
  const machine = machineInfo(options.projectRoot);
  const results: QueueRunResult[] = [];
  try {
    const input = bigInput(options.input, options.copies, scratch);
    const entries = readdirSync(input, { recursive: true }).length;
    const setups: { setup: Setup; workers?: number; threads?: number }[] = [
      { setup: 'local, 1 thread', threads: 1 },
      { setup: 'local, 2 threads', threads: 2 },
      { setup: 'queue, 1 worker', workers: 1 },
      { setup: 'queue, 2 workers', workers: 2 },
    ];
    for (let run = 1; run <= options.runs; run++) {
      for (const { setup, workers, threads } of setups) {
        process.stdout.write(`bench: ${setup} #${run} … `);
        const { raw, extra } = workers
          ? await queueRun(options, input, scratch, setup, run, workers)
          : {
              raw: await runCli({
                cli: options.cli,
                input,
                scratch,
                label: `${setup} #${run}`,
                args: ['--workers', String(threads), ...options.extraArgs],
              }),
              extra: {},
            };
        const result: QueueRunResult = {
          setup,
          run,
          wallMs: raw.wallMs,
          files: raw.report.files.length,
          filesPerMin: round(raw.report.files.length / (raw.wallMs / 60000), 1),
          statuses: statuses(raw.report),
          peakTreeRssMb: Math.round(raw.peakMb),
          extracted: raw.report.files.filter((f) => (f.attempts ?? 0) > 0).length,
          cpuS: round(raw.cpuS, 2),
          ...extra,
          cpuSPerFile: round((extra.cpuS ?? raw.cpuS) / Math.max(1, raw.report.files.length), 3),
        };
        result.cpuS = round(result.cpuS, 2);
        results.push(result);
        console.log(
          `${round(raw.wallMs / 1000, 1)} s, ${result.filesPerMin} files/min, ` +
            `${result.cpuS} CPU s (${result.extracted} of ${result.files} files extracted)` +
            (extra.overheadMsPerJob
              ? `, overhead/job p50 ${extra.overheadMsPerJob.p50} ms, ${extra.redisCallsPerFile} Redis commands/file, ${extra.redisCallsPerJob}/job`
              : ''),
        );
        if (!options.keep) rmSync(raw.out, { recursive: true, force: true });
      }
    }
    write(options, results, {
      ...machine,
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
      input: options.input,
      copies: options.copies,
      inputEntries: entries,
    });
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

function write(
  options: QueueBenchOptions,
  results: QueueRunResult[],
  machine: ReturnType<typeof machineInfo> & Record<string, unknown>,
): void {
  const when = new Date().toISOString();
  const bySetup = new Map<Setup, QueueRunResult[]>();
  for (const result of results) {
    bySetup.set(result.setup, [...(bySetup.get(result.setup) ?? []), result]);
  }
  const summary = [...bySetup].map(([setup, runs]) => {
    const walls = runs.map((r) => r.wallMs / 1000);
    const overheads = runs.flatMap((r) => (r.overheadMsPerJob ? [r.overheadMsPerJob.p50] : []));
    const calls = runs.flatMap((r) =>
      r.redisCallsPerFile !== undefined ? [r.redisCallsPerFile] : [],
    );
    const perJob = runs.flatMap((r) =>
      r.redisCallsPerJob !== undefined ? [r.redisCallsPerJob] : [],
    );
    const beyond = runs.flatMap((r) =>
      r.redisCallsPerFileBeyondIdle !== undefined ? [r.redisCallsPerFileBeyondIdle] : [],
    );
    const idle = runs.flatMap((r) =>
      r.redisIdleCallsPerSecond !== undefined ? [r.redisIdleCallsPerSecond] : [],
    );
    const cpu = runs.map((r) => r.cpuSPerFile);
    const phase = (pick: (p: JobPhases) => number) =>
      runs.flatMap((r) => (r.phases ? [pick(r.phases)] : []));
    const setUp = phase((p) => p.setUpMs.p50);
    const wrapUp = phase((p) => p.wrapUpMs.p50);
    const between = phase((p) => p.betweenJobsMs.p50);
    const spanOf = (values: number[]) => ({
      min: round(Math.min(...values), 1),
      max: round(Math.max(...values), 1),
    });
    return {
      setup,
      runs: runs.length,
      extracted: spanOf(runs.map((r) => r.extracted)),
      cpuSPerFile: { min: Math.min(...cpu), max: Math.max(...cpu) },
      ...(setUp.length
        ? {
            jobSetUpMsP50: spanOf(setUp),
            jobWrapUpMsP50: spanOf(wrapUp),
            betweenJobsMsP50: spanOf(between.filter((v) => !Number.isNaN(v))),
          }
        : {}),
      wallS: { min: round(Math.min(...walls), 1), max: round(Math.max(...walls), 1) },
      filesPerMin: {
        min: Math.min(...runs.map((r) => r.filesPerMin)),
        max: Math.max(...runs.map((r) => r.filesPerMin)),
      },
      ...(overheads.length
        ? { overheadMsPerJobP50: { min: Math.min(...overheads), max: Math.max(...overheads) } }
        : {}),
      ...(calls.length
        ? {
            redisCallsPerFile: { min: Math.min(...calls), max: Math.max(...calls) },
            redisCallsPerJob: { min: Math.min(...perJob), max: Math.max(...perJob) },
            redisCallsPerFileBeyondIdle: { min: Math.min(...beyond), max: Math.max(...beyond) },
            redisIdleCallsPerSecond: { min: Math.min(...idle), max: Math.max(...idle) },
          }
        : {}),
    };
  });
  // End to end: what one queue worker costs over the local pool with the same single thread, per
  // file, run by run (each run has both back to back, so they share the machine's load).
  const endToEnd = results
    .filter((r) => r.setup === 'queue, 1 worker')
    .flatMap((q) => {
      const local = results.find((r) => r.setup === 'local, 1 thread' && r.run === q.run);
      return local ? [round((q.wallMs - local.wallMs) / q.files)] : [];
    });
  // The same in CPU: the queue's CPU per file over the local pool's, run by run (1.0 = the same).
  const cpuRatio = results
    .filter((r) => r.setup === 'queue, 1 worker')
    .flatMap((q) => {
      const local = results.find((r) => r.setup === 'local, 1 thread' && r.run === q.run);
      return local ? [round(q.cpuSPerFile / local.cpuSPerFile, 2)] : [];
    });
  const json = {
    when,
    command: options.command,
    machine,
    summary,
    endToEndOverheadMsPerFile: endToEnd,
    cpuPerFileQueueOverLocal: cpuRatio,
    results,
  };
  const dir = path.join(options.projectRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(json, null, 2) + '\n';
  writeFileSync(path.join(dir, 'queue-latest.json'), text);
  writeFileSync(path.join(dir, `queue-${when.replace(/[:.]/g, '-')}.json`), text);
  const span = (r: { min: number; max: number }) =>
    r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
  const table = markdownTable(
    [
      'setup',
      'runs',
      'files extracted',
      'CPU s/file',
      'wall s',
      'files/min',
      'queue overhead/job p50 ms',
      'Redis commands/file',
      'per job',
      'beyond idle workers',
      'idle workers, commands/s',
      'job set-up / wrap-up / between jobs, p50 ms',
    ],
    summary.map((s) => [
      s.setup,
      s.runs,
      span(s.extracted),
      span(s.cpuSPerFile),
      span(s.wallS),
      span(s.filesPerMin),
      s.overheadMsPerJobP50 ? span(s.overheadMsPerJobP50) : '',
      s.redisCallsPerFile ? span(s.redisCallsPerFile) : '',
      s.redisCallsPerJob ? span(s.redisCallsPerJob) : '',
      s.redisCallsPerFileBeyondIdle ? span(s.redisCallsPerFileBeyondIdle) : '',
      s.redisIdleCallsPerSecond ? span(s.redisIdleCallsPerSecond) : '',
      s.jobSetUpMsP50 && s.jobWrapUpMsP50 && s.betweenJobsMsP50
        ? `${span(s.jobSetUpMsP50)} / ${span(s.jobWrapUpMsP50)} / ${span(s.betweenJobsMsP50)}`
        : '',
    ]),
  );
  const md = [
    `# Queue bench (${when})`,
    '',
    `\`${options.command}\` on commit ${machine.commit ?? '?'} (${machine.uncommittedSrcFiles ?? '?'} uncommitted files under src/), ` +
      `${machine.cores} cores, load ${machine.loadAverageAtStart.join('/')} → ${(machine.loadAverageAtEnd as number[]).join('/')}; ` +
      `input ${options.input} ×${options.copies} (${machine.inputEntries as number} entries), cache off. Ranges are min–max over the runs.`,
    '',
    table,
    '',
    `Queue with 1 worker minus local with 1 thread, per file, run by run: ${endToEnd.join(', ')} ms ` +
      '(negative: the queued run was faster under the same load).',
    '',
    `CPU per file, queue with 1 worker over local with 1 thread, run by run: ${cpuRatio.join(', ')} ` +
      '(all processes: coordinator, workers with their child and threads, redis-server).',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'queue-latest.md'), md);
  console.log(md);
}
