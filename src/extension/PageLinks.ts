// Page markers in a `folio:` text (`<!-- page 3 -->`) are links to that page of the source,
// shown beside the text; and every Folio problem on a text offers the same as a code action.
// Only PDF and image sources have pages to show.
import * as vscode from 'vscode';
import { FOLIO_SCHEME, sourceUriOf } from './folioUri';
import { markersOf, PAGED } from './SourcePanel';

const OPEN_BESIDE = 'folio.openSourceBeside';

function commandUri(source: string, page: number): vscode.Uri {
  const args = encodeURIComponent(JSON.stringify([{ source, page }]));
  return vscode.Uri.parse(`command:${OPEN_BESIDE}?${args}`);
}

export class PageLinks
  implements vscode.DocumentLinkProvider, vscode.CodeActionProvider, vscode.Disposable
{
  private readonly registrations: vscode.Disposable[];

  constructor() {
    const selector: vscode.DocumentSelector = { scheme: FOLIO_SCHEME };
    this.registrations = [
      vscode.languages.registerDocumentLinkProvider(selector, this),
      vscode.languages.registerCodeActionsProvider(selector, this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
    ];
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const source = sourceUriOf(doc.uri).fsPath;
    if (!PAGED.test(source)) return [];
    return markersOf(doc).map((m) => {
      const link = new vscode.DocumentLink(
        new vscode.Range(m.line, m.start, m.line, m.end),
        commandUri(source, m.page),
      );
      link.tooltip = vscode.l10n.t('Show page {0} of the source beside', m.page);
      return link;
    });
  }

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const source = sourceUriOf(doc.uri).fsPath;
    if (!PAGED.test(source)) return [];
    const markers = markersOf(doc);
    return context.diagnostics
      .filter((d) => d.source === 'Folio')
      .map((d) => {
        const page = markers.find((m) => m.line === d.range.start.line)?.page ?? 1;
        const action = new vscode.CodeAction(
          vscode.l10n.t('Show page {0} of the source beside', page),
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [d];
        action.isPreferred = true;
        action.command = {
          command: OPEN_BESIDE,
          title: action.title,
          arguments: [{ source, page }],
        };
        return action;
      });
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
  }
}
