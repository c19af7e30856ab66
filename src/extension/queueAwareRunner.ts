// The extension's runner for teams that run queue workers (issue 14): with `folio.queue.url` and
// `folio.queue.sharedFolder` set, an extraction goes to the Redis queue, its outputs and cache in
// the shared folder every worker sees (the extension's own storage is on this machine only).
// Search and page rendering stay with the local child, which also runs every batch while the
// settings are empty, exactly as without this class.
import path from 'node:path';
import type { BatchHandlers, BatchRequest, BatchRunner } from '../runner/types';
import type { RunReport } from '../shared/report';

export interface QueueSetting {
  url: string;
  /** A folder every worker mounts at the same path: outputs and the cache go there. */
  sharedFolder: string;
  queueName: string;
}

/** The local runner (ChildProcessRunner): its pid, search and renderPage are forwarded. */
type LocalRunner = BatchRunner & { childPid?: number };

export class QueueAwareRunner implements BatchRunner {
  private active: BatchRunner | undefined;

  constructor(
    private readonly local: LocalRunner,
    /** Read at every run, so a changed setting applies to the next extraction. */
    private readonly setting: () => QueueSetting | undefined,
    private readonly queueRunner: (setting: QueueSetting) => Promise<BatchRunner>,
  ) {
    // The local runner's extras (search, renderPage) are the extension's, whatever runs batches.
    const extras = local as unknown as Record<string, unknown>;
    for (const name of ['search', 'renderPage'] as const) {
      const method = extras[name];
      if (typeof method === 'function') {
        Object.defineProperty(this, name, { value: method.bind(local) });
      }
    }
  }

  get childPid(): number | undefined {
    return this.local.childPid;
  }

  async run(request: BatchRequest, handlers?: BatchHandlers): Promise<RunReport> {
    const setting = this.setting();
    if (!setting) return this.local.run(request, handlers);
    const runner = await this.queueRunner(setting);
    this.active = runner;
    const name = path.basename(request.input);
    try {
      return await runner.run(
        {
          ...request,
          batch: {
            ...request.batch,
            outDir: path.join(setting.sharedFolder, `${name}.folio`),
            cacheDir: queueCacheDir(setting),
          },
        },
        handlers,
      );
    } finally {
      this.active = undefined;
      await runner.dispose();
    }
  }

  cancel(): void {
    if (this.active) this.active.cancel();
    else this.local.cancel();
  }

  async dispose(): Promise<void> {
    await this.active?.dispose();
    await this.local.dispose();
  }
}

/** A queued run's cache (and search index): in the shared folder, beside the outputs. */
export function queueCacheDir(setting: Pick<QueueSetting, 'sharedFolder'>): string {
  return path.join(setting.sharedFolder, '.folio-cache');
}

/** The setting, or undefined while either value is empty (then batches run locally). */
export function queueSettingFrom(values: {
  url?: string;
  sharedFolder?: string;
  queueName?: string;
}): QueueSetting | undefined {
  const url = values.url?.trim();
  const sharedFolder = values.sharedFolder?.trim();
  if (!url || !sharedFolder) return undefined;
  return { url, sharedFolder, queueName: values.queueName?.trim() || 'extract' };
}
