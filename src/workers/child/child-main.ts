// The child process's entry (dist/child.mjs): the child loop with the shipped pool worker beside it.
import { fileURLToPath } from 'node:url';
import { serveChild } from './serve-child';

serveChild({ workerFile: fileURLToPath(new URL('./pool-worker.mjs', import.meta.url)) });
