// The Problems panel: one entry per failed file or warning, on the source file's URI.
import * as vscode from 'vscode';
import type { FileReport } from '../shared/report';
import { problemsFor } from './problems';

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('folio');

  /** Replaces the file's entries, so a re-extracted file loses its old problems. */
  setFor(sourcePath: string, report: FileReport): void {
    const uri = vscode.Uri.file(sourcePath);
    const diagnostics = problemsFor(report, vscode.l10n.t).map((p) => {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        p.message,
        p.severity === 'error'
          ? vscode.DiagnosticSeverity.Error
          : vscode.DiagnosticSeverity.Warning,
      );
      d.code = p.code;
      d.source = 'Folio';
      return d;
    });
    this.collection.set(uri, diagnostics);
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
