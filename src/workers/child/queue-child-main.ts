// The queue worker's child entry (dist/queue-child.mjs): the shipped child loop and pool worker,
// with the pool kept across the one-file batches a queue worker runs (kept-pool.ts), and no search
// index (serve-child.ts says why).
import { fileURLToPath } from 'node:url';
import { serveChild } from './serve-child';

serveChild({
  workerFile: fileURLToPath(new URL('./pool-worker.mjs', import.meta.url)),
  keepPool: true,
  searchIndex: false,
});
