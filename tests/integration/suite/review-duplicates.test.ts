// Duplicates in the review workspace (issue 13), in a real VS Code extension host: dupes/ holds a
// letter, its exact copy and its signed copy. The Results tree says which is which, the
// "duplicates" filter keeps them, and "Compare with Near-Duplicate" opens the diff of the two
// texts. Sorted before review.test.ts, whose own run of docs/ + review/ then replaces this one,
// so the counts the later tests and the driver check are unchanged.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { Comparison } from '../../../src/extension/commands/CompareNearDuplicateCommand';
import type { ExtractResult } from '../../../src/extension/ExtractionService';
import type { FolioApi } from '../../../src/extension/extension';
import { folioUriFor } from '../../../src/extension/folioUri';
import { filesOf, type FileNode } from '../../../src/extension/resultsTree';
import { screenshot } from './screenshots';

const EXTENSION_ID = 'folio-team.folio';

function dupesDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixtures workspace is open');
  return path.join(folder.uri.fsPath, 'dupes');
}

suite('The review workspace: duplicates in a real VS Code extension host', () => {
  let api: FolioApi;
  const fileNode = (name: string): FileNode => {
    const node = filesOf(api.results.topLevel).find((f) => f.name === name);
    assert.ok(node, `${name} is in the Results tree`);
    return node;
  };

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<FolioApi>(EXTENSION_ID)!.activate();
    const result = await vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      vscode.Uri.file(dupesDir()),
      undefined,
      { openResult: false, notify: false },
    );
    assert.equal(result?.runs[0]?.report.files.length, 3);
  });

  test('the Results tree says which file duplicates which, and how alike', async () => {
    const copy = api.results.getTreeItem(fileNode('letter_copy.pdf'));
    assert.match(String(copy.description), /duplicate of letter\.pdf/);
    assert.match(String(copy.tooltip), /Exact duplicate of letter\.pdf \(same SHA-256\)/);
    assert.match(String(copy.contextValue), /\bduplicate\b/);
    const original = api.results.getTreeItem(fileNode('letter.pdf'));
    assert.match(String(original.description), /copied as letter_copy\.pdf/);
    const signed = fileNode('letter_signed.pdf');
    assert.ok(
      signed.file.nearDuplicates?.some((n) => n.path === 'letter.pdf' && n.similarity >= 0.8),
      'the signed copy is a near-duplicate of the letter',
    );
    const item = api.results.getTreeItem(signed);
    assert.match(String(item.description), /≈ \d\d% like letter(_copy)?\.pdf/);
    assert.match(String(item.contextValue), /\bnear\b/);
    await vscode.commands.executeCommand('folio.results.focus');
    await api.results.view.reveal(signed, { select: true, focus: true });
    await screenshot('results-duplicates');
  });

  test('the duplicates filter keeps both ends of every pair', async () => {
    await vscode.commands.executeCommand('folio.filterResults', ['duplicates']);
    assert.deepEqual(
      filesOf(api.results.topLevel)
        .map((f) => f.name)
        .sort(),
      ['letter.pdf', 'letter_copy.pdf', 'letter_signed.pdf'],
    );
    await vscode.commands.executeCommand('folio.clearResultsFilter');
    assert.equal(filesOf(api.results.topLevel).length, 3);
  });

  test('Compare with Near-Duplicate opens the diff of the two texts', async () => {
    const signed = fileNode('letter_signed.pdf');
    const comparison = await vscode.commands.executeCommand<Comparison>(
      'folio.compareWithNearDuplicate',
      signed,
      'letter.pdf',
    );
    assert.ok(comparison, 'the comparison opened');
    assert.equal(
      comparison.left.toString(),
      folioUriFor(path.join(dupesDir(), 'letter.pdf')).toString(),
    );
    assert.equal(comparison.right.toString(), folioUriFor(signed.sourcePath).toString());
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor');
    assert.equal(tab.input.modified.toString(), comparison.right.toString());
    const right = await vscode.workspace.openTextDocument(comparison.right);
    assert.ok(right.getText().includes('Ada Lovelace'), 'the signed text, with its signature');
    await screenshot('near-duplicate-diff');
    await vscode.window.tabGroups.close(tab);
  });
});
