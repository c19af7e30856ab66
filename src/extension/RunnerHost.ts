// Owns the out-of-process BatchRunner: started lazily on the first run, shut down on deactivate,
// and replaced transparently when its child process died in a way it could not recover from.
import type { BatchHandlers, BatchRequest, BatchRunner } from '../runner/types';
import type { RenderedPage } from '../shared/protocol';
import type { RunReport } from '../shared/report';
import type { SearchOptions, SearchResult } from '../shared/search';
import type { Log } from './Log';

export type RunnerFactory = () => BatchRunner;

export class RunnerHost {
  private runner: BatchRunner | undefined;

  constructor(
    private readonly createRunner: RunnerFactory,
    private readonly log: Pick<Log, 'info' | 'warn'>,
  ) {}

  get started(): boolean {
    return this.runner !== undefined;
  }

  /** The child process's pid, when the runner exposes it (diagnostics and tests). */
  get childPid(): number | undefined {
    return (this.runner as { childPid?: number } | undefined)?.childPid;
  }

  async run(request: BatchRequest, handlers: BatchHandlers): Promise<RunReport> {
    let filesDone = 0;
    const counting: BatchHandlers = {
      ...handlers,
      onFileDone: (report) => {
        filesDone++;
        handlers.onFileDone?.(report);
      },
    };
    try {
      return await this.current().run(request, counting);
    } catch (error) {
      await this.discard(error);
      // Nothing was lost yet: start a fresh child and run the batch once more.
      if (filesDone === 0) return this.current().run(request, handlers);
      throw error;
    }
  }

  cancel(): void {
    this.runner?.cancel();
  }

  /**
   * Searches the extracted text in the child process's index (never on the extension host's
   * thread), starting the child if need be.
   */
  search(query: string, options: SearchOptions): Promise<SearchResult> {
    const runner = this.current() as BatchRunner & {
      search?(query: string, options: SearchOptions): Promise<SearchResult>;
    };
    if (!runner.search) throw new Error('This runner cannot search.');
    return runner.search(query, options);
  }

  /** One page of a source as an image, rendered in the child process (started if need be). */
  renderPage(
    request: Parameters<NonNullable<BatchRunner['renderPage']>>[0],
  ): Promise<RenderedPage> {
    const runner = this.current();
    if (!runner.renderPage) throw new Error('This runner cannot render pages.');
    return runner.renderPage(request);
  }

  async dispose(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.dispose();
  }

  private current(): BatchRunner {
    if (!this.runner) {
      this.log.info('starting the extraction process');
      this.runner = this.createRunner();
    }
    return this.runner;
  }

  private async discard(error: unknown): Promise<void> {
    this.log.warn(`extraction process failed, replacing it: ${String(error)}`);
    const runner = this.runner;
    this.runner = undefined;
    await runner?.dispose().catch(() => undefined);
  }
}
