// `folio worker --queue URL` and `folio status --queue URL` (issue 14): parsing and running. Kept
// apart from args.ts, whose `extract` parsing they do not share beyond the password file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePasswordMap } from '../shared/password-file';
import { QueueWorker } from '../queue/queue-worker';
import { readQueueStatus, statusLines } from '../queue/queue-status';
import {
  DEFAULT_QUEUE_NAME,
  redactedUrl,
  redisOptionsFor,
  type QueueTarget,
} from '../queue/redis-connection';
import { UsageError } from './args';

export const WORKER_USAGE = `Usage: folio worker --queue URL [options]
       folio status --queue URL [--queue-name NAME] [--json]

worker: runs the jobs of \`folio extract <folder> --queue URL\` with this machine's pool,
writing outputs and cache entries to the batch's shared folders (which must be mounted at the
same paths as on the coordinator). Stops on SIGTERM/Ctrl-C after the file in hand.
status: jobs done, failed, running and queued, files/min, workers alive.

Options:
  --queue URL            redis://[user:password@]host:port/db or rediss:// (TLS); or the
                         password in FOLIO_REDIS_PASSWORD
  --queue-name NAME      the queue's name (default: ${DEFAULT_QUEUE_NAME})
  --workers N            threads of this worker's pool (default: 1)
  --memory-limit-mb N    this machine's memory budget (default: the coordinator's)
  --password-file F      JSON map of file (relative path or name) to password
  --stall-s N            a job whose worker stops renewing its lock for N seconds is taken
                         over by another worker, once (default: 30)
  --idle-exit-s N        stop once the queue has been empty for N seconds
  --name NAME            this worker's name in \`folio status\` (default: host-pid)
  --json                 status: print JSON`;

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} needs a positive number, got "${value}"`);
  }
  return n;
}

function parseQueueArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        queue: { type: 'string' },
        'queue-name': { type: 'string' },
        workers: { type: 'string' },
        'memory-limit-mb': { type: 'string' },
        'password-file': { type: 'string' },
        'stall-s': { type: 'string' },
        'idle-exit-s': { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs `worker` or `status`; returns the exit code. Throws UsageError for bad arguments. */
export async function runQueueCommand(
  argv: string[],
  /** The queue child bundle; the entry (cli.mjs) names it, since this module may be a chunk. */
  queueChildScript: string,
  cwd = process.cwd(),
): Promise<number> {
  const { values, positionals } = parseQueueArgs(argv.slice(1));
  if (values.help) {
    process.stdout.write(WORKER_USAGE + '\n');
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.queue) throw new UsageError('missing --queue URL');
  try {
    redisOptionsFor(values.queue, {});
  } catch (error) {
    throw new UsageError(`--queue: ${(error as Error).message}`);
  }
  const target: QueueTarget = {
    url: values.queue,
    queueName: values['queue-name'] ?? DEFAULT_QUEUE_NAME,
  };
  if (argv[0] === 'status') {
    const status = await readQueueStatus(target);
    const text = values.json ? JSON.stringify(status, null, 2) : statusLines(status).join('\n');
    process.stdout.write(text + '\n');
    return 0;
  }
  const threads = positive('workers', values.workers) ?? 1;
  if (!Number.isInteger(threads)) throw new UsageError('--workers needs a whole number');
  const stallS = positive('stall-s', values['stall-s']) ?? 30;
  const idleExitS = positive('idle-exit-s', values['idle-exit-s']);
  const memoryLimitMb = positive('memory-limit-mb', values['memory-limit-mb']);
  const worker = new QueueWorker({
    target,
    // The child with its pool kept across jobs: threads keep their libraries and OCR engines.
    childScript: queueChildScript,
    threads,
    ...(memoryLimitMb !== undefined ? { memoryLimitMb } : {}),
    passwords: readPasswords(values['password-file'], cwd),
    lockMs: stallS * 1000,
    // Checked twice per lock period, so a dead worker's job waits at most about 1.5 locks.
    stallCheckMs: (stallS * 1000) / 2,
    ...(idleExitS !== undefined ? { idleExitMs: idleExitS * 1000 } : {}),
    ...(values.name ? { name: values.name } : {}),
    onLog: (message) => process.stderr.write(`${message}\n`),
  });
  process.stderr.write(
    `worker ${worker.name} on ${redactedUrl(target.url)} (${target.queueName})\n`,
  );
  let signals = 0;
  const onSignal = () => {
    signals++;
    // The second signal abandons the file in hand: another worker takes it over after the stall.
    void worker.close(signals > 1);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await worker.stopped;
  process.stderr.write(`worker ${worker.name} stopped after ${worker.processed} files\n`);
  return 0;
}

function readPasswords(file: string | undefined, cwd: string): Record<string, string> {
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`cannot read the password file ${file}`);
  }
  try {
    return parsePasswordMap(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
