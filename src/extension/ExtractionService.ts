// Runs one extraction (one or more folders) through the out-of-process runner and feeds every
// view: one cancellable progress notification, the status bar, Problems, `folio:` documents, the
// store behind the report, and one summary notification at the end (never a toast per file).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { outputsFolderFor } from '../shared/outputs-folder';
import { countsLine, rateLine } from '../shared/run-summary';
import type { FileReport } from '../shared/report';
import type { ContentProvider } from './ContentProvider';
import type { Diagnostics } from './Diagnostics';
import { folioUriFor } from './folioUri';
import type { Log } from './Log';
import { mergeNarrowRuns, sumTotals, type FolderLocation, type FolderRun } from './mergeRuns';
import { PasswordFileError, readPasswordsFor } from './passwordFile';
import { toBatchOptions, toExtractOptions } from './requestOptions';
import { runFinishedLogLine } from './runLog';
import type { RunnerHost } from './RunnerHost';
import type { RunStore } from './RunStore';
import type { Settings } from './Settings';
import type { StatusBar } from './StatusBar';
import { emptyLiveStats, type LiveStats } from './statusText';

export interface ExtractTarget {
  /** Absolute folder to extract. */
  folder: string;
  /** Extract only this file of the folder (a name relative to it). */
  only?: string;
}

export interface ExtractRunOptions {
  /** Open the first extracted document when the run ends (default true). */
  openResult?: boolean;
  /** Show the end-of-run summary notification (default true). */
  notify?: boolean;
  /** Write outputs here in this format instead of the extension's storage (used by Export). */
  exportTo?: { outDir: string; format: 'md' | 'json' };
  /** With `exportTo` over several folders: one sub-folder per input folder. */
  exportPerFolder?: boolean;
}

export interface ExtractResult {
  runs: FolderRun[];
  cancelled: boolean;
}

export interface ExtractionDeps {
  runner: RunnerHost;
  settings: Settings;
  store: RunStore;
  diagnostics: Diagnostics;
  statusBar: StatusBar;
  content: ContentProvider;
  log: Log;
  /** The extension's private storage folder (outputs live here, not in the user's folder). */
  storageDir: string;
  /** The engine's cache of extracted outputs, inside the storage folder. */
  cacheDir: string;
}

function escapeGlob(name: string): string {
  return name.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

export class ExtractionService {
  private running: { cancelled: boolean; live: LiveStats } | undefined;
  /** Problems being placed on their page lines: the run ends once they are all in place. */
  private diagnosticsWork: Promise<void>[] = [];

  constructor(private readonly deps: ExtractionDeps) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.cancelled = true;
    this.deps.log.info('cancelling the extraction');
    this.deps.runner.cancel();
    return true;
  }

  /**
   * Resolves with the run's results, or undefined when another run is already going or the batch
   * could not run at all (the user has been told why).
   */
  async extract(
    targets: ExtractTarget[],
    options: ExtractRunOptions = {},
  ): Promise<ExtractResult | undefined> {
    if (this.running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Folio is already extracting.'));
      return undefined;
    }
    const state = { cancelled: false, live: emptyLiveStats() };
    this.running = state;
    void vscode.commands.executeCommand('setContext', 'folio.running', true);
    try {
      const runs = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Folio'),
          cancellable: true,
        },
        (progress, token) => {
          token.onCancellationRequested(() => this.cancel());
          return this.runAll(targets, options, state, progress);
        },
      );
      await Promise.all(this.diagnosticsWork.splice(0));
      if (!options.exportTo) {
        // A single file extracted on its own joins the last run instead of replacing it.
        const partial = targets.some((t) => t.only !== undefined);
        await this.deps.store.save(
          partial ? mergeNarrowRuns(this.deps.store.lastRuns, runs) : runs,
        );
      }
      const totals = sumTotals(runs);
      // After one file extracted again, the status bar still sums up the whole last run.
      const narrow = !options.exportTo && targets.some((t) => t.only !== undefined);
      this.deps.statusBar.showFinished(
        narrow ? sumTotals(this.deps.store.lastRuns) : totals,
        state.live,
        state.cancelled,
      );
      this.deps.log.info(runFinishedLogLine(totals, state.cancelled));
      if (options.openResult !== false && !options.exportTo) await this.openFirst(runs);
      if (options.notify !== false) this.notifySummary(runs, state.cancelled);
      return { runs, cancelled: state.cancelled };
    } catch (error) {
      this.deps.statusBar.hide();
      if (error instanceof PasswordFileError) {
        this.reportPasswordFileError(error);
        return undefined;
      }
      this.deps.log.error(
        `extraction failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Folio could not run the extraction: {0}',
          error instanceof Error ? error.message : String(error),
        ),
      );
      // Reported once, here: rethrowing would make VS Code show a second error for the command.
      return undefined;
    } finally {
      this.running = undefined;
      void vscode.commands.executeCommand('setContext', 'folio.running', false);
    }
  }

  private async runAll(
    targets: ExtractTarget[],
    options: ExtractRunOptions,
    state: { cancelled: boolean; live: LiveStats },
    progress: vscode.Progress<{ message?: string; increment?: number }>,
  ): Promise<FolderRun[]> {
    // Every folder's password file is read before the first folder runs: a bad one stops the
    // whole run at once instead of after the folders before it.
    const prepared = await Promise.all(
      targets.map(async (target) => {
        const settings = this.deps.settings.read(vscode.Uri.file(target.folder));
        return {
          target,
          settings,
          passwords: await readPasswordsFor(settings.passwordFile, target.folder),
        };
      }),
    );
    const runs: FolderRun[] = [];
    const live = state.live;
    this.deps.statusBar.showRunning(live);
    for (const { target, settings, passwords } of prepared) {
      if (state.cancelled) break;
      const outDir = options.exportTo
        ? options.exportPerFolder
          ? path.join(options.exportTo.outDir, path.basename(target.folder))
          : options.exportTo.outDir
        : outputsFolderFor(this.deps.storageDir, target.folder);
      const folder: FolderLocation = { input: target.folder, outDir };
      const doneBefore = live.done;
      let current = '';
      const showProgress = (increment?: number) =>
        progress.report({
          message: vscode.l10n.t('{0}/{1} · {2}', live.done, live.total, current),
          increment,
        });
      this.deps.log.info(`extracting ${target.folder} → ${outDir}`);
      const batch = toBatchOptions(settings, {
        outDir,
        cacheDir: this.deps.cacheDir,
        format: options.exportTo?.format,
        passwords,
      });
      if (target.only !== undefined) batch.include = [escapeGlob(target.only)];
      const report = await this.deps.runner.run(
        { input: target.folder, batch, extract: toExtractOptions(settings) },
        {
          onPlanned: (files) => {
            live.total += files.length;
            this.deps.statusBar.showRunning(live);
            showProgress();
          },
          onFileStarted: (file) => {
            current = path.basename(file);
            showProgress();
          },
          onFileDone: (report) => {
            live.done++;
            live.fileMs.push(report.ms);
            if (!options.exportTo) this.fileDone(folder, report);
            this.deps.statusBar.showRunning(live);
            showProgress(live.total > 0 ? 100 / live.total : undefined);
          },
          onStats: (sample) => {
            live.filesPerMin = sample.filesPerMin;
            live.treeRssMb = sample.treeRssMb;
            live.peakRssMb = Math.max(live.peakRssMb, sample.treeRssMb);
            live.workers = sample.workers;
            live.queued = sample.queued;
            live.active = sample.active;
            this.deps.statusBar.showRunning(live);
          },
          onLog: (level, message) => this.deps.log[level](message),
        },
      );
      // Files reported CANCELLED were never worked on: they do not count as done.
      live.done =
        doneBefore +
        report.files.filter((f) => f.status !== 'skipped' || f.code !== 'CANCELLED').length;
      live.peakRssMb = Math.max(live.peakRssMb, report.totals.peakRssMb);
      runs.push({ ...folder, report });
    }
    return runs;
  }

  private fileDone(folder: FolderLocation, report: FileReport): void {
    const entry = this.deps.store.recordFile(folder, report);
    this.diagnosticsWork.push(
      this.deps.diagnostics.setFor(entry.sourcePath, report, entry.outputPath),
    );
    this.deps.content.refresh(entry.sourcePath);
  }

  /** The run did not start: say why, and offer the setting that fixes it. */
  private reportPasswordFileError(error: PasswordFileError): void {
    this.deps.log.error(`extraction not started: ${error.message}`);
    const openSettings = vscode.l10n.t('Open Settings');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Folio did not extract: {0}', error.message), openSettings)
      .then((choice) => {
        if (choice === openSettings)
          void vscode.commands.executeCommand(
            'workbench.action.openSettings',
            'folio.passwordFile',
          );
      });
  }

  /** Opens one document (never one tab per file): the first file that produced text. */
  private async openFirst(runs: FolderRun[]): Promise<void> {
    for (const entry of this.deps.store.files()) {
      if (entry.outputPath && runs.some((r) => r.input === entry.folder.input)) {
        const doc = await vscode.workspace.openTextDocument(folioUriFor(entry.sourcePath));
        await vscode.window.showTextDocument(doc, { preview: true });
        return;
      }
    }
  }

  private notifySummary(runs: FolderRun[], cancelled: boolean): void {
    const totals = sumTotals(runs);
    const showProblems = vscode.l10n.t('Show Problems');
    const openReport = vscode.l10n.t('Open Report');
    // The CLI's own two summary sentences (run-summary.ts), so the notification, the log, the
    // status bar and the report say the same figures in the same words.
    // countsLine says "(13 cancelled)" itself when files were cancelled.
    const message = cancelled
      ? vscode.l10n.t('Folio, cancelled: {0}; {1}.', countsLine(totals), rateLine(totals))
      : vscode.l10n.t('Folio: {0}; {1}.', countsLine(totals), rateLine(totals));
    const actions = totals.failed + totals.partial > 0 ? [showProblems, openReport] : [openReport];
    const shown =
      totals.failed > 0
        ? vscode.window.showWarningMessage(message, ...actions)
        : vscode.window.showInformationMessage(message, ...actions);
    // Not awaited: the command must not wait for the user to dismiss the notification.
    void shown.then((choice) => {
      if (choice === showProblems)
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice === openReport) void vscode.commands.executeCommand('folio.showRunReport');
    });
  }
}
