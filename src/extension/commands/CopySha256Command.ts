// "Copy SHA-256" on a Results file: the source's hash as the run report recorded it (the child
// hashed the file while extracting; nothing is hashed again here).
import * as vscode from 'vscode';
import type { FileNode } from '../resultsTree';
import { sha256Of } from '../ResultsView';
import type { Command } from './CommandManager';

export class CopySha256Command implements Command {
  readonly id = 'folio.copySha256';

  async execute(node?: unknown): Promise<string | undefined> {
    const file = node as FileNode | undefined;
    if (file?.kind !== 'file') return undefined;
    const sha = sha256Of(file);
    if (!sha) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The run report has no SHA-256 for {0}: extract it again.', file.name),
      );
      return undefined;
    }
    await vscode.env.clipboard.writeText(sha);
    vscode.window.setStatusBarMessage(vscode.l10n.t('SHA-256 of {0} copied', file.name), 3000);
    return sha;
  }
}
