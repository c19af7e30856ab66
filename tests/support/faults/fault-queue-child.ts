// The queue worker's child of the fault-injection tests: fault-child.ts with the pool kept across
// batches and no search index, as the shipped queue child (src/workers/child/queue-child-main.ts).
import { fileURLToPath } from 'node:url';
import { serveChild } from '../../../src/workers/child/serve-child';
import { isFaultFile } from './faults';

serveChild({
  workerFile: fileURLToPath(new URL('./fault-pool-worker.mjs', import.meta.url)),
  acceptName: isFaultFile,
  keepPool: true,
  searchIndex: false,
});
