// The one place that knows how the out-of-process runner is built. The child is the ESM bundle
// dist/child.mjs, forked with the extension host's own executable: in VS Code that is Electron,
// which behaves as plain Node with ELECTRON_RUN_AS_NODE=1; in a server host it is Node itself.
import * as path from 'node:path';
import type { BatchRunner } from '../workers/client/types';

export interface RunnerSetup {
  /** The extension's install folder (holds dist/ and node_modules/). */
  extensionPath: string;
  /** Where the engine keeps its cache of extracted outputs. */
  cacheDir: string;
}

export function createRunner(setup: RunnerSetup): BatchRunner {
  const childPath = path.join(setup.extensionPath, 'dist', 'child.mjs');
  void childPath;
  throw new Error('the batch runner is not available yet');
}
