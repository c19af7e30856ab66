// The one place that knows how the out-of-process runner is built. The child is the ESM bundle
// dist/child.mjs, forked with the extension host's own executable: in desktop VS Code that is
// Electron, which behaves as plain Node with ELECTRON_RUN_AS_NODE=1; in a server host (code-server,
// remote) it is Node itself and the variable is ignored.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ChildProcessRunner } from '../runner/child-process-runner';
import type { BatchRunner } from '../runner/types';
import { QueueAwareRunner, queueSettingFrom, type QueueSetting } from './queueAwareRunner';

export interface RunnerSetup {
  /** The extension's install folder (holds dist/ and node_modules/). */
  extensionPath: string;
}

/** The `folio.queue.*` settings as they are now; undefined while batches run locally. */
export function queueSettingFromConfig(): QueueSetting | undefined {
  const c = vscode.workspace.getConfiguration('folio.queue');
  return queueSettingFrom({
    url: c.get<string>('url'),
    sharedFolder: c.get<string>('sharedFolder'),
    queueName: c.get<string>('name'),
  });
}

export function createRunner(setup: RunnerSetup): BatchRunner {
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  const local = new ChildProcessRunner({
    childScript: path.join(setup.extensionPath, 'dist', 'child.mjs'),
    env,
  });
  const setting = queueSettingFromConfig;
  // Loaded only when a team sets the queue up: BullMQ stays out of every other activation.
  const queueRunner = async (queue: NonNullable<ReturnType<typeof setting>>) => {
    const { QueueBatchRunner } = await import('../queue/queue-batch-runner');
    return new QueueBatchRunner({
      target: { url: queue.url, queueName: queue.queueName },
      // The planner is forked like the child: with the host's executable as plain Node.
      plannerScript: path.join(setup.extensionPath, 'dist', 'queue-planner.mjs'),
      env,
    });
  };
  return new QueueAwareRunner(local, setting, queueRunner);
}
