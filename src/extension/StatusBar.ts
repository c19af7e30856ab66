// The one status-bar item: live counts, throughput and memory while a batch runs, the summary
// after; click opens the run report.
import * as vscode from 'vscode';
import type { RunTotals } from '../shared/report';
import {
  cancelledText,
  finishedText,
  runningText,
  summaryLines,
  tooltipLines,
  type LiveStats,
} from './statusText';

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;

  constructor(showReportCommand: string) {
    this.item = vscode.window.createStatusBarItem(
      'folio.status',
      vscode.StatusBarAlignment.Left,
      50,
    );
    this.item.name = vscode.l10n.t('Folio extraction');
    this.item.command = showReportCommand;
  }

  showRunning(s: LiveStats): void {
    this.item.text = runningText(s, vscode.l10n.t);
    this.item.tooltip = tooltipLines(s, vscode.l10n.t).join('\n');
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  showFinished(totals: RunTotals, s: LiveStats, cancelled: boolean): void {
    this.item.text = cancelled
      ? cancelledText(totals, vscode.l10n.t)
      : finishedText(totals, vscode.l10n.t);
    this.item.tooltip = [...summaryLines(totals), ...tooltipLines(s, vscode.l10n.t)].join('\n');
    // Warning colour only when something actually failed, so it keeps its meaning.
    this.item.backgroundColor =
      totals.failed > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
