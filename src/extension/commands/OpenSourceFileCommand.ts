// Editor-title action on a `folio:` document: opens the file it was extracted from.
import * as vscode from 'vscode';
import { FOLIO_SCHEME, sourceUriOf } from '../folioUri';
import type { Command } from './CommandManager';

export class OpenSourceFileCommand implements Command {
  readonly id = 'folio.openSourceFile';

  async execute(resource?: unknown): Promise<vscode.Uri | undefined> {
    const uri =
      resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== FOLIO_SCHEME) return undefined;
    const source = sourceUriOf(uri);
    await vscode.commands.executeCommand('vscode.open', source);
    return source;
  }
}
