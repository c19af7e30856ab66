// The queue child's kept pool: batches after the first get the same threads (their libraries and
// OCR engines stay loaded); a batch's destroy() leaves them; another size makes a new pool.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { KeptPool } from '../../../../src/workers/child/kept-pool';
import type { TaskInput } from '../../../../src/workers/child/piscina-runner';
import type { PoolResult } from '../../../../src/workers/thread/task-types';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-kept-pool-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// A pool worker that answers with the id of the thread it runs on.
const workerFile = path.join(dir, 'thread-id.mjs');
writeFileSync(
  workerFile,
  "import { threadId } from 'node:worker_threads';\nexport default ({ port }) => { port.close(); return { threadId }; };\n",
);

const task = { type: 'probe', filePath: '/nothing' } as unknown as TaskInput;
const options = { signal: new AbortController().signal, onProgress: () => undefined };
const threadOf = async (result: Promise<PoolResult>) =>
  ((await result) as unknown as { threadId: number }).threadId;

test('the next batch runs on the same thread; destroy() of a batch keeps the pool', async () => {
  const kept = new KeptPool(workerFile);
  const first = kept.runnerFor(1, 256);
  const before = await threadOf(first.run(task, options));
  await first.destroy();
  const second = kept.runnerFor(1, 256);
  assert.equal(await threadOf(second.run(task, options)), before);
  // Another size: a new pool, so another thread.
  const bigger = kept.runnerFor(2, 256);
  assert.notEqual(await threadOf(bigger.run(task, options)), before);
  await kept.runnerFor(3, 256).destroy();
});
