// "Folio: Extract Folder": from the explorer (the folder clicked) or the palette (asks for a
// workspace folder or one of its sub-folders).
import * as vscode from 'vscode';
import type { ExtractionService, ExtractResult, ExtractRunOptions } from '../ExtractionService';
import type { Command } from './CommandManager';

export class ExtractFolderCommand implements Command {
  readonly id = 'folio.extractFolder';

  constructor(private readonly extraction: ExtractionService) {}

  async execute(
    folder?: unknown,
    _selection?: unknown,
    options?: unknown,
  ): Promise<ExtractResult | undefined> {
    const uri = folder instanceof vscode.Uri ? folder : await pickFolder();
    if (!uri) return undefined;
    return this.extraction.extract([{ folder: uri.fsPath }], (options ?? {}) as ExtractRunOptions);
  }
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const browse = vscode.l10n.t('Choose a sub-folder…');
  const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = [
    ...folders.map((f) => ({
      label: `$(root-folder) ${f.name}`,
      description: f.uri.fsPath,
      uri: f.uri,
    })),
    { label: `$(folder-opened) ${browse}` },
  ];
  const picked =
    folders.length === 0
      ? items[items.length - 1]
      : await vscode.window.showQuickPick(items, {
          placeHolder: vscode.l10n.t('Folder to extract'),
        });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: folders[0]?.uri,
    openLabel: vscode.l10n.t('Extract'),
  });
  return chosen?.[0];
}
