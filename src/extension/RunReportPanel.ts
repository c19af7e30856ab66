// The run report webview: one panel, revealed again rather than duplicated, refreshed when a new
// run finishes. Scripts are allowed only with the page's nonce; nothing is loaded from outside.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderReportHtml } from './reportHtml';
import type { RunStore } from './RunStore';

export class RunReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: RunStore) {
    this.subscription = store.onDidChange(() => this.render());
  }

  /** Returns false when there is no run to show yet. */
  show(): boolean {
    if (!this.store.mergedReport()) return false;
    if (this.panel) {
      this.panel.reveal();
    } else {
      this.panel = vscode.window.createWebviewPanel(
        'folio.runReport',
        vscode.l10n.t('Folio Run Report'),
        vscode.ViewColumn.Active,
        { enableScripts: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.render();
    return true;
  }

  get isVisible(): boolean {
    return this.panel !== undefined;
  }

  private render(): void {
    const report = this.store.mergedReport();
    if (!this.panel || !report) return;
    this.panel.webview.html = renderReportHtml(report, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      t: vscode.l10n.t,
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
