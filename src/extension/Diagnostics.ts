// The Problems panel: one entry per failed file or warning, on the file's `folio:` text (not the
// source: clicking a problem on a PDF would open VS Code's "binary" editor). A problem about a
// page sits on that page's marker line, so a click lands on the page in the text; the code
// action beside it shows the page of the source (ProblemActions.ts).
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { FileReport } from '../shared/report';
import { folioUriFor } from './folioUri';
import { pageMarkers, type PageMarker } from './pageMarkers';
import { problemsFor } from './problems';

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('folio');

  /** The URI a source file's problems are listed under. */
  static uriFor(sourcePath: string): vscode.Uri {
    return folioUriFor(sourcePath);
  }

  /**
   * Replaces the file's entries, so a re-extracted file loses its old problems. The text is read
   * only when a problem names a page (to find its marker line).
   */
  async setFor(sourcePath: string, report: FileReport, outputPath?: string): Promise<void> {
    const problems = problemsFor(report, vscode.l10n.t);
    const markers =
      outputPath && problems.some((p) => p.page !== undefined)
        ? await fs.readFile(outputPath, 'utf8').then(pageMarkers, () => [] as PageMarker[])
        : [];
    const diagnostics = problems.map((p) => {
      const marker = markers.find((m) => m.page === p.page);
      const d = new vscode.Diagnostic(
        marker
          ? new vscode.Range(marker.line, marker.start, marker.line, marker.end)
          : new vscode.Range(0, 0, 0, 0),
        p.message,
        p.severity === 'error'
          ? vscode.DiagnosticSeverity.Error
          : vscode.DiagnosticSeverity.Warning,
      );
      d.code = p.code;
      d.source = 'Folio';
      return d;
    });
    this.collection.set(Diagnostics.uriFor(sourcePath), diagnostics);
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
