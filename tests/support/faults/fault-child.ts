// The child process of the fault-injection tests: the shipped child loop, with the fault pool
// worker and a walk that also accepts `*.fault-<kind>` files.
import { fileURLToPath } from 'node:url';
import { serveChild } from '../../../src/workers/child/serve-child';
import { isFaultFile } from './faults';

serveChild({
  // Resolved beside this entry's bundle (pool-harness.ts builds both into one folder).
  workerFile: fileURLToPath(new URL('./fault-pool-worker.mjs', import.meta.url)),
  acceptName: isFaultFile,
});
