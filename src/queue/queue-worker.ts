// `folio worker --queue URL`: takes jobs off the queue one at a time and runs each through the
// same child process and thread pool as a local run (ChildProcessRunner), writing the output and
// the cache entry to the shared folders (atomically, content-addressed, as a local run does). A
// worker killed mid-job stops renewing its lock; BullMQ's stall check (run by every live worker)
// puts the job back once, and fails it the second time, which the coordinator reports WORKER_LOST.
import { Worker, type Job } from 'bullmq';
import os from 'node:os';
import path from 'node:path';
import { pagesLabel, type FilePart } from '../shared/file-part';
import { defaultBatchOptions, type BatchOptions } from '../shared/options';
import type { FileReport } from '../shared/report';
import { ChildProcessRunner } from '../runner/child-process-runner';
import type { BatchHandlers } from '../runner/types';
import type { FolioJobData, FolioJobResult } from './job-data';
import { makeJobViewFolder } from './job-view-folder';
import { jobTraceFromEnv, type JobTrace } from './job-trace';
import { partOfJob } from './range-flow';
import { bullConnection, KEY_PREFIX, type QueueTarget } from './redis-connection';

export interface QueueWorkerOptions {
  target: QueueTarget;
  /** The built child entry (dist/child.mjs). */
  childScript: string;
  /** Threads of this worker's pool (a long scan is split into page ranges across them). */
  threads: number;
  /** This machine's memory budget for the child; the coordinator's when absent. */
  memoryLimitMb?: number;
  /** This worker's own password map (its --password-file): passwords never go through Redis. */
  passwords: Record<string, string>;
  /** How long a job's lock lasts without renewal: a dead worker's job is free after this (ms). */
  lockMs?: number;
  /** How often this worker looks for jobs of dead workers (ms). */
  stallCheckMs?: number;
  /** Stop after the queue has been empty this long (ms): for Kubernetes Jobs and the bench. */
  idleExitMs?: number;
  name?: string;
  env?: NodeJS.ProcessEnv;
  onLog?(message: string): void;
}

export class QueueWorker {
  readonly name: string;
  private readonly runner: ChildProcessRunner;
  private readonly worker: Worker<FolioJobData, FolioJobResult>;
  private idleTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private readonly trace: JobTrace;
  processed = 0;
  // Declared before `stopped`, whose initializer replaces it (fields initialize in order).
  private resolveStopped: () => void = () => undefined;
  /** Resolves when the worker has stopped (closed, or idle past idleExitMs). */
  readonly stopped = new Promise<void>((resolve) => {
    this.resolveStopped = resolve;
  });

  constructor(private readonly options: QueueWorkerOptions) {
    this.name = options.name ?? `${os.hostname()}-${process.pid}`;
    this.runner = new ChildProcessRunner({ childScript: options.childScript, env: options.env });
    this.trace = jobTraceFromEnv(this.name, options.env);
    const lockDuration = options.lockMs ?? 30_000;
    this.worker = new Worker<FolioJobData, FolioJobResult>(
      options.target.queueName,
      (job) => this.process(job),
      {
        connection: bullConnection(options.target.url, options.env),
        prefix: KEY_PREFIX,
        name: this.name,
        // One file at a time: the file's own parallelism is the child's pool (page ranges).
        concurrency: 1,
        lockDuration,
        stalledInterval: options.stallCheckMs ?? lockDuration,
        // Put back once, then failed: a file that kills its worker twice is not retried for ever.
        maxStalledCount: 1,
      },
    );
    this.worker.on('error', (error) => options.onLog?.(`queue: ${error.message}`));
    this.worker.on('active', () => clearTimeout(this.idleTimer));
    this.worker.on('drained', () => this.armIdleExit());
    this.armIdleExit();
  }

  private armIdleExit(): void {
    const { idleExitMs } = this.options;
    if (idleExitMs === undefined) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), idleExitMs);
  }

  private async process(job: Job<FolioJobData, FolioJobResult>): Promise<FolioJobResult> {
    clearTimeout(this.idleTimer);
    const { data } = job;
    const id = job.id ?? data.rel;
    this.trace.event(id, 'taken', { rel: data.rel, queuedMs: Date.now() - job.timestamp });
    const view = await makeJobViewFolder(data.rel, data.abs);
    this.trace.event(id, 'view');
    try {
      const batch: BatchOptions = {
        ...defaultBatchOptions,
        ...data.batch,
        memoryLimitMb: this.options.memoryLimitMb ?? data.batch.memoryLimitMb,
        workers: this.options.threads,
        outDir: data.outDir,
        cacheDir: data.cacheDir,
        passwords: this.options.passwords,
        // The view holds one link to a file outside it: followed on purpose.
        followSymlinks: true,
      };
      // A long scan's range or merge job (range-flow.ts) runs one part of the file.
      const part = await partOfJob(job);
      const request = {
        input: view.dir,
        batch,
        extract: data.extract,
        ...(data.output !== undefined ? { outputNames: { [data.rel]: data.output } } : {}),
      };
      const report = await this.runner.run(
        part ? { ...request, part } : request,
        this.trace.enabled ? this.traceHandlers(id) : {},
      );
      this.trace.event(id, 'batchDone');
      const file = report.files.find((f) => f.path === data.rel);
      if (!file) throw new Error(`the run reported no entry for ${data.rel}`);
      this.processed++;
      this.options.onLog?.(`${file.status} ${data.rel}${part ? ` (${partLabel(part)})` : ''}`);
      return { report: withRelativeOutput(file, data.outDir), worker: this.name };
    } finally {
      await view.remove();
      this.trace.event(id, 'returned');
    }
  }

  private traceHandlers(id: string): BatchHandlers {
    return {
      onPlanned: () => this.trace.event(id, 'planned'),
      onFileStarted: () => this.trace.event(id, 'fileStarted'),
      onFileDone: (file) => this.trace.event(id, 'fileDone', { fileMs: file.ms }),
    };
  }

  /** Finishes the job in hand, then stops. `force` abandons it (it is retried elsewhere). */
  close(force = false): Promise<void> {
    this.closing ??= (async () => {
      clearTimeout(this.idleTimer);
      await this.worker.close(force).catch(() => undefined);
      await this.runner.dispose();
      this.trace.close();
      this.resolveStopped();
    })();
    return this.closing;
  }
}

function withRelativeOutput(file: FileReport, outDir: string): FileReport {
  if (file.output === undefined) return file;
  return { ...file, output: path.relative(outDir, file.output).split(path.sep).join('/') };
}

function partLabel(part: FilePart): string {
  return part.type === 'range' ? pagesLabel(part.range) : 'merged';
}
