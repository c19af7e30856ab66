// The parent side of the batch engine, shared by the CLI and the extension host: forks the child
// process (lazily, once, reused across runs), drives a batch over the protocol, and survives the
// child dying: it restarts the child and resumes with the files not yet done. A file in flight
// at two deaths is reported CHILD_CRASH; suspects run alone after a death so an innocent file
// sharing the pool with a killer is not blamed twice.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type {
  ChildToParent,
  ParentToChild,
  RenderedPage,
  RenderPageRequest,
  RenderPageResult,
  StartBatch,
} from '../shared/protocol';
import type { RunReport, StatsSample } from '../shared/report';
import type { SearchOptions, SearchResult } from '../shared/search';
import { buildRunReport, filesPerMinute, orderReports } from '../shared/report-builder';
import { settingsFingerprint } from '../shared/settings-fingerprint';
import { BatchTracker } from './batch-tracker';
import { PendingRequests } from './pending-requests';
import type { BatchHandlers, BatchRequest, BatchRunner } from './types';

export interface ChildProcessRunnerOptions {
  /** The built child entry (dist/child.mjs). */
  childScript: string;
  /** Environment of the child (defaults to this process's). */
  env?: NodeJS.ProcessEnv;
  execArgv?: string[];
  /** How long a cancelled child may take to report before it is killed. */
  cancelGraceMs?: number;
  /** Child deaths in one batch after which the batch itself fails. */
  maxRestarts?: number;
  /** How long to wait for a freshly forked child to say it is ready. */
  readyTimeoutMs?: number;
  /**
   * How long a search may take before it is given up (default 120 s: the first search after a
   * restart loads the index, about 5 s of CPU for 10,000 documents, longer on a loaded machine).
   */
  searchTimeoutMs?: number;
}

type SessionEnd =
  | { type: 'done'; report: RunReport }
  | { type: 'failed'; message: string }
  | { type: 'died'; detail: string };

interface Session {
  batchId: string;
  onMessage(message: ChildToParent): void;
  end(result: SessionEnd): void;
}

const MB = 1024 * 1024;

export class ChildProcessRunner implements BatchRunner {
  private child: ChildProcess | undefined;
  private ready: Promise<ChildProcess> | undefined;
  private session: Session | undefined;
  private cancelRequested = false;
  private cancelTimer: NodeJS.Timeout | undefined;
  private running = false;
  private disposed = false;
  /** search requests waiting for the child's answer. */
  private readonly searches = new PendingRequests<SearchResult>();
  /** renderPage requests waiting for the child's answer (a stuck render must not hang a view). */
  private readonly renders = new PendingRequests<RenderedPage>();

  constructor(private readonly options: ChildProcessRunnerOptions) {}

  /** The pid of the current child (for tests and diagnostics). */
  get childPid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Searches the extracted text indexed in `options.cacheDir` (see src/shared/search.ts for the
   * query syntax and the hits). Runs in the child, also while a batch runs; forks it if needed.
   */
  async search(query: string, options: SearchOptions): Promise<SearchResult> {
    if (this.disposed) throw new Error('The batch runner was disposed.');
    const child = await this.ensureChild({});
    const { requestId, answer } = this.searches.open(
      this.options.searchTimeoutMs ?? 120_000,
      'search',
    );
    this.send(child, { type: 'search', requestId, query, options });
    return answer;
  }

  async run(request: BatchRequest, handlers: BatchHandlers = {}): Promise<RunReport> {
    if (this.disposed) throw new Error('The batch runner was disposed.');
    if (this.running) throw new Error('A batch is already running.');
    this.running = true;
    this.cancelRequested = false;
    try {
      return await this.runBatch(request, handlers);
    } finally {
      this.running = false;
      clearTimeout(this.cancelTimer);
    }
  }

  private async runBatch(request: BatchRequest, handlers: BatchHandlers): Promise<RunReport> {
    const batchId = randomUUID();
    const tracker = new BatchTracker(request.input);
    const startedAt = new Date();
    const timeline: StatsSample[] = [];
    let peakTreeRssMb = 0;
    let workers: number | undefined;
    let restarts = 0;
    const maxRestarts = this.options.maxRestarts ?? 5;
    const sampleTree = (childRssMb: number) => {
      const tree = process.memoryUsage.rss() / MB + childRssMb;
      peakTreeRssMb = Math.max(peakTreeRssMb, tree);
      return tree;
    };

    const onMessage = (message: ChildToParent) => {
      switch (message.type) {
        case 'planned':
          if (!tracker.planned) {
            tracker.plannedFiles(message.files);
            handlers.onPlanned?.(message.files);
          }
          break;
        case 'fileStarted':
          tracker.started(message.path);
          handlers.onFileStarted?.(message.path, message.attempt);
          break;
        case 'progress':
          handlers.onProgress?.(message.path, message.page, message.pages);
          break;
        case 'fileDone':
          if (tracker.done(message.report)) handlers.onFileDone?.(message.report);
          break;
        case 'stats': {
          const treeRssMb = sampleTree(message.sample.rssMb);
          workers = Math.max(workers ?? 0, message.sample.workers);
          const elapsed = Date.now() - startedAt.getTime();
          const sample: StatsSample = {
            ...message.sample,
            t: elapsed,
            done: tracker.reports.size,
            total: tracker.planned?.length ?? message.sample.total,
            // The same rate as the final report's totals (countsForRate), not every file done.
            filesPerMin: filesPerMinute(tracker.rateCount, elapsed),
          };
          timeline.push(sample);
          handlers.onStats?.({ ...sample, treeRssMb: Math.round(treeRssMb) });
          break;
        }
        case 'log':
          handlers.onLog?.(message.level, message.message);
          break;
        default:
          break;
      }
    };

    let resume: Pick<StartBatch, 'files' | 'childCrashCounts'> = {};
    for (;;) {
      const child = await this.ensureChild(handlers);
      const end = await this.runSession(child, batchId, onMessage, {
        type: 'start',
        batchId,
        input: request.input,
        batch: request.batch,
        extract: request.extract,
        ...(request.part ? { part: request.part } : {}),
        ...(request.outputNames ? { outputNames: request.outputNames } : {}),
        ...resume,
      });
      if (end.type === 'done') {
        // Anything the parent missed (it should not) is taken from the child's own report.
        for (const report of end.report.files) {
          if (tracker.done(report)) handlers.onFileDone?.(report);
          else tracker.relate(report);
        }
        workers = end.report.workers ?? workers;
        break;
      }
      if (end.type === 'failed') throw new Error(`The batch could not run: ${end.message}`);
      if (this.cancelRequested) break;
      restarts++;
      handlers.onLog?.('warn', `child process died (${end.detail}); restarting and resuming`);
      for (const report of tracker.childDied()) handlers.onFileDone?.(report);
      if (restarts > maxRestarts) {
        throw new Error(`The batch could not run: the child process died ${restarts} times.`);
      }
      if (tracker.planned && tracker.remaining().length === 0) break;
      resume = tracker.planned
        ? { files: tracker.remaining(), childCrashCounts: { ...tracker.crashCounts } }
        : {};
    }
    for (const report of tracker.cancelRemaining()) handlers.onFileDone?.(report);
    return buildRunReport({
      input: request.input,
      startedAt,
      finishedAt: new Date(),
      files: orderReports(tracker.planned ?? [], tracker.reports),
      peakRssMb: Math.max(peakTreeRssMb, sampleTree(0)),
      timeline,
      settingsFingerprint: settingsFingerprint(request.extract, request.batch.format),
      ...(workers !== undefined ? { workers } : {}),
    });
  }

  private runSession(
    child: ChildProcess,
    batchId: string,
    onMessage: (message: ChildToParent) => void,
    start: StartBatch,
  ): Promise<SessionEnd> {
    return new Promise((resolve) => {
      const session: Session = {
        batchId,
        onMessage,
        end: (result) => {
          if (this.session !== session) return;
          this.session = undefined;
          resolve(result);
        },
      };
      this.session = session;
      this.send(child, start);
      if (this.cancelRequested) this.cancel();
    });
  }

  private send(child: ChildProcess, message: ParentToChild): void {
    if (child.connected) child.send(message);
  }

  private ensureChild(handlers: BatchHandlers): Promise<ChildProcess> {
    if (this.ready && this.child && this.child.exitCode === null && this.child.connected) {
      return this.ready;
    }
    const env = this.options.env ?? process.env;
    const child = fork(this.options.childScript, [], {
      // glibc gives each thread its own malloc arena and rarely returns their memory: with pool
      // threads coming and going the child's RSS creeps up (measured: peak 907 → 777 MB on the
      // real corpus with 2 arenas). The user's own setting wins.
      env: { MALLOC_ARENA_MAX: '2', ...env },
      execArgv: this.options.execArgv ?? [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.child = child;
    if (child.stderr) {
      createInterface({ input: child.stderr }).on('line', (line) =>
        handlers.onLog?.('debug', `child: ${line}`),
      );
    }
    this.ready = new Promise<ChildProcess>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('The child process did not start.'));
      }, this.options.readyTimeoutMs ?? 15_000);
      child.on('message', (message: ChildToParent) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(child);
          return;
        }
        if (message.type === 'searchResult') {
          const { requestId, result, error } = message;
          this.searches.settle(requestId, result ? { value: result } : { error: error ?? '' });
          return;
        }
        if (message.type === 'renderPageResult') return this.settleRender(message);
        const session = this.session;
        if (!session || ('batchId' in message && message.batchId !== session.batchId)) return;
        session.onMessage(message);
        if (message.type === 'batchDone') session.end({ type: 'done', report: message.report });
        if (message.type === 'batchFailed')
          session.end({ type: 'failed', message: message.message });
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The child process exited before it was ready (${signal ?? code}).`));
        this.searches.rejectAll('The extraction process stopped before the search finished.');
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
        }
        this.renders.rejectAll('The extraction process stopped before the page was shown.');
        this.session?.end({
          type: 'died',
          detail: signal ? `signal ${signal}` : `exit code ${code}`,
        });
      });
      child.on('error', (error) => handlers.onLog?.('error', `child process: ${error.message}`));
    });
    return this.ready;
  }

  /** One page of a source file as an image (rendered in the child, even while a batch runs). */
  async renderPage(request: Omit<RenderPageRequest, 'type' | 'requestId'>): Promise<RenderedPage> {
    if (this.disposed) throw new Error('The batch runner was disposed.');
    const child = await this.ensureChild({});
    const { requestId, answer } = this.renders.open(60_000, 'page renderer');
    this.send(child, { type: 'renderPage', requestId, ...request });
    return answer;
  }

  private settleRender(message: RenderPageResult): void {
    this.renders.settle(
      message.requestId,
      message.page
        ? { value: message.page }
        : { error: message.error ?? 'The page could not be shown.' },
    );
  }

  cancel(): void {
    this.cancelRequested = true;
    const session = this.session;
    const child = this.child;
    if (!session || !child) return;
    this.send(child, { type: 'cancel', batchId: session.batchId });
    clearTimeout(this.cancelTimer);
    // A child that cannot answer in time (stuck in native code) is killed: the report is then
    // completed here, every unfinished file marked CANCELLED.
    this.cancelTimer = setTimeout(() => {
      if (this.session === session) child.kill('SIGKILL');
    }, this.options.cancelGraceMs ?? 1500);
  }

  async dispose(): Promise<void> {
    // A batch still running ends as cancelled: its child is going away on purpose.
    this.disposed = true;
    this.cancelRequested = true;
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (child.connected) child.send({ type: 'shutdown' } satisfies ParentToChild);
      else child.kill('SIGKILL');
    });
  }
}
