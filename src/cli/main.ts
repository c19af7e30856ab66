// `folio extract <folder>`: the headless CLI. It runs the same child process and pool as the
// extension (through ChildProcessRunner), prints a line per file and a summary, and writes the
// report. Exit codes: 0 the batch ran (even with failed files), 1 it could not run, 2 usage error,
// 130 cancelled with Ctrl-C (the report is still written).
import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION } from '../shared/version';
import { writeFileAtomic } from '../shared/atomic-file';
import { manifestCsv, manifestJson, manifestPaths } from '../shared/manifest';
import { processAlive, removeTempFiles } from '../shared/stale-temps';
import { ChildProcessRunner } from '../runner/child-process-runner';
import type { BatchRunner } from '../runner/types';
import { parseCli, UsageError, USAGE, type CliCommand } from './args';
import { fileLine, summaryLines } from './format';
import { escapeControl } from './terminal-text';
import { isSearchCommand, parseSearch, SEARCH_USAGE, searchLines } from './search-command';

const childScript = fileURLToPath(new URL('./child.mjs', import.meta.url));
const plannerScript = fileURLToPath(new URL('./queue-planner.mjs', import.meta.url));
const queueChildScript = fileURLToPath(new URL('./queue-child.mjs', import.meta.url));

async function extract(command: CliCommand): Promise<number> {
  // --queue: the same batch planned here and run by queue workers (src/queue, docs/scaling.md).
  // The queue modules (bullmq, ioredis: ~20 MB of RSS) load only for --queue, since the CLI's own
  // memory counts in the process tree a local batch is held to.
  const runner: BatchRunner = command.queue
    ? new (await import('../queue/queue-batch-runner')).QueueBatchRunner({
        target: { url: command.queue.url, queueName: command.queue.queueName },
        plannerScript,
        ...(command.queue.rangePages ? { rangePages: command.queue.rangePages } : {}),
      })
    : new ChildProcessRunner({ childScript });
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('cancelling…\n');
    runner.cancel();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // --memory-limit-mb holds the whole local process tree: what this process already holds is
  // taken off the extraction process's budget (the child only sees its own memory). Queue workers
  // get the limit as it was given: each is its own tree.
  const ownMb = Math.round(process.memoryUsage().rss / (1024 * 1024));
  const batch = command.queue
    ? command.batch
    : { ...command.batch, memoryLimitMb: Math.max(64, command.batch.memoryLimitMb - ownMb) };
  try {
    const report = await runner.run(
      { input: command.input, batch, extract: command.extract },
      {
        onFileDone: (file) => {
          if (!command.quiet) process.stdout.write(fileLine(file) + '\n');
        },
        onLog: (level, message) => {
          if (level === 'warn' || level === 'error') {
            process.stderr.write(`${level}: ${escapeControl(message)}\n`);
          }
        },
      },
    );
    if (command.reportPath) {
      await writeFileAtomic(command.reportPath, JSON.stringify(report, null, 2) + '\n');
    }
    if (command.manifestPath) {
      const { csv, json } = manifestPaths(command.manifestPath);
      await writeFileAtomic(csv, manifestCsv(report));
      await writeFileAtomic(json, JSON.stringify(manifestJson(report), null, 2) + '\n');
    }
    const outDir = command.batch.outDir ?? '';
    for (const line of summaryLines(report, outDir, command.reportPath)) {
      process.stdout.write(line + '\n');
    }
    if (command.manifestPath) {
      const { csv, json } = manifestPaths(command.manifestPath);
      process.stdout.write(`manifest: ${csv}, ${json}\n`);
    }
    return interrupted ? 130 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner.dispose();
    // Redis connections left reconnecting to a server that went away (a cancelled batch) must
    // not keep the finished command alive; the timer is unref'd, so a clean exit is not delayed.
    if (command.queue) setTimeout(() => process.exit(), 1000).unref();
    // A child killed after Ctrl-C could not clean up after itself: its temporary files go now.
    if (command.batch.outDir) {
      await removeTempFiles(command.batch.outDir, (pid) => !processAlive(pid));
    }
  }
}

async function search(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseSearch(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`folio: ${error.message}\n\n${SEARCH_USAGE}\n`);
    return 2;
  }
  if (command === 'help') {
    process.stdout.write(SEARCH_USAGE + '\n');
    return 0;
  }
  const runner = new ChildProcessRunner({ childScript });
  try {
    const result = await runner.search(command.query, {
      cacheDir: command.cacheDir,
      limit: command.limit,
      ...(command.input ? { inputs: [command.input] } : {}),
    });
    const text = command.json ? [JSON.stringify(result, null, 2)] : searchLines(result);
    process.stdout.write(text.join('\n') + '\n');
    return result.hits.length > 0 ? 0 : 1;
  } finally {
    await runner.dispose();
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    if (isSearchCommand(argv)) return await search(argv);
    if (argv[0] === 'worker' || argv[0] === 'status') {
      return await (await import('./queue-commands')).runQueueCommand(argv, queueChildScript);
    }
    parsed = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`folio: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (parsed.type === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (parsed.type === 'version') {
    process.stdout.write(`folio ${ENGINE_VERSION}\n`);
    return 0;
  }
  try {
    return await extract(parsed.command);
  } catch (error) {
    process.stderr.write(`folio: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`folio: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
