// "Folio: Export Extracted Text…": the last run's text as Markdown files (copied from the
// outputs) or as JSON documents (the model, rendered by the engine), mirroring the folder tree
// under a folder the user chooses.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtractionService } from '../ExtractionService';
import type { RunStore } from '../RunStore';
import type { Command } from './CommandManager';
import { evidenceFolderHolding } from '../exportTarget';

/** Asks before an export lands in the evidence folder; true when it may go ahead. */
export async function confirmOutsideEvidence(
  target: vscode.Uri,
  inputs: readonly string[],
): Promise<boolean> {
  const folder = evidenceFolderHolding(target.fsPath, inputs);
  if (!folder) return true;
  const anyway = vscode.l10n.t('Export Here Anyway');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Export into the evidence folder {0}?', path.basename(folder)),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The next extraction of that folder would read the exported files as evidence. Choose a folder beside it instead.',
      ),
    },
    anyway,
  );
  return answer === anyway;
}

export interface ExportArgs {
  format: 'md' | 'json';
  target: vscode.Uri;
  /** No notification (the audit manifest export says what it wrote itself). */
  quiet?: boolean;
}

export class ExportExtractedTextCommand implements Command {
  readonly id = 'folio.exportExtractedText';

  constructor(
    private readonly store: RunStore,
    private readonly extraction: ExtractionService,
  ) {}

  /** Returns the number of files written. Tests pass `{ format, target }` to skip the dialogs. */
  async execute(args?: unknown): Promise<number | undefined> {
    const runs = this.store.lastRuns;
    if (runs.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing extracted yet: run "Folio: Extract Folder" first.'),
      );
      return undefined;
    }
    const chosen = (args as ExportArgs | undefined) ?? (await this.ask());
    if (!chosen) return undefined;
    const root = chosen.target.fsPath;
    const multi = runs.length > 1;
    let written = 0;
    if (chosen.format === 'md') {
      for (const entry of this.store.files()) {
        if (!entry.outputPath) continue;
        const rel = multi
          ? path.join(path.basename(entry.folder.input), entry.file.path)
          : entry.file.path;
        const dest = path.join(root, ...`${rel}.md`.split('/'));
        await fs.mkdir(path.dirname(dest), { recursive: true });
        await fs.copyFile(entry.outputPath, dest);
        written++;
      }
    } else {
      const result = await this.extraction.extract(
        runs.map((r) => ({ folder: r.input })),
        {
          openResult: false,
          notify: false,
          exportTo: { outDir: root, format: 'json' },
          exportPerFolder: multi,
        },
      );
      written = (result?.runs ?? []).reduce(
        (n, r) => n + r.report.files.filter((f) => f.output).length,
        0,
      );
    }
    if (!chosen.quiet) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Folio exported {0} files to {1}.', written, root),
      );
    }
    return written;
  }

  private async ask(): Promise<ExportArgs | undefined> {
    const md = { label: vscode.l10n.t('Markdown'), format: 'md' as const };
    const json = { label: vscode.l10n.t('JSON (the document model)'), format: 'json' as const };
    const format = await vscode.window.showQuickPick([md, json], {
      placeHolder: vscode.l10n.t('Export format'),
    });
    if (!format) return undefined;
    // Starts beside the evidence, never in it: an export inside the folder would be walked (and
    // extracted) by the next run.
    const first = this.store.lastRuns[0]?.input;
    const target = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Export here'),
      ...(first ? { defaultUri: vscode.Uri.file(path.dirname(first)) } : {}),
    });
    if (!target?.[0]) return undefined;
    const inputs = this.store.lastRuns.map((r) => r.input);
    if (!(await confirmOutsideEvidence(target[0], inputs))) return undefined;
    return { format: format.format, target: target[0] };
  }
}
