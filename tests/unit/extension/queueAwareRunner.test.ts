// The extension's runner with the queue settings: empty settings run every batch locally as
// before; set, a batch goes to the queue runner with its outputs and cache in the shared folder,
// while search stays local; cancel reaches the runner that is running.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BatchRequest, BatchRunner } from '../../../src/runner/types';
import { defaultBatchOptions, defaultExtractOptions } from '../../../src/shared/options';
import type { RunReport } from '../../../src/shared/report';
import {
  QueueAwareRunner,
  queueSettingFrom,
  type QueueSetting,
} from '../../../src/extension/queueAwareRunner';

class FakeRunner implements BatchRunner {
  requests: BatchRequest[] = [];
  cancelled = 0;
  disposed = 0;
  release: (() => void) | undefined;
  constructor(private readonly wait = false) {}
  async run(request: BatchRequest): Promise<RunReport> {
    this.requests.push(request);
    if (this.wait) await new Promise<void>((resolve) => (this.release = resolve));
    return { files: [] } as unknown as RunReport;
  }
  cancel(): void {
    this.cancelled++;
    this.release?.();
  }
  async dispose(): Promise<void> {
    this.disposed++;
  }
  async search(query: string): Promise<string> {
    return `local search for ${query}`;
  }
}

const request: BatchRequest = {
  input: '/home/me/room',
  batch: {
    ...defaultBatchOptions,
    outDir: '/home/me/.storage/out',
    cacheDir: '/home/me/.storage/cache',
  },
  extract: defaultExtractOptions,
};

test('without both settings every batch runs locally, untouched', async () => {
  const local = new FakeRunner();
  const runner = new QueueAwareRunner(
    local,
    () => undefined,
    async () => {
      throw new Error('no queue runner without settings');
    },
  );
  await runner.run(request);
  assert.deepEqual(local.requests, [request]);
  assert.equal(queueSettingFrom({ url: 'redis://h', sharedFolder: ' ' }), undefined);
  assert.equal(queueSettingFrom({ url: '', sharedFolder: '/mnt' }), undefined);
});

test('with the settings a batch goes to the queue, outputs and cache in the shared folder', async () => {
  const local = new FakeRunner();
  const queued = new FakeRunner();
  const setting: QueueSetting | undefined = queueSettingFrom({
    url: 'redis://h:6379/0',
    sharedFolder: '/mnt/shared',
  });
  assert.deepEqual(setting, {
    url: 'redis://h:6379/0',
    sharedFolder: '/mnt/shared',
    queueName: 'extract',
  });
  const runner = new QueueAwareRunner(
    local,
    () => setting,
    async () => queued,
  );
  await runner.run(request);
  assert.equal(local.requests.length, 0);
  assert.equal(queued.requests[0].batch.outDir, '/mnt/shared/room.folio');
  assert.equal(queued.requests[0].batch.cacheDir, '/mnt/shared/.folio-cache');
  assert.equal(queued.disposed, 1);
  const search = (runner as unknown as { search(q: string): Promise<string> }).search;
  assert.equal(await search('invoice'), 'local search for invoice');
});

test('cancel reaches the queued batch while it runs, the local runner otherwise', async () => {
  const local = new FakeRunner();
  const queued = new FakeRunner(true);
  const setting = queueSettingFrom({ url: 'redis://h', sharedFolder: '/mnt' });
  const runner = new QueueAwareRunner(
    local,
    () => setting,
    async () => queued,
  );
  const running = runner.run(request);
  await new Promise((resolve) => setImmediate(resolve));
  runner.cancel();
  await running;
  assert.equal(queued.cancelled, 1);
  assert.equal(local.cancelled, 0);
  runner.cancel();
  assert.equal(local.cancelled, 1);
});
