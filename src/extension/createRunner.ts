// The one place that knows how the out-of-process runner is built. The child is the ESM bundle
// dist/child.mjs, forked with the extension host's own executable: in desktop VS Code that is
// Electron, which behaves as plain Node with ELECTRON_RUN_AS_NODE=1; in a server host (code-server,
// remote) it is Node itself and the variable is ignored.
import * as path from 'node:path';
import { ChildProcessRunner } from '../runner/child-process-runner';
import type { BatchRunner } from '../runner/types';

export interface RunnerSetup {
  /** The extension's install folder (holds dist/ and node_modules/). */
  extensionPath: string;
}

export function createRunner(setup: RunnerSetup): BatchRunner {
  return new ChildProcessRunner({
    childScript: path.join(setup.extensionPath, 'dist', 'child.mjs'),
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}
