// "Re-extract" on a Results file: that file alone, through the same runner; the tree replaces
// its entry (resultsTree.ts) instead of listing it twice.
import * as path from 'node:path';
import type { ExtractionService } from '../ExtractionService';
import type { FileNode } from '../resultsTree';
import type { Command } from './CommandManager';

export class ReExtractCommand implements Command {
  readonly id = 'folio.reextract';

  constructor(private readonly extraction: ExtractionService) {}

  async execute(node?: unknown): Promise<boolean> {
    const file = node as FileNode | undefined;
    if (file?.kind !== 'file') return false;
    const result = await this.extraction.extract(
      [{ folder: path.dirname(file.sourcePath), only: path.basename(file.sourcePath) }],
      { openResult: false, notify: false },
    );
    return result !== undefined;
  }
}
