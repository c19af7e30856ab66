// A long PDF's headings as VS Code's Outline (issue 12), in a real extension host: outline/ holds a
// born-digital report whose title, sections and subsections are set larger and bold. Its `folio:`
// text is Markdown, so VS Code's own Markdown support lists the headings as document symbols,
// nested as the PDF's type sizes rank them. Extracted on its own and sorted before
// review.test.ts, whose run of docs/ + review/ then replaces this one, so the counts the later
// tests and the driver check are unchanged.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExtractResult } from '../../../src/extension/ExtractionService';
import { folioUriFor } from '../../../src/extension/folioUri';
import { EXPECTED } from '../fixtures/expected';
import { screenshot } from './screenshots';

const EXTENSION_ID = 'folio-team.folio';

interface Heading {
  name: string;
  children: Heading[];
}

function reportPath(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixtures workspace is open');
  return path.join(folder.uri.fsPath, 'outline', 'report.pdf');
}

/** The symbols' names without Markdown's `#` marks, nested as the symbols are. */
const headings = (symbols: readonly vscode.DocumentSymbol[]): Heading[] =>
  symbols.map((s) => ({ name: s.name.replace(/^#+\s*/, ''), children: headings(s.children) }));

/** The Markdown support starts on the first Markdown document: asks until it answers. */
async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    if (symbols && symbols.length > 0) return symbols;
    if (Date.now() > deadline) throw new Error('no document symbols for the report');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

suite('The review workspace: a PDF outline in a real VS Code extension host', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const result = await vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      vscode.Uri.file(path.dirname(reportPath())),
      undefined,
      { openResult: false, notify: false },
    );
    assert.equal(result?.runs[0]?.report.files.length, 1);
  });

  test("the Outline lists the PDF's title, sections and subsections, nested", async () => {
    const uri = folioUriFor(reportPath());
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
    const outline = headings(await documentSymbols(uri));
    // The text's own heading is the file's name; the PDF's headings sit under it.
    const sections: Heading[] = EXPECTED.outlineSections.map((s) => ({
      name: s.title,
      children: s.subsections.map((name) => ({ name, children: [] })),
    }));
    assert.deepEqual(outline, [
      {
        name: 'report.pdf',
        children: [{ name: EXPECTED.outlineTitle, children: sections }],
      },
    ]);
    // The list is the last section's body, not a heading.
    for (const item of EXPECTED.outlineListItems) {
      assert.ok(doc.getText().includes(`- ${item}`), `list item "${item}"`);
    }
    await vscode.commands.executeCommand('outline.focus');
    await screenshot('outline');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
