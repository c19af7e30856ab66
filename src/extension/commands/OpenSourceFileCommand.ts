// Editor-title action on a `folio:` document: its source. A PDF or an image is shown beside the
// text (the source panel, rendered by the engine) instead of replacing the text's tab with VS
// Code's "binary file" editor; a Word or Excel file, which has no page images, is revealed in
// the Explorer.
import * as vscode from 'vscode';
import { FOLIO_SCHEME, sourceUriOf } from '../folioUri';
import { PAGED } from '../SourcePanel';
import type { Command } from './CommandManager';

export class OpenSourceFileCommand implements Command {
  readonly id = 'folio.openSourceFile';

  async execute(resource?: unknown): Promise<vscode.Uri | undefined> {
    const uri =
      resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== FOLIO_SCHEME) return undefined;
    const source = sourceUriOf(uri);
    if (PAGED.test(source.fsPath)) {
      await vscode.commands.executeCommand('folio.openSourceBeside', uri);
    } else {
      await vscode.commands.executeCommand('revealInExplorer', source);
    }
    return source;
  }
}
