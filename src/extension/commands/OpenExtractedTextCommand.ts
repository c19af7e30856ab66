// "Folio: Open Extracted Text": a quick pick over the last run's files (filter by name, path or
// status), or directly the file chosen in the explorer (extracting it first when needed).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileStatus } from '../../shared/report';
import type { ExtractionService } from '../ExtractionService';
import { folioUriFor } from '../folioUri';
import type { RunStore, StoredFile } from '../RunStore';
import type { Command } from './CommandManager';

const statusIcon: Record<FileStatus, string> = {
  ok: '$(pass)',
  partial: '$(warning)',
  failed: '$(error)',
  skipped: '$(circle-slash)',
};

export class OpenExtractedTextCommand implements Command {
  readonly id = 'folio.openExtractedText';

  constructor(
    private readonly store: RunStore,
    private readonly extraction: ExtractionService,
  ) {}

  async execute(resource?: unknown): Promise<vscode.Uri | undefined> {
    if (resource instanceof vscode.Uri && resource.scheme === 'file') {
      return this.openFile(resource.fsPath);
    }
    const entries = this.store.files();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing extracted yet: run "Folio: Extract Folder" first.'),
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      entries.map((entry) => ({
        label: `${statusIcon[entry.file.status]} ${path.basename(entry.file.path)}`,
        description: entry.file.path,
        detail: [entry.file.status, entry.file.code, entry.file.kind].filter(Boolean).join(' · '),
        entry,
      })),
      {
        placeHolder: vscode.l10n.t('Extracted file (type a name or a status: ok, partial, failed)'),
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    return picked ? this.open(picked.entry) : undefined;
  }

  private async openFile(sourcePath: string): Promise<vscode.Uri | undefined> {
    const known = this.store.find(sourcePath);
    if (known) return this.open(known);
    // Not extracted yet: extract just this file (its folder, restricted to its name).
    await this.extraction.extract(
      [{ folder: path.dirname(sourcePath), only: path.basename(sourcePath) }],
      {
        openResult: false,
        notify: false,
      },
    );
    const extracted = this.store.find(sourcePath);
    return extracted ? this.open(extracted) : undefined;
  }

  private async open(entry: StoredFile): Promise<vscode.Uri> {
    const uri = folioUriFor(entry.sourcePath);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), {
      preview: true,
    });
    return uri;
  }
}
