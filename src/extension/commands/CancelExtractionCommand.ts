// "Folio: Cancel Extraction".
import * as vscode from 'vscode';
import type { ExtractionService } from '../ExtractionService';
import type { Command } from './CommandManager';

export class CancelExtractionCommand implements Command {
  readonly id = 'folio.cancelExtraction';

  constructor(private readonly extraction: ExtractionService) {}

  execute(): boolean {
    const cancelled = this.extraction.cancel();
    if (!cancelled)
      void vscode.window.showInformationMessage(vscode.l10n.t('No extraction is running.'));
    return cancelled;
  }
}
