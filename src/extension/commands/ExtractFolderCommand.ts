// "Folio: Extract Folder": from the explorer (the folder clicked) or the palette (asks for a
// workspace folder or one of its sub-folders).
import * as vscode from 'vscode';
import type { ExtractionService, ExtractResult, ExtractRunOptions } from '../ExtractionService';
import type { Command } from './CommandManager';

export class ExtractFolderCommand implements Command {
  readonly id = 'folio.extractFolder';

  constructor(private readonly extraction: ExtractionService) {}

  /**
   * From the explorer: `folder` is the clicked folder and `selection` every selected resource
   * (several folders can be extracted as one run). Tests pass run options as the third argument.
   */
  async execute(
    folder?: unknown,
    selection?: unknown,
    options?: unknown,
  ): Promise<ExtractResult | undefined> {
    const selected = Array.isArray(selection) ? await onlyFolders(selection) : [];
    const folders =
      selected.length > 1
        ? selected
        : [folder instanceof vscode.Uri ? folder : await pickFolder()].filter(
            (u): u is vscode.Uri => u !== undefined,
          );
    if (folders.length === 0) return undefined;
    return this.extraction.extract(
      folders.map((u) => ({ folder: u.fsPath })),
      (options ?? {}) as ExtractRunOptions,
    );
  }
}

async function onlyFolders(resources: unknown[]): Promise<vscode.Uri[]> {
  const folders: vscode.Uri[] = [];
  for (const r of resources) {
    if (!(r instanceof vscode.Uri)) continue;
    const stat = await vscode.workspace.fs.stat(r).then(undefined, () => undefined);
    if (stat && stat.type & vscode.FileType.Directory) folders.push(r);
  }
  return folders;
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
