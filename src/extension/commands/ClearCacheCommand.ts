// "Folio: Clear Cache": forgets the last run and deletes every output and cached extraction
// from the extension's storage (never anything in the user's folders).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Diagnostics } from '../Diagnostics';
import type { ExtractionService } from '../ExtractionService';
import type { RunStore } from '../RunStore';
import type { StatusBar } from '../StatusBar';
import type { Command } from './CommandManager';

export class ClearCacheCommand implements Command {
  readonly id = 'folio.clearCache';

  constructor(
    private readonly deps: {
      extraction: ExtractionService;
      store: RunStore;
      diagnostics: Diagnostics;
      statusBar: StatusBar;
      storageDir: string;
      cacheDir: string;
    },
  ) {}

  /** Tests pass `{ confirmed: true }` to skip the modal question. */
  async execute(args?: unknown): Promise<boolean> {
    const { extraction, store, diagnostics, statusBar, storageDir, cacheDir } = this.deps;
    if (extraction.isRunning) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Cancel the running extraction before clearing the cache.'),
      );
      return false;
    }
    if ((args as { confirmed?: boolean } | undefined)?.confirmed !== true) {
      const clear = vscode.l10n.t('Clear Cache');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Clear the Folio cache?'),
        {
          modal: true,
          detail: vscode.l10n.t(
            "Every extracted text and cached extraction is deleted, the Results view is emptied and the last run's problems are removed from the Problems panel. Your documents are not touched.",
          ),
        },
        clear,
      );
      if (answer !== clear) return false;
    }
    await fs.rm(path.join(storageDir, 'outputs'), { recursive: true, force: true });
    await fs.rm(cacheDir, { recursive: true, force: true });
    await fs.rm(path.join(storageDir, 'pages'), { recursive: true, force: true });
    await store.clear();
    diagnostics.clear();
    statusBar.hide();
    void vscode.window.showInformationMessage(vscode.l10n.t('Folio cache cleared.'));
    return true;
  }
}
