// One batch inside the child process: walk the folder, account for every file, look each up in
// the cache, schedule the rest on the pool (probing long PDFs and splitting scans into page
// ranges), write outputs as files finish, and stream events to the parent. Only small report
// entries are kept here; document text lives in pool threads and on disk.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { hasFolioCode, toFolioError, type ErrorCode } from '../../shared/errors';
import type { ExtractedDocument } from '../../shared/model';
import type { ExtractOptions } from '../../shared/options';
import type { ChildToParent, StartBatch } from '../../shared/protocol';
import type { FileOutcome, FileReport, RunReport } from '../../shared/report';
import { cacheKey, OutputCache, outputSettings, sha256OfFile } from '../output/cache';
import { defaultCacheDir, defaultOutDir, defaultWorkers } from './locations';
import { mergeRangeDocuments } from './merge-ranges';
import { copyFileAtomic } from '../../shared/atomic-file';
import { OutputNamer, resolveInside } from '../output/output-writer';
import { passwordFor } from '../../shared/password-file';
import { estimateCost, pageRanges, PROBE_MIN_BYTES } from './plan';
import {
  buildRunReport,
  failedOutcome,
  fileReport,
  filesPerMinute,
} from '../../shared/report-builder';
import { kindFromName } from '../../shared/formats';
import { walkFolder, type FileEntry } from './walk-folder';
import { finishDocument } from '../thread/finish-document';
import { affordableWorkers, MemoryGovernor } from './memory-governor';
import type { TaskInput, TaskRunner } from './piscina-runner';
import { Scheduler, type TaskOutcome } from './scheduler';
import type { OutputTarget, ProgressUpdate } from '../thread/task-types';

export interface BatchRunEnvironment {
  emit(message: ChildToParent): void;
  /** Creates the thread pool (piscina in production). */
  createRunner(threads: number, maxOldGenerationSizeMb: number): TaskRunner;
  /** File names to accept besides the supported types (the fault-injection tests' own names). */
  acceptName?: (name: string) => boolean;
  /** Resident memory of this process in MB (threads included). */
  rssMb(): number;
}

const STATS_INTERVAL_MS = 500;
const PROGRESS_THROTTLE_MS = 100;

/** Ends of a task after retries, as the file's processing sees them. */
type TaskEnd =
  | { ok: true; outcome?: FileOutcome; doc?: ExtractedDocument }
  | { ok: false; outcome: FileOutcome };

export function threadHeapLimitMb(memoryLimitMb: number): number {
  return Math.max(64, Math.min(4096, Math.round(memoryLimitMb * 0.5)));
}

/** A thread whose heap grew past its share of the memory budget is replaced when idle. */
export function threadRecycleMb(memoryLimitMb: number, workers: number): number {
  return Math.max(64, Math.round(memoryLimitMb / (2 * workers)));
}

export class BatchRun {
  private cancelled = false;
  private scheduler?: Scheduler;
  private readonly reports = new Map<string, FileReport>();
  private readonly startedAt = new Date();
  private total = 0;
  private filesInFlight = 0;
  private peakRssMb = 0;
  private workers = 1;

  constructor(
    private readonly start: StartBatch,
    private readonly env: BatchRunEnvironment,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.scheduler?.cancelAll();
  }

  async run(): Promise<RunReport> {
    const { batch, input } = this.start;
    this.workers = Math.max(1, Math.min(32, batch.workers ?? defaultWorkers()));
    const cacheDir = path.resolve(batch.cacheDir ?? defaultCacheDir());
    const outDir = path.resolve(batch.outDir ?? defaultOutDir(cacheDir, input));
    await mkdir(outDir, { recursive: true });
    await mkdir(cacheDir, { recursive: true });

    const entries = await walkFolder(input, {
      include: batch.include,
      exclude: batch.exclude,
      followSymlinks: batch.followSymlinks,
      skipDirs: [outDir, cacheDir],
      acceptName: this.env.acceptName,
    });
    const selected = this.select(entries);
    this.total = selected.length;
    this.env.emit({
      type: 'planned',
      batchId: this.start.batchId,
      files: selected.map((e) => e.rel),
    });
    for (const entry of selected) {
      if (entry.type === 'skipped') {
        this.finish(
          entry.rel,
          failedOutcome(entry.code, entry.message, kindFromName(entry.rel), 'skipped'),
          {
            ms: 0,
          },
        );
      }
    }

    const files = selected
      .filter((e): e is FileEntry => e.type === 'file')
      .map((entry) => ({ entry, cost: estimateCost(entry.rel, entry.size) }))
      .sort((a, b) => b.cost - a.cost);
    const governor = new MemoryGovernor(this.workers, batch.memoryLimitMb);
    governor.startWith(affordableWorkers(batch.memoryLimitMb));
    const runner = this.env.createRunner(this.workers, threadHeapLimitMb(batch.memoryLimitMb));
    const scheduler = new Scheduler(runner, governor);
    this.scheduler = scheduler;
    if (this.cancelled) scheduler.cancelAll();
    const stats = setInterval(
      () => this.sampleStats(governor, runner, scheduler),
      STATS_INTERVAL_MS,
    );
    const ctx: FileContext = {
      cache: new OutputCache(cacheDir),
      namer: new OutputNamer(batch.format),
      outDir,
      aliasDir: path.join(cacheDir, 'tmp'),
      scheduler,
    };
    try {
      this.sampleStats(governor, runner, scheduler);
      // A few more feeders than threads, so the scheduler always has the next-biggest task ready.
      const feeders = Math.min(files.length, this.workers + 2);
      let next = 0;
      let ready = 0;
      const gateTimer = setTimeout(() => scheduler.release(), 2000);
      scheduler.hold();
      const feeder = async () => {
        let first = true;
        const markReady = () => {
          if (!first) return;
          first = false;
          if (++ready >= feeders) {
            clearTimeout(gateTimer);
            scheduler.release();
          }
        };
        while (next < files.length) {
          const { entry, cost } = files[next++];
          await this.processFile(entry, cost, { ...ctx, markReady });
          markReady();
        }
        markReady();
      };
      if (feeders === 0) scheduler.release();
      await Promise.all(Array.from({ length: feeders }, feeder));
      clearTimeout(gateTimer);
    } finally {
      clearInterval(stats);
      this.sampleStats(governor, runner, scheduler);
      scheduler.dispose();
      await runner.destroy().catch(() => undefined);
    }
    return buildRunReport({
      input,
      startedAt: this.startedAt,
      finishedAt: new Date(),
      files: selected.map((e) => this.reports.get(e.rel)).filter((r): r is FileReport => !!r),
      peakRssMb: this.peakRssMb,
      workers: this.workers,
    });
  }

  /** The entries this start covers: everything walked, or only the files a resume asked for. */
  private select(entries: Awaited<ReturnType<typeof walkFolder>>) {
    const wanted = this.start.files;
    if (!wanted) return entries;
    const byAbs = new Map(entries.map((e) => [path.join(this.start.input, e.rel), e]));
    return wanted.map(
      (abs) =>
        byAbs.get(abs) ?? {
          type: 'skipped' as const,
          rel: path.relative(this.start.input, abs).split(path.sep).join('/'),
          code: 'UNREADABLE' as ErrorCode,
          message: 'The file disappeared before it could be read.',
        },
    );
  }

  private sampleStats(governor: MemoryGovernor, runner: TaskRunner, scheduler: Scheduler): void {
    const rssMb = this.env.rssMb();
    this.peakRssMb = Math.max(this.peakRssMb, rssMb);
    const decision = governor.sample(rssMb, Date.now());
    if (decision.release) runner.releaseMemory();
    if (decision.changed) {
      this.env.emit({
        type: 'log',
        level: 'warn',
        message: `memory: RSS ${Math.round(rssMb)} MB (limit ${governor.hardLimitMb} MB): concurrency now ${governor.concurrency}`,
      });
    }
    scheduler.pump();
    const done = this.reports.size;
    const elapsed = Date.now() - this.startedAt.getTime();
    this.env.emit({
      type: 'stats',
      batchId: this.start.batchId,
      sample: {
        t: elapsed,
        done,
        total: this.total,
        filesPerMin: filesPerMinute(done, elapsed),
        rssMb: Math.round(rssMb),
        queued: Math.max(0, this.total - done - this.filesInFlight),
        active: scheduler.active,
        workers: governor.concurrency,
      },
    });
  }

  private finish(
    rel: string,
    outcome: FileOutcome,
    extra: { ms: number; output?: string; cached?: boolean; attempts?: number },
  ): void {
    if (this.reports.has(rel)) return;
    const report = fileReport(rel, outcome, extra);
    this.reports.set(rel, report);
    this.env.emit({ type: 'fileDone', batchId: this.start.batchId, report });
  }

  private async processFile(entry: FileEntry, cost: number, ctx: FileContext): Promise<void> {
    const startedAt = Date.now();
    const kind = kindFromName(entry.rel);
    if (this.cancelled) {
      this.finish(entry.rel, cancelledOutcome(kind), { ms: 0 });
      return;
    }
    this.filesInFlight++;
    let alias: string | undefined;
    let attempts = 0;
    try {
      alias = entry.raw ? await makeAlias(entry, ctx.aliasDir) : undefined;
      const openPath = alias ?? entry.abs;
      const { batch } = this.start;
      const password = passwordFor(entry.rel, batch.passwords);
      const extract: ExtractOptions = {
        ...this.start.extract,
        ...(password !== undefined ? { password } : {}),
        pdf: { ...this.start.extract.pdf, pageRange: undefined },
      };
      if (password === undefined) delete extract.password;
      let sha: string;
      try {
        sha = await sha256OfFile(openPath);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        this.finish(
          entry.rel,
          failedOutcome(
            'UNREADABLE',
            code === 'ENOENT'
              ? 'The file disappeared before it could be read.'
              : code === 'ENOTFILE'
                ? 'The file was replaced by something that is not a regular file (a pipe or device) and was not read.'
                : `The file cannot be read (${code ?? 'error'}).`,
            kind,
          ),
          { ms: Date.now() - startedAt },
        );
        return;
      }
      const key = cacheKey(sha, outputSettings(extract, batch.format, password));
      const outputPath = resolveInside(ctx.outDir, ctx.namer.claim(entry.rel));
      if (batch.cache) {
        const hit = await ctx.cache.lookup(key, batch.format);
        if (hit) {
          if (hit.contentPath) await copyFileAtomic(hit.contentPath, outputPath);
          this.finish(entry.rel, hit.outcome, {
            ms: Date.now() - startedAt,
            ...(hit.contentPath ? { output: outputPath } : {}),
            cached: true,
            attempts: 0,
          });
          return;
        }
      }
      if (this.cancelled) {
        this.finish(entry.rel, cancelledOutcome(kind), { ms: Date.now() - startedAt });
        return;
      }
      const target: OutputTarget = {
        format: batch.format,
        contentPath: ctx.cache.contentPath(key, batch.format),
        outputPath,
      };
      // Keyed as the parent keys it: the input folder as given, joined with the relative path.
      const crashes =
        this.start.childCrashCounts?.[path.join(this.start.input, ...entry.rel.split('/'))] ?? 0;
      const job: JobContext = {
        rel: entry.rel,
        priority: cost,
        exclusive: crashes > 0,
        clock: {},
        totalCapMs: batch.fileTotalCapSeconds * 1000,
        noProgressMs: batch.fileTimeoutSeconds * 1000,
        kind,
        onAttempt: (attempt) => {
          // Page ranges start the same attempt several times: announce each attempt once.
          if (attempt <= attempts) return;
          attempts = attempt;
          this.env.emit({
            type: 'fileStarted',
            batchId: this.start.batchId,
            path: entry.rel,
            attempt,
          });
        },
        onProgress: this.progressForwarder(entry.rel),
        markReady: () => ctx.markReady?.(),
      };
      const base = {
        type: 'extract' as const,
        filePath: openPath,
        sourcePath: entry.abs,
        extract,
        sha256: sha,
        attempt: 1,
        childCrashes: crashes,
        recycleAboveMb: threadRecycleMb(batch.memoryLimitMb, this.workers),
      };
      const ranges = await this.planRanges(entry, openPath, password, job, ctx.scheduler);
      let end: TaskEnd;
      if (ranges.length <= 1) {
        end = await runWithRetry({ ...base, write: target }, job, ctx.scheduler);
      } else {
        const parts = await Promise.all(
          ranges.map((pageRange) =>
            runWithRetry(
              { ...base, extract: { ...extract, pdf: { ...extract.pdf, pageRange } } },
              job,
              ctx.scheduler,
            ),
          ),
        );
        const failure = parts.find((p) => !p.ok);
        if (failure) end = failure;
        else {
          const docs = parts.map((p) => (p.ok ? p.doc : undefined));
          if (docs.some((d) => d === undefined))
            throw new Error('a page range returned no document');
          end = {
            ok: true,
            outcome: await finishDocument(mergeRangeDocuments(docs as ExtractedDocument[]), target),
          };
        }
      }
      const outcome = end.ok ? end.outcome : end.outcome;
      if (!outcome) throw new Error('the pool returned no result');
      const written = outcome.status === 'ok' || outcome.status === 'partial';
      const workStart = job.clock.startedAt ?? startedAt;
      // Report first: the parent must know the file is done before the scheduler starts a
      // suspect that may kill this process (otherwise this file would share the blame).
      this.finish(entry.rel, outcome, {
        ms: Date.now() - workStart,
        ...(written ? { output: outputPath } : {}),
        attempts,
      });
      await ctx.cache.remember(key, outcome).catch(() => undefined);
    } catch (error) {
      const failure = toFolioError(error);
      this.finish(entry.rel, failedOutcome(failure.code, failure.message, kind), {
        ms: Date.now() - startedAt,
        attempts,
      });
    } finally {
      this.filesInFlight--;
      if (alias) await rm(path.dirname(alias), { recursive: true, force: true });
    }
  }

  /** Long scanned PDFs are cut into page ranges; everything else runs whole. */
  private async planRanges(
    entry: FileEntry,
    openPath: string,
    password: string | undefined,
    job: JobContext,
    scheduler: Scheduler,
  ): Promise<{ from: number; to: number }[]> {
    const ocr = this.start.extract.ocr.enabled;
    if (
      job.kind !== 'pdf' ||
      entry.size < PROBE_MIN_BYTES ||
      !ocr ||
      this.workers < 2 ||
      job.exclusive
    ) {
      return [];
    }
    const pending = scheduler.submit(
      { type: 'probe', filePath: openPath, ...(password !== undefined ? { password } : {}) },
      {
        priority: job.priority + 1,
        noProgressMs: job.noProgressMs,
        fileClock: job.clock,
        totalCapMs: job.totalCapMs,
      },
    );
    job.markReady();
    const outcome = await pending;
    if (outcome.type !== 'result' || !('probe' in outcome.result) || !outcome.result.probe)
      return [];
    return pageRanges(outcome.result.probe, this.workers, ocr);
  }

  private progressForwarder(rel: string): (update: ProgressUpdate) => void {
    let last = 0;
    return (update) => {
      const now = Date.now();
      if (update.page === undefined) return;
      const final = update.pages !== undefined && update.page >= update.pages;
      if (!final && now - last < PROGRESS_THROTTLE_MS) return;
      last = now;
      this.env.emit({
        type: 'progress',
        batchId: this.start.batchId,
        path: rel,
        page: update.page,
        pages: update.pages ?? 0,
      });
    };
  }
}

interface FileContext {
  /** Called when this file is about to wait on the scheduler (or is done without it). */
  markReady?: () => void;
  cache: OutputCache;
  namer: OutputNamer;
  outDir: string;
  aliasDir: string;
  scheduler: Scheduler;
}

interface JobContext {
  rel: string;
  priority: number;
  exclusive: boolean;
  /** When the file's first task started (queue time is not the file's time). */
  clock: { startedAt?: number };
  totalCapMs: number;
  noProgressMs: number;
  kind: ReturnType<typeof kindFromName>;
  onAttempt(attempt: number): void;
  onProgress(update: ProgressUpdate): void;
  markReady(): void;
}

function cancelledOutcome(kind: ReturnType<typeof kindFromName>): FileOutcome {
  return failedOutcome(
    'CANCELLED',
    'The batch was cancelled before this file finished.',
    kind,
    'skipped',
  );
}

/** A file whose name is not valid UTF-8 is opened through an ASCII-named symlink. */
async function makeAlias(entry: FileEntry, aliasDir: string): Promise<string> {
  await mkdir(aliasDir, { recursive: true });
  const dir = await mkdtemp(path.join(aliasDir, 'alias-'));
  const alias = path.join(dir, `input${path.extname(entry.abs).replace(/[^A-Za-z0-9.-]/g, '')}`);
  await symlink(entry.raw as Buffer, alias);
  return alias;
}

/** How often a task may land on a thread that was recycling itself before that counts as a crash. */
const MAX_RECYCLE_RACES = 3;

/**
 * Runs one task; a thread that dies is replaced by piscina and the task retried once, then the
 * file is WORKER_CRASH. Timeouts, out-of-memory and cancellation are final.
 */
async function runWithRetry(
  task: Extract<TaskInput, { type: 'extract' }>,
  job: JobContext,
  scheduler: Scheduler,
): Promise<TaskEnd> {
  let recycleRaces = 0;
  for (let attempt = 1; ; attempt++) {
    const pending: Promise<TaskOutcome> = scheduler.submit(
      { ...task, attempt },
      {
        priority: job.priority,
        exclusive: job.exclusive,
        noProgressMs: job.noProgressMs,
        fileClock: job.clock,
        totalCapMs: job.totalCapMs,
        onStart: () => job.onAttempt(attempt),
        onProgress: job.onProgress,
      },
    );
    job.markReady();
    const outcome = await pending;
    switch (outcome.type) {
      case 'result': {
        const result = outcome.result;
        if ('probe' in result) throw new Error('unexpected probe result');
        if (result.ok) return result;
        const code = hasFolioCode(result) ? result.code : 'INTERNAL';
        return { ok: false, outcome: failedOutcome(code, result.message, result.kind ?? job.kind) };
      }
      case 'crash':
        // An idle thread recycles itself with exit code 0 (pool-worker.ts); piscina can hand it a
        // new task just before it goes. That is not this file's fault: retry without counting.
        if (/exited with code:? 0\b/.test(outcome.message) && recycleRaces < MAX_RECYCLE_RACES) {
          recycleRaces++;
          attempt--;
          continue;
        }
        if (attempt < 2) continue;
        return {
          ok: false,
          outcome: failedOutcome(
            'WORKER_CRASH',
            `The worker thread died twice on this file (${outcome.message}).`,
            job.kind,
          ),
        };
      case 'timeout':
        return { ok: false, outcome: failedOutcome('TIMEOUT', outcome.message, job.kind) };
      case 'oom':
        return {
          ok: false,
          outcome: failedOutcome(
            'OUT_OF_MEMORY',
            'The file needed more memory than one worker thread may use and was aborted.',
            job.kind,
          ),
        };
      case 'cancelled':
        return { ok: false, outcome: cancelledOutcome(job.kind) };
    }
  }
}
