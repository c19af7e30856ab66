// A click on a file in the Results tree (or its "Open Text" action): the file's extracted text
// in the preview tab, so going down the list never leaves a tab per file behind.
import type { FileNode } from '../resultsTree';
import { openResultText, textColumn } from '../ResultsView';
import type { Command } from './CommandManager';

export class OpenResultCommand implements Command {
  readonly id = 'folio.openResult';

  async execute(node?: unknown): Promise<void> {
    const file = node as FileNode | undefined;
    if (file?.kind !== 'file') return;
    await openResultText(file.sourcePath, { viewColumn: textColumn() });
  }
}
