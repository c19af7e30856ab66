// "Folio: Show Run Report" (also the status-bar item's click).
import * as vscode from 'vscode';
import type { RunReportPanel } from '../RunReportPanel';
import type { Command } from './CommandManager';

export class ShowRunReportCommand implements Command {
  static readonly id = 'folio.showRunReport';
  readonly id = ShowRunReportCommand.id;

  constructor(private readonly panel: RunReportPanel) {}

  execute(): boolean {
    const shown = this.panel.show();
    if (!shown) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No run to report yet: run "Folio: Extract Folder" first.'),
      );
    }
    return shown;
  }
}
