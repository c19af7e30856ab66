// The coordinator of a queued batch (`folio extract <folder> --queue URL`): a BatchRunner like
// the local ChildProcessRunner, so the CLI and the extension drive it the same way and get the
// same run report. It plans in a child (walk, hash, cache hits copied out), enqueues one job per
// remaining file with a deterministic id, and gathers every job's outcome, from the queue's
// events and, because events can be missed across a Redis restart, by looking jobs up directly.
// At the end a child indexes the written files for search and finds the near duplicates.
import { FlowProducer, Job, Queue, QueueEvents } from 'bullmq';
import path from 'node:path';
import { kindFromName } from '../shared/formats';
import { passwordFor } from '../shared/password-file';
import type { PlannedFile } from '../shared/queue-plan';
import type { FileReport, RunReport, StatsSample } from '../shared/report';
import {
  buildRunReport,
  failedOutcome,
  fileReport,
  filesPerMinute,
  orderReports,
} from '../shared/report-builder';
import type { BatchHandlers, BatchRequest, BatchRunner } from '../runner/types';
import { jobExtractSettings, type FolioJobData, type FolioJobResult } from './job-data';
import { jobIdFor, settingsFingerprint } from './job-id';
import { jobKeyFor, passwordTag } from './job-key';
import { parseJobResult, reportFromFailure, reportFromResult } from './job-outcome';
import { deliverFollowers, splitDuplicates } from './duplicate-jobs';
import { planInChild } from './plan-in-child';
import { relateQueuedBatch } from './batch-relations';
import { DEFAULT_RANGE_PAGES, rangeFlow, rangeJobId } from './range-flow';
import { assertReachable, bullConnection, KEY_PREFIX, type QueueTarget } from './redis-connection';

export interface QueueBatchRunnerOptions {
  target: QueueTarget;
  /** The built planner entry (dist/queue-planner.mjs). */
  plannerScript: string;
  env?: NodeJS.ProcessEnv;
  /**
   * How often unfinished jobs are looked up one by one, as a safety net under the queue's events
   * (ms; default 60 s). After a lost connection they are looked up at the next 5 s tick.
   */
  sweepMs?: number;
  /** How long finished jobs stay in Redis, so a rerun finds their outcomes (seconds). */
  keepFinishedSeconds?: number;
  /** Pages per range job of a long scan (`--range-pages`; default DEFAULT_RANGE_PAGES). */
  rangePages?: number;
}

/** Attempts of a job whose processor throws (it could not run the file at all). */
const JOB_ATTEMPTS = 2;
const ADD_CHUNK = 500;
/** Job look-ups in flight at once during a sweep. */
const LOOKUP_CONCURRENCY = 16;
const MB = 1024 * 1024;
/** How long clean-up may wait for Redis once the batch is over (or cancelled). */
const CLOSE_WAIT_MS = 5000;

function atMost(promise: Promise<unknown>, ms = CLOSE_WAIT_MS): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class QueueBatchRunner implements BatchRunner {
  private cancelRequested = false;
  private wake: (() => void) | undefined;
  private running = false;

  constructor(private readonly options: QueueBatchRunnerOptions) {}

  cancel(): void {
    this.cancelRequested = true;
    this.wake?.();
  }

  async dispose(): Promise<void> {
    this.cancel();
  }

  async run(request: BatchRequest, handlers: BatchHandlers = {}): Promise<RunReport> {
    if (this.running) throw new Error('A batch is already running.');
    this.running = true;
    this.cancelRequested = false;
    try {
      return await this.runBatch(request, handlers);
    } finally {
      this.running = false;
    }
  }

  private async runBatch(request: BatchRequest, handlers: BatchHandlers): Promise<RunReport> {
    const { batch, extract, input } = request;
    if (!batch.outDir || !batch.cacheDir) {
      throw new Error('A queued batch needs an output and a cache folder that every worker sees.');
    }
    const startedAt = new Date();
    await assertReachable(this.options.target.url, this.options.env);
    const plan = await planInChild(
      this.options.plannerScript,
      { input, batch, extract, rangePages: this.options.rangePages ?? DEFAULT_RANGE_PAGES },
      this.options.env,
    );
    handlers.onPlanned?.(plan.files);
    const reports = new Map<string, FileReport>();
    /** Files with a leader's bytes (duplicate-jobs.ts) and the copies of its output in flight. */
    let followersOf = new Map<string, PlannedFile[]>();
    const delivering: Promise<void>[] = [];
    const finish = (report: FileReport) => {
      if (reports.has(report.path)) return;
      reports.set(report.path, report);
      handlers.onFileDone?.(report);
      const followers = followersOf.get(report.path);
      if (followers) {
        delivering.push(deliverFollowers(report, followers).then((done) => done.forEach(finish)));
      }
    };
    for (const report of plan.reports) finish(report);

    const outDir = path.resolve(batch.outDir);
    const base: Omit<FolioJobData, 'rel' | 'abs' | 'sha256'> = {
      input,
      outDir,
      cacheDir: path.resolve(batch.cacheDir),
      batch: {
        format: batch.format,
        cache: batch.cache,
        fileTimeoutSeconds: batch.fileTimeoutSeconds,
        fileTotalCapSeconds: batch.fileTotalCapSeconds,
        memoryLimitMb: batch.memoryLimitMb,
      },
      extract: jobExtractSettings(extract),
    };
    const fingerprint = settingsFingerprint(base);
    const jobKey = await jobKeyFor(base.cacheDir);
    const pending = new Map<string, FolioJobData>();
    /** Range job id → its file's job id, to announce a long scan when its first range starts. */
    const rangeOf = new Map<string, string>();
    const tagOf = (rel: string) => passwordTag(jobKey, passwordFor(rel, batch.passwords));
    const duplicates = splitDuplicates(
      plan.fresh,
      plan.files,
      (f) => `${f.sha256}/${tagOf(f.rel)}`,
    );
    followersOf = duplicates.followersOf;
    for (const file of duplicates.leaders) {
      const tag = tagOf(file.rel);
      const id = jobIdFor(file.rel, file.sha256, fingerprint, tag);
      pending.set(id, {
        ...base,
        rel: file.rel,
        abs: file.abs,
        sha256: file.sha256,
        ...(file.ranges ? { ranges: file.ranges } : {}),
        output: path.relative(outDir, file.outputPath).split(path.sep).join('/'),
      });
      for (const range of file.ranges ?? []) rangeOf.set(rangeJobId(id, range), id);
    }

    const { target } = this.options;
    const connection = bullConnection(target.url, this.options.env);
    const queue = new Queue<FolioJobData, FolioJobResult>(target.queueName, {
      connection,
      prefix: KEY_PREFIX,
    });
    const events = new QueueEvents(target.queueName, { connection, prefix: KEY_PREFIX });
    const flows = new FlowProducer({ connection, prefix: KEY_PREFIX });
    const timeline: StatsSample[] = [];
    let workersSeen = 0;
    let peakRssMb = process.memoryUsage.rss() / MB;
    const allDone = new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    const settle = (id: string, report: FileReport) => {
      if (!pending.delete(id)) return;
      finish(report);
      if (pending.size === 0) this.wake?.();
    };
    const keep = { age: this.options.keepFinishedSeconds ?? 7 * 24 * 3600 };
    const opts = { attempts: JOB_ATTEMPTS, removeOnComplete: keep, removeOnFail: keep };
    const add = async (ids: string[]) => {
      await queue.addBulk(
        ids.flatMap((id) => {
          const data = pending.get(id);
          if (!data || data.ranges) return [];
          return [{ name: 'extract', data, opts: { ...opts, jobId: id } }];
        }),
      );
      // A flow is added only when its merge job is not there yet: a rerun must not add ranges
      // again under a merge job that already has (or had) them.
      for (const id of ids) {
        const data = pending.get(id);
        if (!data?.ranges || (await Job.fromId(queue, id))) continue;
        await flows.add(rangeFlow(target.queueName, id, data, data.ranges, opts));
      }
    };
    const lookUp = async (id: string) => {
      const data = pending.get(id);
      if (!data) return;
      const job = await Job.fromId<FolioJobData, FolioJobResult>(queue, id);
      // Gone: removed by hand or aged out while the coordinator was away. Enqueue it again.
      if (!job) return void (await add([id]));
      const state = await job.getState();
      if (state === 'completed') {
        const result = parseJobResult(job.returnvalue);
        const report = result
          ? reportFromResult(result, outDir)
          : reportFromFailure(data.rel, 'the job returned no report', job.attemptsMade);
        settle(id, report);
      } else if (state === 'failed') {
        settle(id, reportFromFailure(data.rel, job.failedReason ?? 'unknown', job.attemptsMade));
      }
    };
    let sweeping: Promise<void> | undefined;
    const sweep = () => {
      sweeping ??= (async () => {
        const ids = [...pending.keys()];
        let next = 0;
        const lane = async () => {
          while (next < ids.length && !this.cancelRequested) {
            await lookUp(ids[next++]).catch(() => undefined);
          }
        };
        await Promise.all(Array.from({ length: LOOKUP_CONCURRENCY }, lane));
      })().finally(() => {
        sweeping = undefined;
      });
      return sweeping;
    };
    // Without listeners these would throw; a lost connection is retried (redis-connection.ts).
    // Events may have been missed while the connection was down: look the jobs up at the next tick.
    let suspect = false;
    const onError = (error: Error) => {
      suspect = true;
      handlers.onLog?.('warn', `queue: ${error.message}`);
    };
    queue.on('error', onError);
    events.on('error', onError);
    flows.on('error', onError);
    // A completed event carries the job's return value: no look-up. A failed one may be an
    // attempt that will be retried, so the job's state decides.
    events.on('completed', ({ jobId, returnvalue }) => {
      const data = pending.get(jobId);
      const result = data ? parseJobResult(returnvalue) : undefined;
      if (result) settle(jobId, reportFromResult(result, outDir));
      else if (data) void lookUp(jobId).catch(() => undefined);
    });
    events.on('failed', ({ jobId }) => void lookUp(jobId).catch(() => undefined));
    const announced = new Set<string>();
    events.on('active', ({ jobId }) => {
      // A long scan starts with its first range (its other ranges and merge are not news).
      const fileId = rangeOf.get(jobId) ?? jobId;
      const data = pending.get(fileId);
      if (!data || (data.ranges && announced.has(fileId))) return;
      announced.add(fileId);
      handlers.onFileStarted?.(data.rel, 1);
    });
    const sampleStats = async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
      const workers = await queue.getWorkersCount().catch(() => 0);
      workersSeen = Math.max(workersSeen, workers);
      const rssMb = process.memoryUsage.rss() / MB;
      peakRssMb = Math.max(peakRssMb, rssMb);
      const t = Date.now() - startedAt.getTime();
      const sample: StatsSample = {
        t,
        done: reports.size,
        total: plan.files.length,
        filesPerMin: filesPerMinute(reports.size, t),
        rssMb: Math.round(rssMb),
        queued: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
        active: counts.active ?? 0,
        workers,
      };
      timeline.push(sample);
      handlers.onStats?.({ ...sample, treeRssMb: sample.rssMb });
    };
    const timers: NodeJS.Timeout[] = [];
    try {
      await events.waitUntilReady();
      const ids = [...pending.keys()];
      for (let i = 0; i < ids.length; i += ADD_CHUNK) await add(ids.slice(i, i + ADD_CHUNK));
      handlers.onLog?.('info', `${ids.length} jobs on queue ${target.queueName}`);
      // Jobs that were already there (a rerun) may have finished before we listened.
      if (pending.size > 0) await sweep();
      if (pending.size === 0) this.wake?.();
      let lastSweep = Date.now();
      const sweepMs = this.options.sweepMs ?? 60_000;
      const tick = () => {
        if (!suspect && Date.now() - lastSweep < sweepMs) return;
        suspect = false;
        lastSweep = Date.now();
        void sweep();
      };
      timers.push(setInterval(tick, Math.min(5000, sweepMs)));
      timers.push(setInterval(() => void sampleStats().catch(() => undefined), 2000));
      await allDone;
      if (this.cancelRequested) await atMost(this.withdraw(queue, [...pending.keys()]));
    } finally {
      for (const timer of timers) clearInterval(timer);
      // With Redis down these would wait for it for ever: a cancelled batch must still end.
      await atMost(sweeping ?? Promise.resolve());
      await atMost(events.close().catch(() => undefined));
      await atMost(flows.close().catch(() => undefined));
      await atMost(queue.close().catch(() => undefined));
    }
    for (const data of pending.values()) {
      const outcome = failedOutcome(
        'CANCELLED',
        'The batch was cancelled before this file finished.',
        kindFromName(data.rel),
        'skipped',
      );
      finish(fileReport(data.rel, outcome, { ms: 0 }));
    }
    await Promise.all(delivering);
    const files = orderReports(plan.files, reports);
    await relateQueuedBatch(this.options.plannerScript, request, plan.files, files, plan.fresh, {
      ...(this.options.env ? { env: this.options.env } : {}),
      log: (level, message) => handlers.onLog?.(level, message),
    });
    return buildRunReport({
      input,
      startedAt,
      finishedAt: new Date(),
      files,
      peakRssMb,
      timeline,
      ...(workersSeen > 0 ? { workers: workersSeen } : {}),
    });
  }

  /**
   * Takes back the jobs no worker has started; a running one finishes and fills the cache. A long
   * scan's merge job takes its ranges with it, unless one is running (BullMQ then refuses).
   */
  private async withdraw(queue: Queue, ids: string[]): Promise<void> {
    for (const id of ids) {
      const job = await Job.fromId(queue, id).catch(() => undefined);
      const state = await job?.getState();
      if (state === 'waiting' || state === 'waiting-children') {
        await job?.remove().catch(() => undefined);
      }
    }
  }
}
