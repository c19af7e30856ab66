// `folio:` URIs name the extracted Markdown of one source file: the source's own path plus `.md`,
// so the tab reads `report.pdf.md` and the source can be found again from the URI alone.
import * as vscode from 'vscode';

export const FOLIO_SCHEME = 'folio';

export function folioUriFor(sourcePath: string): vscode.Uri {
  const file = vscode.Uri.file(sourcePath);
  return file.with({ scheme: FOLIO_SCHEME, path: `${file.path}.md` });
}

export function sourceUriOf(folioUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: 'file', path: folioUri.path.replace(/\.md$/, '') });
}
