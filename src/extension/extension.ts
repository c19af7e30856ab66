// Wires the extension together and nothing else: every piece is a small class with its
// dependencies passed in, and every disposable is registered. Heavy work runs in a child process
// (RunnerHost), never in the extension host.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CancelExtractionCommand } from './commands/CancelExtractionCommand';
import { ClearCacheCommand } from './commands/ClearCacheCommand';
import { CommandManager } from './commands/CommandManager';
import { ExportExtractedTextCommand } from './commands/ExportExtractedTextCommand';
import { ExtractFolderCommand } from './commands/ExtractFolderCommand';
import { ExtractWorkspaceCommand } from './commands/ExtractWorkspaceCommand';
import { OpenExtractedTextCommand } from './commands/OpenExtractedTextCommand';
import { OpenSourceFileCommand } from './commands/OpenSourceFileCommand';
import { ShowLogCommand } from './commands/ShowLogCommand';
import { ShowRunReportCommand } from './commands/ShowRunReportCommand';
import { ContentProvider } from './ContentProvider';
import { createRunner } from './createRunner';
import { Diagnostics } from './Diagnostics';
import { ExtractionService } from './ExtractionService';
import { createLog } from './Log';
import { RunnerHost } from './RunnerHost';
import { RunReportPanel } from './RunReportPanel';
import { RunStore } from './RunStore';
import { Settings } from './Settings';
import { StatusBar } from './StatusBar';

/** What the extension exports: read by the integration tests (and other extensions). */
export interface FolioApi {
  readonly statusBarItem: vscode.StatusBarItem;
  readonly store: RunStore;
  readonly extraction: ExtractionService;
  readonly runner: RunnerHost;
  readonly storageDir: string;
}

let runnerHost: RunnerHost | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FolioApi> {
  const storageDir = context.globalStorageUri.fsPath;
  const cacheDir = path.join(storageDir, 'cache');
  const log = createLog();
  const store = new RunStore(path.join(storageDir, 'last-run.json'));
  const diagnostics = new Diagnostics();
  const statusBar = new StatusBar(ShowRunReportCommand.id);
  const content = new ContentProvider(store);
  const reportPanel = new RunReportPanel(store);
  const runner = new RunnerHost(() => createRunner({ extensionPath: context.extensionPath }), log);
  runnerHost = runner;
  const extraction = new ExtractionService({
    runner,
    settings: new Settings(),
    store,
    diagnostics,
    statusBar,
    content,
    log,
    storageDir,
    cacheDir,
  });
  const commands = new CommandManager();
  commands.register(new ExtractFolderCommand(extraction));
  commands.register(new ExtractWorkspaceCommand(extraction));
  commands.register(new CancelExtractionCommand(extraction));
  commands.register(new OpenExtractedTextCommand(store, extraction));
  commands.register(new ShowRunReportCommand(reportPanel));
  commands.register(new ExportExtractedTextCommand(store, extraction));
  commands.register(
    new ClearCacheCommand({ extraction, store, diagnostics, statusBar, storageDir, cacheDir }),
  );
  commands.register(new OpenSourceFileCommand());
  commands.register(new ShowLogCommand(log));

  context.subscriptions.push(log, store, diagnostics, statusBar, content, reportPanel, commands, {
    dispose: () => void runner.dispose(),
  });
  await store.load();
  return { statusBarItem: statusBar.item, store, extraction, runner, storageDir };
}

export async function deactivate(): Promise<void> {
  // Awaited by VS Code, so the child process is shut down rather than orphaned.
  await runnerHost?.dispose();
  runnerHost = undefined;
}
