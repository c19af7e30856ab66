// "Reveal in Explorer" on a Results file: the source file selected in the Explorer.
import * as vscode from 'vscode';
import type { FileNode } from '../resultsTree';
import type { Command } from './CommandManager';

export class RevealSourceCommand implements Command {
  readonly id = 'folio.revealSource';

  async execute(node?: unknown): Promise<void> {
    const file = node as FileNode | undefined;
    if (file?.kind !== 'file') return;
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file.sourcePath));
  }
}
