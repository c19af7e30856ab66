// "Folio: Open Source Beside": the source page beside its text (a webview, never VS Code's binary
// editor). From a `folio:` editor (title action, palette: the cursor's page), a Results item, a
// page-marker link (`{ source, page }`) or a code action on a problem.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FOLIO_SCHEME, sourceUriOf } from '../folioUri';
import type { FileNode } from '../resultsTree';
import { openResultText, textColumn } from '../ResultsView';
import { PAGED, type SourcePanel } from '../SourcePanel';
import type { Command } from './CommandManager';

export interface SourceTarget {
  source: string;
  page?: number;
}

export class OpenSourceBesideCommand implements Command {
  readonly id = 'folio.openSourceBeside';

  constructor(private readonly panel: SourcePanel) {}

  async execute(arg?: unknown): Promise<SourceTarget | undefined> {
    const target = targetOf(arg);
    if (!target) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open an extracted text (a folio: document) to show its source beside it.'),
      );
      return undefined;
    }
    if (!PAGED.test(target.source)) {
      // Word and Excel files have no page images: the text is the best view Folio has.
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} has no pages to show: only PDF and image sources do.',
          path.basename(target.source),
        ),
      );
      return undefined;
    }
    const activeUri = vscode.window.activeTextEditor?.document.uri;
    if (!(activeUri?.scheme === FOLIO_SCHEME && sourceUriOf(activeUri).fsPath === target.source)) {
      await openResultText(target.source, { viewColumn: textColumn() });
    }
    await this.panel.show(target.source, target.page);
    return target;
  }
}

function targetOf(arg: unknown): SourceTarget | undefined {
  if (arg instanceof vscode.Uri) {
    return { source: arg.scheme === FOLIO_SCHEME ? sourceUriOf(arg).fsPath : arg.fsPath };
  }
  const node = arg as Partial<FileNode & SourceTarget> | undefined;
  if (node?.kind === 'file' && node.sourcePath) return { source: node.sourcePath };
  if (typeof node?.source === 'string') {
    return { source: node.source, page: typeof node.page === 'number' ? node.page : undefined };
  }
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === FOLIO_SCHEME ? { source: sourceUriOf(uri).fsPath } : undefined;
}
