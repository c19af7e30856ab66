// Wires the extension together and nothing else: every piece is a small class with its
// dependencies passed in, and every disposable is registered. Heavy work runs in a child process
// (RunnerHost), never in the extension host.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CancelExtractionCommand } from './commands/CancelExtractionCommand';
import { ClearCacheCommand } from './commands/ClearCacheCommand';
import { CommandManager } from './commands/CommandManager';
import { ExportAuditManifestCommand } from './commands/ExportAuditManifestCommand';
import { ExportExtractedTextCommand } from './commands/ExportExtractedTextCommand';
import { ExtractFolderCommand } from './commands/ExtractFolderCommand';
import { ExtractWorkspaceCommand } from './commands/ExtractWorkspaceCommand';
import { OpenExtractedTextCommand } from './commands/OpenExtractedTextCommand';
import { OpenSourceFileCommand } from './commands/OpenSourceFileCommand';
import { ShowLogCommand } from './commands/ShowLogCommand';
import { ShowRunReportCommand } from './commands/ShowRunReportCommand';
import { ClearResultsFilterCommand } from './commands/ClearResultsFilterCommand';
import { CompareNearDuplicateCommand } from './commands/CompareNearDuplicateCommand';
import { CopySha256Command } from './commands/CopySha256Command';
import { FilterResultsCommand } from './commands/FilterResultsCommand';
import { OpenResultCommand } from './commands/OpenResultCommand';
import { OpenSearchHitCommand } from './commands/OpenSearchHitCommand';
import { OpenSourceBesideCommand } from './commands/OpenSourceBesideCommand';
import { ReExtractCommand } from './commands/ReExtractCommand';
import { RevealSourceCommand } from './commands/RevealSourceCommand';
import { SearchFiltersCommand } from './commands/SearchFiltersCommand';
import { SearchTextCommand } from './commands/SearchTextCommand';
import { PageLinks } from './PageLinks';
import { ResultsView } from './ResultsView';
import { SearchView } from './SearchView';
import { sourcePassword, SourcePanel } from './SourcePanel';
import { ContentProvider } from './ContentProvider';
import { createRunner, queueSettingFromConfig } from './createRunner';
import { queueCacheDir } from './queueAwareRunner';
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
  readonly results: ResultsView;
  readonly search: SearchView;
  readonly source: SourcePanel;
}

let runnerHost: RunnerHost | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FolioApi> {
  const storageDir = context.globalStorageUri.fsPath;
  const cacheDir = path.join(storageDir, 'cache');
  const log = createLog();
  const store = new RunStore(path.join(storageDir, 'last-run.json'));
  const diagnostics = new Diagnostics();
  const settings = new Settings();
  const statusBar = new StatusBar(ShowRunReportCommand.id);
  const content = new ContentProvider(store);
  const reportPanel = new RunReportPanel(store);
  const runner = new RunnerHost(() => createRunner({ extensionPath: context.extensionPath }), log);
  runnerHost = runner;
  const extraction = new ExtractionService({
    runner,
    settings,
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
  commands.register(new ExportAuditManifestCommand(store));
  commands.register(
    new ClearCacheCommand({ extraction, store, diagnostics, statusBar, storageDir, cacheDir }),
  );
  commands.register(new OpenSourceFileCommand());
  commands.register(new ShowLogCommand(log));

  // The review workspace: the Folio view (Results, Search) and the source beside the text.
  // Where the batches' caches (search index, OCR words) are: queued runs use the shared folder's.
  const batchCacheDirs = () => {
    const queue = queueSettingFromConfig();
    return queue ? [cacheDir, queueCacheDir(queue)] : [cacheDir];
  };
  const results = new ResultsView(store);
  const search = new SearchView();
  const source = new SourcePanel({
    runner,
    pagesDir: path.join(storageDir, 'pages'),
    mediaDir: path.join(context.extensionPath, 'media'),
    passwordFor: (file) => sourcePassword(store, settings, file),
    cacheDirs: batchCacheDirs,
    lowConfidenceBelow: (file) => settings.read(vscode.Uri.file(file)).ocrMinConfidence,
  });
  const pageLinks = new PageLinks();
  commands.register(new OpenResultCommand());
  commands.register(new OpenSourceBesideCommand(source));
  commands.register(new ReExtractCommand(extraction));
  commands.register(new RevealSourceCommand());
  commands.register(new CopySha256Command());
  commands.register(new CompareNearDuplicateCommand());
  commands.register(new FilterResultsCommand(results));
  commands.register(new ClearResultsFilterCommand(results));
  const searchText = commands.register(
    new SearchTextCommand({
      runner,
      store,
      view: search,
      cacheDirs: batchCacheDirs,
    }),
  );
  commands.register(new SearchFiltersCommand(searchText, search));
  commands.register(new OpenSearchHitCommand(search));

  context.subscriptions.push(log, store, diagnostics, statusBar, content, reportPanel, commands, {
    dispose: () => void runner.dispose(),
  });
  context.subscriptions.push(results, search, source, pageLinks);
  await store.load();
  return {
    statusBarItem: statusBar.item,
    store,
    extraction,
    runner,
    storageDir,
    results,
    search,
    source,
  };
}

export async function deactivate(): Promise<void> {
  // Awaited by VS Code, so the child process is shut down rather than orphaned.
  await runnerHost?.dispose();
  runnerHost = undefined;
}
