// "Folio: Export Audit Manifest…": the last run's text exported as Markdown into a folder the
// reviewer chooses (beside the evidence by default, never in it), and beside it the audit
// manifest as `folio-manifest.csv` and `folio-manifest.json`: every input with its hashes, size,
// status, codes, warnings, pages, OCR confidence and duplicates, and the files not extracted with
// their reasons (src/shared/manifest.ts builds both). Tests pass `{ target }` to skip the dialog.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../shared/atomic-file';
import { manifestCsv, manifestJson } from '../../shared/manifest';
import type { RunStore } from '../RunStore';
import type { Command } from './CommandManager';
import { confirmOutsideEvidence, type ExportArgs } from './ExportExtractedTextCommand';

export const MANIFEST_NAME = 'folio-manifest';

export interface ManifestWritten {
  csv: string;
  json: string;
  files: number;
}

export class ExportAuditManifestCommand implements Command {
  readonly id = 'folio.exportAuditManifest';

  constructor(private readonly store: RunStore) {}

  async execute(args?: unknown): Promise<ManifestWritten | undefined> {
    const report = this.store.mergedReport();
    if (!report) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing extracted yet: run "Folio: Extract Folder" first.'),
      );
      return undefined;
    }
    const target = (args as Partial<ExportArgs> | undefined)?.target ?? (await this.ask());
    if (!target) return undefined;
    const root = target.fsPath;
    // The Markdown first, through the same command as "Export Extracted Text" (same layout).
    await vscode.commands.executeCommand('folio.exportExtractedText', {
      format: 'md',
      target,
      quiet: true,
    });
    // Output paths relative to the manifest, as the export laid them out.
    const options = {
      outputPath: (file: { path: string; output?: string }) =>
        file.output ? `${file.path}.md` : undefined,
    };
    const csv = path.join(root, `${MANIFEST_NAME}.csv`);
    const json = path.join(root, `${MANIFEST_NAME}.json`);
    await writeFileAtomic(csv, manifestCsv(report, options));
    await writeFileAtomic(json, JSON.stringify(manifestJson(report, options), null, 2) + '\n');
    const open = vscode.l10n.t('Open Manifest');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Folio wrote the audit manifest of {0} files and their text to {1}.',
          report.files.length,
          root,
        ),
        open,
      )
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(csv));
      });
    return { csv, json, files: report.files.length };
  }

  private async ask(): Promise<vscode.Uri | undefined> {
    const first = this.store.lastRuns[0]?.input;
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Export here'),
      title: vscode.l10n.t('Folder for the exported text and its audit manifest'),
      ...(first ? { defaultUri: vscode.Uri.file(path.dirname(first)) } : {}),
    });
    if (!picked?.[0]) return undefined;
    const inputs = this.store.lastRuns.map((r) => r.input);
    return (await confirmOutsideEvidence(picked[0], inputs)) ? picked[0] : undefined;
  }
}
