// Serves `folio:` documents: the normalized Markdown written by the engine for one source file.
// Read-only by nature (a content provider), refreshed when the file is extracted again.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { FOLIO_SCHEME, folioUriFor, sourceUriOf } from './folioUri';
import type { RunStore } from './RunStore';

export class ContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly store: RunStore) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(FOLIO_SCHEME, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = sourceUriOf(uri).fsPath;
    const entry = this.store.find(source);
    if (!entry) {
      return vscode.l10n.t(
        '<!-- {0} has not been extracted yet: run "Folio: Extract Folder". -->',
        source,
      );
    }
    if (!entry.outputPath) {
      const reason = entry.file.message ?? entry.file.code ?? entry.file.status;
      return vscode.l10n.t('<!-- No text was extracted from {0}: {1} -->', source, reason);
    }
    try {
      return await fs.readFile(entry.outputPath, 'utf8');
    } catch {
      return vscode.l10n.t(
        '<!-- The extracted text of {0} is no longer in the cache: extract the folder again. -->',
        source,
      );
    }
  }

  /** Tells open editors that the source file's text changed (it was extracted again). */
  refresh(sourcePath: string): void {
    this.changed.fire(folioUriFor(sourcePath));
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
