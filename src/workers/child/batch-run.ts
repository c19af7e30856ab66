// One batch inside the child process: walk the folder, account for every file, prepare each
// (hash, cache lookup, output name), deliver cache hits and schedule the rest on the pool
// biggest first, and report every file to the parent as it ends. Only small report entries are
// kept here; document text lives in pool threads and on disk.
import path from 'node:path';
import { copyFileAtomic } from '../../shared/atomic-file';
import { toFolioError } from '../../shared/errors';
import { kindFromName } from '../../shared/formats';
import type { ChildToParent, StartBatch } from '../../shared/protocol';
import type { FileOutcome, FileReport, RunReport } from '../../shared/report';
import {
  buildRunReport,
  failedOutcome,
  fileReport,
  type ReportExtra,
} from '../../shared/report-builder';
import { settingsFingerprint } from '../../shared/settings-fingerprint';
import { removeTempFiles } from '../../shared/stale-temps';
import { OutputCache, sha256OfFile, type CacheHit } from '../output/cache';
import { OutputNamer } from '../output/output-writer';
import { BatchStats } from './batch-stats';
import { defaultWorkers } from './locations';
import { affordableWorkers, MemoryGovernor } from './memory-governor';
import type { TaskRunner } from './piscina-runner';
import { estimateCost } from './plan';
import {
  prepareFile,
  type FreshFile,
  type PrepareContext,
  type PreparedFile,
} from './prepare-file';
import { removeRangeEntries } from './range-entry';
import { runOnPool, type FileToRun, type PoolContext } from './run-on-pool';
import {
  ContentClaims,
  type Claim,
  type ContentResult,
  type FirstExtraction,
} from './content-claims';
import { applyRelations } from './duplicates';
import { admissionTraceFromEnv, type AdmissionTrace } from './admission-trace';
import type { FinishedFile, SearchService } from './search-service';
import { cancelledOutcome } from './run-with-retry';
import { Scheduler } from './scheduler';
import { selectEntries } from './select-entries';
import { threadHeapLimitMb } from './thread-limits';
import { fileRels, walkBatch, type FileEntry } from './walk-folder';

export interface BatchRunEnvironment {
  emit(message: ChildToParent): void;
  /** Creates the thread pool (piscina in production). */
  createRunner(threads: number, maxOldGenerationSizeMb: number): TaskRunner;
  /** File names to accept besides the supported types (the fault-injection tests' own names). */
  acceptName?: (name: string) => boolean;
  /** Resident memory of this process in MB (threads included). */
  rssMb(): number;
  /** Indexes each finished file for search (absent: no index, as in the pool unit tests). */
  search?: SearchService;
  /** The scheduling trace (absent: as FOLIO_TRACE asks, see admission-trace.ts). */
  trace?: AdmissionTrace;
}

/** Where a finished file's text is, for the search index. */
type IndexSource = Pick<FinishedFile, 'cacheKey' | 'sha256' | 'contentPath'>;

/** How long the first wave of files may take to prepare before dispatch starts anyway. */
const FIRST_WAVE_MAX_WAIT_MS = 2000;

/** What every file of the run shares. */
interface RunContext extends PrepareContext, PoolContext {
  stats: BatchStats;
}

/** A file taken up from the plan: its preparation started when it was taken. */
interface TakenFile extends FileToRun {
  /** Absent when the batch was cancelled before the file was taken up. */
  prepared?: Promise<PreparedFile>;
  /** Whether it extracts its content or waits for an earlier file with the same bytes. */
  claim?: Promise<Claim>;
}

export class BatchRun {
  private cancelled = false;
  private scheduler?: Scheduler;
  private readonly reports = new Map<string, FileReport>();
  private readonly startedAt = new Date();
  /** Which file extracts each content; an exact duplicate waits for it. */
  private readonly claims = new ContentClaims();
  private cacheDir = '';

  constructor(
    private readonly start: StartBatch,
    private readonly env: BatchRunEnvironment,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.scheduler?.cancelAll();
  }

  async run(): Promise<RunReport> {
    const { batch, input, batchId } = this.start;
    const workers = Math.max(1, Math.min(32, batch.workers ?? defaultWorkers()));
    const { outDir, cacheDir, walked } = await walkBatch(batch, input, this.env.acceptName);
    this.cacheDir = cacheDir;
    const selected = selectEntries(walked, input, this.start.files);
    this.env.emit({ type: 'planned', batchId, files: selected.map((e) => e.rel) });
    for (const entry of selected) {
      if (entry.type !== 'skipped') continue;
      const kind = kindFromName(entry.rel);
      this.finish(entry.rel, failedOutcome(entry.code, entry.message, kind, 'skipped'), { ms: 0 });
    }
    const files = selected
      .filter((e): e is FileEntry => e.type === 'file')
      .map((entry) => ({ entry, cost: estimateCost(entry.rel, entry.size) }))
      .sort((a, b) => b.cost - a.cost);

    const governor = new MemoryGovernor(workers, batch.memoryLimitMb);
    governor.startWith(affordableWorkers(batch.memoryLimitMb));
    const runner = this.env.createRunner(workers, threadHeapLimitMb(batch.memoryLimitMb));
    const trace = this.env.trace ?? admissionTraceFromEnv();
    const scheduler = new Scheduler(runner, governor, undefined, trace);
    this.scheduler = scheduler;
    trace.event('batch', {
      workers,
      files: files.length,
      limitMb: batch.memoryLimitMb,
      concurrency: governor.concurrency,
    });
    if (this.cancelled) scheduler.cancelAll();
    const stats = new BatchStats({
      batchId,
      startedAt: this.startedAt,
      total: selected.length,
      done: () => this.reports.size,
      emit: (message) => this.env.emit(message),
      rssMb: () => this.env.rssMb(),
      governor,
      runner,
      scheduler,
    });
    const ctx: RunContext = {
      start: this.start,
      emit: (message) => this.env.emit(message),
      batch,
      extract: this.start.extract,
      cache: new OutputCache(cacheDir),
      namer: new OutputNamer(batch.format, fileRels(walked), this.start.outputNames),
      outDir,
      aliasDir: path.join(cacheDir, 'tmp'),
      workers,
      scheduler,
      cacheDir,
      stats,
    };
    stats.start();
    try {
      await this.feed(files, ctx);
    } finally {
      stats.stop();
      scheduler.dispose();
      trace.event('batchEnd');
      if (!this.env.trace) trace.close();
      await runner.destroy().catch(() => undefined);
      // Threads terminated mid-write (cancelled, timed out) leave their temporary files behind.
      const own = (pid: number) => pid === process.pid;
      await Promise.all([removeTempFiles(outDir, own), removeTempFiles(cacheDir, own)]);
    }
    const reported = selected
      .map((e) => this.reports.get(e.rel))
      .filter((r): r is FileReport => !!r);
    if (this.env.search) {
      // A whole-folder run knows every file: those the index holds that are gone are dropped.
      if (!this.start.files) {
        const walkedPaths = new Set(walked.map((e) => e.rel));
        const indexed = await this.env.search.indexedPaths(cacheDir, input);
        await this.env.search.forget(
          cacheDir,
          input,
          indexed.filter((rel) => !walkedPaths.has(rel)),
        );
      }
      const store = await this.env.search.store(cacheDir);
      await this.env.search.settled();
      const signatureOf = (rel: string) => store.index.file(input, rel)?.signature;
      applyRelations(reported, signatureOf, batch.nearDuplicateThreshold);
      await this.env.search.flush();
    }
    return buildRunReport({
      input,
      startedAt: this.startedAt,
      finishedAt: new Date(),
      files: reported,
      peakRssMb: stats.peakRssMb,
      workers,
      settingsFingerprint: settingsFingerprint(this.start.extract, batch.format),
    });
  }

  /** Works through the files in plan order, a few more at a time than there are threads. */
  private async feed(files: { entry: FileEntry; cost: number }[], ctx: RunContext): Promise<void> {
    let next = 0;
    const take = () => this.take(files[next++], ctx);
    // A few more files in hand than threads, so the scheduler always has the next-biggest ready.
    const firstWave = Array.from({ length: Math.min(files.length, ctx.workers + 2) }, take);
    const prepared = Promise.allSettled(firstWave.map((file) => file.prepared));
    ctx.scheduler.holdFirstWave(prepared, FIRST_WAVE_MAX_WAIT_MS);
    const feeder = async (first: TakenFile) => {
      await this.processFile(first, ctx);
      while (next < files.length) await this.processFile(take(), ctx);
    };
    await Promise.all(firstWave.map(feeder));
  }

  private take({ entry, cost }: { entry: FileEntry; cost: number }, ctx: RunContext): TakenFile {
    const kind = kindFromName(entry.rel);
    const taken: TakenFile = { entry, cost, kind, startedAt: Date.now() };
    if (this.cancelled) return taken;
    ctx.stats.fileStarted();
    ctx.scheduler.trace.event('phase', { file: entry.rel, phase: 'preparing' });
    const prepared = prepareFile(entry, kind, ctx);
    const key = prepared.then(
      (p) => (p.type === 'fresh' ? p.file.cacheKey : undefined),
      () => undefined,
    );
    return { ...taken, prepared, claim: this.claims.claim(entry.rel, entry.size, key) };
  }

  /** Prepared → cache hit or schedule → report. Never throws: a failure is the file's report. */
  private async processFile(file: TakenFile, ctx: RunContext): Promise<void> {
    const { entry, kind } = file;
    if (!file.prepared) return this.finish(entry.rel, cancelledOutcome(kind), { ms: 0 });
    let leader: Extract<Claim, { role: 'first' }> | undefined;
    try {
      const prepared = await file.prepared;
      if (prepared.type === 'unreadable') {
        this.finish(entry.rel, prepared.outcome, {
          ms: Date.now() - file.startedAt,
          size: entry.size,
        });
      } else if (prepared.type === 'cached') {
        await this.deliverCached(file, prepared.hit, prepared.outputPath, {
          sha256: prepared.sha256,
          cacheKey: prepared.cacheKey,
          ...(prepared.hit.contentPath ? { contentPath: prepared.hit.contentPath } : {}),
        });
      } else {
        const claim = (await file.claim) ?? { role: 'none' };
        if (claim.role === 'duplicate') {
          ctx.scheduler.trace.event('phase', { file: entry.rel, phase: 'duplicate-wait' });
          await prepared.file.close();
          await this.deliverDuplicate(file, prepared.file, claim.first);
        } else {
          if (claim.role === 'first') leader = claim;
          const settle = (result: ContentResult) => leader?.settle(result);
          await this.schedule(file, prepared.file, ctx, settle).finally(() =>
            prepared.file.close(),
          );
        }
      }
    } catch (error) {
      const failure = toFolioError(error);
      const outcome = failedOutcome(failure.code, failure.message, kind);
      this.finish(entry.rel, outcome, { ms: Date.now() - file.startedAt, attempts: 0 });
      leader?.settle({ outcome, written: false });
    } finally {
      // Duplicates never wait forever, whatever became of the first (settling twice is a no-op).
      leader?.settle({ outcome: cancelledOutcome(kind), written: false });
      ctx.stats.fileEnded();
      ctx.scheduler.trace.event('phase', { file: entry.rel, phase: 'done' });
    }
  }

  private async deliverCached(
    file: TakenFile,
    hit: CacheHit,
    outputPath: string,
    source: IndexSource,
  ): Promise<void> {
    if (hit.contentPath) await copyFileAtomic(hit.contentPath, outputPath);
    const outcome = { ...hit.outcome };
    // Entries cached before the report carried output hashes get one now.
    if (hit.contentPath && !outcome.outputSha256) {
      outcome.outputSha256 = await sha256OfFile(hit.contentPath);
    }
    this.finish(
      file.entry.rel,
      outcome,
      {
        ms: Date.now() - file.startedAt,
        ...(hit.contentPath ? { output: outputPath } : {}),
        cached: true,
        attempts: 0,
        sha256: source.sha256,
        size: file.entry.size,
      },
      source,
    );
  }

  /**
   * A file with the same bytes (and settings) as one this batch already runs: not extracted
   * again, its output copied from the first one's once that has finished.
   */
  private async deliverDuplicate(
    file: TakenFile,
    fresh: FreshFile,
    first: FirstExtraction,
  ): Promise<void> {
    const done = await first.done;
    const outputPath = fresh.target.outputPath;
    if (done.written) await copyFileAtomic(fresh.target.contentPath, outputPath);
    this.finish(
      file.entry.rel,
      done.outcome,
      {
        ms: Date.now() - file.startedAt,
        ...(done.written ? { output: outputPath } : {}),
        attempts: 0,
        sha256: fresh.sha256,
        size: file.entry.size,
        duplicateOf: first.rel,
      },
      { sha256: fresh.sha256, cacheKey: fresh.cacheKey, contentPath: fresh.target.contentPath },
    );
  }

  private async schedule(
    file: TakenFile,
    fresh: FreshFile,
    ctx: RunContext,
    settle: (result: ContentResult) => void,
  ): Promise<void> {
    const { rel } = file.entry;
    if (this.cancelled) {
      const outcome = cancelledOutcome(file.kind);
      this.finish(rel, outcome, { ms: Date.now() - file.startedAt });
      return settle({ outcome, written: false });
    }
    const end = await runOnPool(file, fresh, ctx);
    // A queued page range stores a raw document, not the file: no output, index or cache entry.
    const wholeFile = this.start.part?.type !== 'range';
    const written = wholeFile && (end.outcome.status === 'ok' || end.outcome.status === 'partial');
    // Report first: the parent must know the file is done before the scheduler starts a
    // suspect that may kill this process (otherwise this file would share the blame).
    this.finish(
      rel,
      end.outcome,
      {
        ms: end.ms,
        ...(written ? { output: fresh.target.outputPath } : {}),
        // Each earlier child that died with this file in flight was an attempt too.
        attempts: end.attempts + this.childCrashesOf(file.entry.rel),
        sha256: fresh.sha256,
        size: file.entry.size,
      },
      wholeFile
        ? { sha256: fresh.sha256, cacheKey: fresh.cacheKey, contentPath: fresh.target.contentPath }
        : undefined,
    );
    settle({ outcome: end.outcome, written });
    if (end.completed && wholeFile) {
      const remembered = await ctx.cache.remember(fresh.cacheKey, end.outcome).then(
        () => true,
        () => false,
      );
      // A failed merge (or an unstored file entry) keeps its ranges: the rerun reuses them.
      const { part } = this.start;
      if (remembered && written && part?.type === 'merge') {
        const ranges = part.ranges.map((r) => r.range);
        await removeRangeEntries(ctx.cacheDir, fresh.cacheKey, ranges);
      }
    }
  }

  /** Times a child process died with this file in flight earlier in the batch (parent's count). */
  private childCrashesOf(rel: string): number {
    const abs = path.join(this.start.input, ...rel.split('/'));
    return this.start.childCrashCounts?.[abs] ?? 0;
  }

  /** Reports a file to the parent, once, and queues its text for the search index. */
  private finish(
    rel: string,
    outcome: FileOutcome,
    extra: ReportExtra,
    source?: IndexSource,
  ): void {
    if (this.reports.has(rel)) return;
    const report = fileReport(rel, outcome, extra);
    this.reports.set(rel, report);
    this.env.emit({ type: 'fileDone', batchId: this.start.batchId, report });
    const { status, output } = report;
    // A file that failed or was skipped (not merely cancelled) has no current text: its old one
    // must not answer searches for it.
    const gone = (status === 'failed' || status === 'skipped') && report.code !== 'CANCELLED';
    if (this.env.search && gone)
      void this.env.search.forget(this.cacheDir, this.start.input, [rel]);
    if (this.env.search && source && output && (status === 'ok' || status === 'partial')) {
      void this.env.search.fileFinished(this.cacheDir, {
        input: this.start.input,
        path: rel,
        kind: outcome.kind === 'unknown' ? 'pdf' : outcome.kind,
        status,
        output,
        ...source,
      });
    }
  }
}
