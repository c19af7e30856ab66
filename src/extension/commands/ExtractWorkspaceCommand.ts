// "Folio: Extract Workspace": every workspace folder, as one run.
import * as vscode from 'vscode';
import type { ExtractionService, ExtractResult, ExtractRunOptions } from '../ExtractionService';
import type { Command } from './CommandManager';

export class ExtractWorkspaceCommand implements Command {
  readonly id = 'folio.extractWorkspace';

  constructor(private readonly extraction: ExtractionService) {}

  async execute(options?: unknown): Promise<ExtractResult | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to extract it.'));
      return undefined;
    }
    return this.extraction.extract(
      folders.filter((f) => f.uri.scheme === 'file').map((f) => ({ folder: f.uri.fsPath })),
      (options ?? {}) as ExtractRunOptions,
    );
  }
}
