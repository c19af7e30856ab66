// The child process's loop: forked by the parent (CLI or extension host), it owns the thread pool
// so a crash or out-of-memory here never takes the parent down. It speaks the protocol in
// src/shared/protocol.ts over Node's IPC channel and exits when the parent goes away. The entry
// (child-main.ts) only says which pool worker to run.
import type { ChildToParent, ParentToChild, RenderPageRequest } from '../../shared/protocol';
import { ENGINE_VERSION } from '../../shared/version';
import { BatchRun } from './batch-run';
import { KeptPool } from './kept-pool';
import { PiscinaRunner } from './piscina-runner';
import { SearchService } from './search-service';

export interface ChildSetup {
  /** The bundled pool worker the threads run (absolute path). */
  workerFile: string;
  /** File names to accept besides the supported types (the fault-injection tests' own names). */
  acceptName?: (name: string) => boolean;
  /** Keep one pool across batches (the queue worker's child, which runs one file per batch). */
  keepPool?: boolean;
  /**
   * Index finished files for search (default true). The queue worker's child does not: its
   * batches are one-link view folders removed after each job, so its entries would name folders
   * that are gone, and rewriting the shared cache's index after every job cost each job the
   * whole index's save (issue 14).
   */
  searchIndex?: boolean;
}

const NO_SEARCH = 'This process (a queue worker child) keeps no search index.';

/** Serves batches for the parent until it goes away. */
export function serveChild(setup: ChildSetup): void {
  function send(message: ChildToParent): void {
    if (process.connected) process.send?.(message);
  }

  let current: { id: string; run: BatchRun } | undefined;
  const kept = setup.keepPool ? new KeptPool(setup.workerFile) : undefined;
  // The search index outlives batches: one per cache folder, for as long as the child lives.
  const search =
    setup.searchIndex === false
      ? undefined
      : new SearchService((message) => send({ type: 'log', level: 'warn', message }));

  async function startBatch(message: Extract<ParentToChild, { type: 'start' }>): Promise<void> {
    if (current) {
      send({
        type: 'batchFailed',
        batchId: message.batchId,
        message: 'A batch is already running.',
      });
      return;
    }
    const run = new BatchRun(message, {
      emit: send,
      createRunner: (threads, maxOldGenerationSizeMb) =>
        kept?.runnerFor(threads, maxOldGenerationSizeMb) ??
        new PiscinaRunner({ workerFile: setup.workerFile, threads, maxOldGenerationSizeMb }),
      acceptName: setup.acceptName,
      rssMb: () => process.memoryUsage.rss() / (1024 * 1024),
      search,
    });
    current = { id: message.batchId, run };
    try {
      const report = await run.run();
      send({ type: 'batchDone', batchId: message.batchId, report });
    } catch (error) {
      send({
        type: 'batchFailed',
        batchId: message.batchId,
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      current = undefined;
    }
  }

  // Loaded on first use: a child that only extracts never loads the page renderer.
  async function renderPage(message: RenderPageRequest): Promise<void> {
    const { type: _type, requestId, ...request } = message;
    try {
      const { renderSourcePage } = await import('./render-page');
      send({ type: 'renderPageResult', requestId, page: await renderSourcePage(request) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      send({
        type: 'renderPageResult',
        requestId,
        error: `The page could not be shown: ${reason}`,
      });
    }
  }

  process.on('message', (message: ParentToChild) => {
    switch (message.type) {
      case 'start':
        void startBatch(message);
        break;
      case 'search':
        if (search) void search.answer(message).then(send);
        else send({ type: 'searchResult', requestId: message.requestId, error: NO_SEARCH });
        break;
      case 'cancel':
        if (current?.id === message.batchId) current.run.cancel();
        break;
      case 'renderPage':
        void renderPage(message);
        break;
      case 'shutdown':
        current?.run.cancel();
        process.disconnect?.();
        setTimeout(() => process.exit(0), 50).unref();
        break;
    }
  });

  // Ctrl-C in a terminal reaches the whole process group: the parent turns it into a `cancel`
  // (so the report is still complete); the child must not die of it on its own.
  process.on('SIGINT', () => undefined);

  // Without a parent there is nobody to report to: stop rather than linger as an orphan.
  process.on('disconnect', () => {
    current?.run.cancel();
    setTimeout(() => process.exit(0), 200).unref();
  });

  send({ type: 'ready', pid: process.pid, version: ENGINE_VERSION });
}
