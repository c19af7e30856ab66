// "Compare with Near-Duplicate" on a Results file: VS Code's diff of the two `folio:` texts, the
// near-duplicate on the left, so what differs (a signature, a stamp, a rescan's misreads) is
// what the reviewer reads. With several near-duplicates a pick asks which (tests pass its path).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { folioUriFor } from '../folioUri';
import { percentAlike, relatedSourcePath } from '../resultDuplicates';
import type { FileNode } from '../resultsTree';
import type { Command } from './CommandManager';

export interface Comparison {
  left: vscode.Uri;
  right: vscode.Uri;
  title: string;
}

export class CompareNearDuplicateCommand implements Command {
  readonly id = 'folio.compareWithNearDuplicate';

  async execute(node?: unknown, otherPath?: unknown): Promise<Comparison | undefined> {
    const file = node as FileNode | undefined;
    if (file?.kind !== 'file') return undefined;
    const near = file.file.nearDuplicates ?? [];
    if (near.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} has no near-duplicate in the last run.', file.name),
      );
      return undefined;
    }
    const chosen =
      typeof otherPath === 'string'
        ? near.find((n) => n.path === otherPath)
        : near.length === 1
          ? near[0]
          : (
              await vscode.window.showQuickPick(
                near.map((n) => ({
                  label: n.path,
                  description: vscode.l10n.t('{0}% alike', percentAlike(n.similarity)),
                  near: n,
                })),
                { placeHolder: vscode.l10n.t('Compare {0} with…', file.name) },
              )
            )?.near;
    if (!chosen) return undefined;
    const other = relatedSourcePath(file.folder, chosen.path);
    const comparison: Comparison = {
      left: folioUriFor(other),
      right: folioUriFor(file.sourcePath),
      title: vscode.l10n.t(
        '{0} ↔ {1} ({2}% alike)',
        path.basename(other),
        file.name,
        percentAlike(chosen.similarity),
      ),
    };
    await vscode.commands.executeCommand(
      'vscode.diff',
      comparison.left,
      comparison.right,
      comparison.title,
      { preview: true },
    );
    return comparison;
  }
}
