// Set-up for the queue tests (tests/queue): a private redis-server on a free port of 127.0.0.1
// (skipped, saying so, when no redis-server is on PATH), a private bundle of the CLI with the
// fault-injection child, pool worker and planner, and helpers to run coordinators and workers
// as real processes, so a test can kill -9 one the way a machine dies.
import { build } from 'esbuild';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { Queue } from 'bullmq';
import type { RunReport } from '../../src/shared/report';
import { commonOptions, nodeEntries, nodeOptions } from '../../scripts/build-entries.mjs';
import { longScanPdf } from './long-scan';
import { projectRoot } from './paths';
import { freePort, redisAnswers } from './redis-port';
import { slow, tempFolder } from './pool-harness';

const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function onPath(binary: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** `skip` for node:test: false when redis-server is there, else the reason. */
export const redisSkip: string | false = onPath('redis-server')
  ? false
  : 'redis-server is not on PATH (apt-get install redis-server): queue tests skipped';

/** `skip` for the TLS test: it makes its certificate with openssl. */
export const opensslSkip: string | false = onPath('openssl')
  ? false
  : 'openssl is not on PATH: the TLS queue test is skipped';

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestRedis {
  /** redis://127.0.0.1:port/0, or rediss://localhost:port/0 with `tls`; never with a password. */
  url: string;
  port: number;
  /** The certificate to trust (with `tls`). */
  caFile: string;
  /** Stops the server (SIGTERM: with appendonly it syncs first) and starts it again, same data. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** INFO commandstats: calls per command. */
  commandCalls(): Record<string, number>;
  /** Every string in the database (keys, hash fields and values, list and stream entries). */
  dump(): string;
}

/**
 * A private redis-server; `durable` turns on the append-only file, fsync'd on every write;
 * `password` makes it refuse clients without it; `tls` serves TLS only, with a certificate for
 * localhost made here (clients trust it through NODE_EXTRA_CA_CERTS=caFile).
 */
export async function startRedis(
  options: { durable?: boolean; password?: string; tls?: boolean } = {},
): Promise<TestRedis> {
  const port = await freePort();
  const dir = tempDir('folio-redis-');
  const caFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  if (options.tls) {
    const made = spawnSync('openssl', [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
      ...['-keyout', keyFile, '-out', caFile, '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=DNS:localhost'],
    ]);
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  }
  const listen = options.tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', caFile]
    : ['--port', String(port)];
  const args = [
    ...listen,
    ...(options.tls ? ['--tls-key-file', keyFile, '--tls-auth-clients', 'no'] : []),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--dir',
    dir,
    ...(options.durable
      ? ['--appendonly', 'yes', '--appendfsync', 'always']
      : ['--appendonly', 'no']),
    ...(options.password ? ['--requirepass', options.password] : []),
  ];
  // A test server's throwaway password: on the command line is fine here.
  const auth = [
    ...(options.password ? ['--no-auth-warning', '-a', options.password] : []),
    ...(options.tls ? ['--tls', '--cacert', caFile] : []),
  ];
  let server: ChildProcess | undefined;
  const launch = async () => {
    server = spawn('redis-server', args, { stdio: 'ignore' });
    await redisAnswers(port, 10_000, auth);
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await launch();
  cleanups.push(stop);
  const cli = (...command: string[]) =>
    spawnSync('redis-cli', ['-p', String(port), ...auth, ...command], { encoding: 'utf8' })
      .stdout ?? '';
  return {
    url: options.tls ? `rediss://localhost:${port}/0` : `redis://127.0.0.1:${port}/0`,
    port,
    caFile,
    stop,
    async restart(downMs = 1000) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    commandCalls() {
      const calls: Record<string, number> = {};
      for (const line of cli('info', 'commandstats').split('\n')) {
        const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
        if (match) calls[match[1]] = Number(match[2]);
      }
      return calls;
    },
    dump() {
      const out: string[] = [];
      for (const key of cli('--scan').split('\n').filter(Boolean)) {
        out.push(key);
        const type = cli('type', key).trim();
        if (type === 'hash') out.push(cli('hgetall', key));
        else if (type === 'list') out.push(cli('lrange', key, '0', '-1'));
        else if (type === 'zset') out.push(cli('zrange', key, '0', '-1'));
        else if (type === 'set') out.push(cli('smembers', key));
        else if (type === 'stream') out.push(cli('xrange', key, '-', '+'));
        else if (type === 'string') out.push(cli('get', key));
      }
      return out.join('\n');
    },
  };
}

let bundle: Promise<string> | undefined;

/**
 * The CLI with the fault-injection child, pool worker and planner (support/faults), built once
 * per test process with the product's build options, into a private folder.
 */
export function queueBundle(): Promise<string> {
  bundle ??= (async () => {
    const dir = path.join(
      projectRoot,
      'node_modules',
      '.cache',
      'folio-queue-test',
      `${process.pid}`,
    );
    rmSync(dir, { recursive: true, force: true });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await build({
      ...commonOptions,
      ...nodeOptions,
      entryPoints: {
        cli: nodeEntries.cli,
        child: 'tests/support/faults/fault-child.ts',
        'fault-pool-worker': 'tests/support/faults/fault-pool-worker.ts',
        'queue-planner': 'tests/support/faults/fault-queue-planner.ts',
        'queue-child': 'tests/support/faults/fault-queue-child.ts',
      },
      outdir: dir,
      logLevel: 'error',
    });
    return dir;
  })();
  return bundle;
}

export interface RunningProcess {
  process: ChildProcess;
  /** Resolves with the exit code (or signal) and what it printed. */
  exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
  kill9(): void;
}

/** Runs the test CLI with `args`. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
  const cli = path.join(await queueBundle(), 'cli.mjs');
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Awaited<RunningProcess['exited']>>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { process: child, exited, kill9: () => child.kill('SIGKILL') };
}

/** A batch for a coordinator: its input folder, output folder and report file. */
export interface QueuedBatch {
  input: string;
  out: string;
  reportFile: string;
}

/** A temporary folder holding `files`, with `out` and `report.json` beside it (not in it). */
export function queuedBatch(files: Record<string, string | Buffer>): QueuedBatch {
  const input = tempFolder(files);
  return {
    input,
    out: path.join(path.dirname(input), 'out'),
    reportFile: path.join(path.dirname(input), 'report.json'),
  };
}

/** `count` files `doc-N.fault-ok`, each `steps` progress reports `intervalMs` apart, texts unlike. */
export function slowDocuments(
  count: number,
  steps: number,
  intervalMs = 200,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++)
    files[`doc-${i}.fault-ok`] = slow(steps, intervalMs, `document ${i}`);
  return files;
}

/**
 * The coordinator's command line for `batch` through the queue at `url`: quiet, OCR off unless
 * `ocr`, with `extra` options before those.
 */
export function coordinatorArgs(
  batch: QueuedBatch,
  url: string,
  { extra = [], ocr = false }: { extra?: string[]; ocr?: boolean } = {},
): string[] {
  return [
    ...['extract', batch.input, '--out', batch.out, '--report', batch.reportFile],
    ...['--queue', url, ...extra, '--quiet'],
    ...(ocr ? [] : ['--no-ocr']),
  ];
}

/** A `pages`-page scan queued as 2-page ranges: its batch, a fresh Redis, the queue, the command. */
export async function longScanRanges(pages = 6): Promise<{
  batch: QueuedBatch;
  redis: TestRedis;
  queue: Queue;
  args: string[];
}> {
  const batch = queuedBatch({ 'long-scan.pdf': await longScanPdf(pages) });
  const redis = await startRedis();
  const queue = testQueue(redis.url);
  const args = coordinatorArgs(batch, redis.url, { ocr: true, extra: ['--range-pages', '2'] });
  return { batch, redis, queue, args };
}

/** Short stall detection for tests: a dead worker's job is taken over after about 2-3 s. */
export const TEST_STALL_S = '2';

export function startWorker(
  url: string,
  name: string,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = {},
) {
  return runCli(
    ['worker', '--queue', url, '--name', name, '--stall-s', TEST_STALL_S, ...extra],
    env,
  );
}

/** One worker per name, returned once the queue sees them all listening. */
export async function startWorkers(
  url: string,
  queue: Queue,
  names: string[],
): Promise<RunningProcess[]> {
  const workers: RunningProcess[] = [];
  for (const name of names) workers.push(await startWorker(url, name));
  await waitFor(
    async () => (await queue.getWorkers()).length >= names.length,
    30_000,
    `${names.length} workers`,
  );
  return workers;
}

export async function stopWorker(worker: RunningProcess): Promise<void> {
  if (worker.process.exitCode === null && worker.process.signalCode === null) {
    worker.process.kill('SIGTERM');
  }
  await worker.exited;
}

/** Reads a finished run's report. */
export async function readReport(file: string): Promise<RunReport> {
  return JSON.parse(await readFile(file, 'utf8')) as RunReport;
}

/** Relative path → bytes of every output under `dir` (the cache folder left out). */
export async function outputsOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (sub: string) => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) await walk(rel);
      } else if (entry.name !== 'report.json') {
        out.set(rel, await readFile(path.join(dir, rel)));
      }
    }
  };
  await walk('');
  return out;
}

/** A Queue handle on the test server, closed after the tests. */
export function testQueue(url: string, name = 'extract'): Queue {
  const port = Number(new URL(url).port);
  const queue = new Queue(name, { connection: { host: '127.0.0.1', port }, prefix: 'folio' });
  queue.on('error', () => undefined);
  cleanups.push(() => queue.close());
  return queue;
}

/** Polls `check` every 100 ms until it is true (or throws after `timeoutMs`). */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
