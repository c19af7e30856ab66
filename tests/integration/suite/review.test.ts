// The review workspace (issue 13) in a real VS Code extension host: the Results tree, search and
// a click on a hit, the source beside the text following the cursor's page, problems on the text,
// the audit manifest. Runs after extension.test.ts (files are sorted) and leaves docs/ + review/
// extracted as one run, the ledger's text open with its source beside, for the driver's UI
// checks. Screenshots are taken by the driver on request (screenshots.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExtractResult } from '../../../src/extension/ExtractionService';
import type { FolioApi } from '../../../src/extension/extension';
import { folioUriFor } from '../../../src/extension/folioUri';
import { pageAtLine, pageMarkers } from '../../../src/extension/pageMarkers';
import { filesOf, type FileNode, type RunNode } from '../../../src/extension/resultsTree';
import type { SearchFileNode } from '../../../src/extension/searchTree';
import type { SearchResult } from '../../../src/shared/search';
import { EXPECTED } from '../fixtures/expected';
import { screenshot } from './screenshots';

const EXTENSION_ID = 'folio-team.folio';

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixtures workspace is open');
  return folder.uri.fsPath;
}
const sourcePath = (...parts: string[]) => path.join(workspaceDir(), ...parts);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const folioTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'folio');

suite('The review workspace in a real VS Code extension host', () => {
  let api: FolioApi;
  const ledger = () => sourcePath('review', 'ledger.pdf');
  const fileNode = (name: string): FileNode => {
    const node = filesOf(api.results.topLevel).find((f) => f.name === name);
    assert.ok(node, `${name} is in the Results tree`);
    return node;
  };

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<FolioApi>(EXTENSION_ID)!.activate();
    const docs = vscode.Uri.file(sourcePath('docs'));
    const review = vscode.Uri.file(sourcePath('review'));
    // Two folders selected in the Explorer: one run, two roots in the tree.
    const result = await vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      docs,
      [docs, review],
      { openResult: false, notify: false },
    );
    assert.equal(result?.runs.length, 2);
  });

  test('the Results tree shows the run by folder with statuses, counts and actions', async () => {
    const roots = api.results.topLevel as RunNode[];
    assert.deepEqual(
      roots.map((r) => r.name),
      ['docs', 'review'],
    );
    assert.deepEqual(roots[0]!.counts, { failed: 2, partial: 0, warnings: 0, ok: 3, skipped: 0 });
    const states = Object.fromEntries(filesOf(roots).map((f) => [f.name, f.state]));
    assert.deepEqual(states, {
      'broken.pdf': 'failed',
      'locked.pdf': 'failed',
      'memo.pdf': 'ok',
      'notes.docx': 'ok',
      'totals.xlsx': 'ok',
      'ledger.pdf': 'ok',
      'faded.png': 'partial',
    });
    // Failures first, so they are seen without scrolling.
    assert.deepEqual(
      roots[0]!.children.slice(0, 2).map((c) => c.name),
      ['broken.pdf', 'locked.pdf'],
    );
    const item = api.results.getTreeItem(fileNode('ledger.pdf'));
    assert.match(String(item.description), /^3 pages · \d/);
    assert.match(String(item.contextValue), /^folioFile ok text paged sha$/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.ok((item.iconPath as vscode.ThemeIcon).color instanceof vscode.ThemeColor);
    assert.equal(
      api.results.getTreeItem(fileNode('notes.docx')).contextValue,
      'folioFile ok text sha',
    );

    await vscode.commands.executeCommand('folio.results.focus');
    await api.results.view.reveal(fileNode('ledger.pdf'), { select: true, focus: true });
    await screenshot('results-tree');

    await vscode.commands.executeCommand('folio.filterResults', ['failed']);
    assert.deepEqual(
      filesOf(api.results.topLevel).map((f) => f.name),
      ['broken.pdf', 'locked.pdf'],
    );
    await vscode.commands.executeCommand('folio.clearResultsFilter');
    assert.equal(filesOf(api.results.topLevel).length, 7);
  });

  test('opening results one after another reuses the preview tab', async () => {
    const before = folioTabs().length;
    for (const name of ['memo.pdf', 'notes.docx', 'ledger.pdf']) {
      await vscode.commands.executeCommand('folio.openResult', fileNode(name));
    }
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      folioUriFor(ledger()).toString(),
    );
    assert.ok(folioTabs().length <= before + 1, 'one preview tab, not one tab per result');
    const sha = await vscode.commands.executeCommand<string>(
      'folio.copySha256',
      fileNode('ledger.pdf'),
    );
    assert.match(String(sha), /^[0-9a-f]{64}$/);
  });

  test('Re-extract a Results file: one entry, updated; Reveal in Explorer selects the source', async () => {
    const before = fileNode('memo.pdf');
    assert.equal(await vscode.commands.executeCommand('folio.reextract', before), true);
    const after = filesOf(api.results.topLevel).filter((f) => f.name === 'memo.pdf');
    assert.equal(after.length, 1, 'listed once');
    assert.notEqual(after[0], before, 'the entry was replaced');
    assert.equal(filesOf(api.results.topLevel).length, 7);
    await vscode.commands.executeCommand('folio.revealSource', after[0]);
    await vscode.commands.executeCommand('folio.results.focus');
  });

  test('Search Extracted Text finds a reference, and a click on the hit opens the text at it', async () => {
    const result = await vscode.commands.executeCommand<SearchResult>('folio.searchText', {
      query: EXPECTED.ledgerReference,
    });
    assert.ok(result, 'the search ran (in the child process)');
    const inLedger = result.hits.filter((h) => h.path === 'ledger.pdf');
    assert.ok(inLedger.length >= 1, 'the ledger has the reference');
    assert.equal(inLedger[0]!.page, 2);
    const fileNodes = api.search.topLevel as SearchFileNode[];
    const ledgerHits = fileNodes.find((f) => f.sourcePath === ledger());
    assert.ok(ledgerHits, 'the Search view lists the ledger');
    // The same amount with other separators (or none) is still found.
    const amount = await vscode.commands.executeCommand<SearchResult>('folio.searchText', {
      query: '41228.23',
    });
    assert.ok(amount?.hits.some((h) => h.path === 'ledger.pdf' && h.page === 2));
    // Filters by kind: only workbooks, so not the ledger.
    const sheets = await vscode.commands.executeCommand<SearchResult>('folio.searchText', {
      query: EXPECTED.ledgerReference,
      kinds: ['xlsx'],
    });
    assert.deepEqual(sheets?.hits, []);
    await vscode.commands.executeCommand<SearchResult>('folio.searchText', {
      query: EXPECTED.ledgerReference,
    });
    const hit = (api.search.topLevel as SearchFileNode[]).find((f) => f.sourcePath === ledger())!
      .hits[0]!;
    // What a click on the hit runs (the tree item's command).
    const command = api.search.getTreeItem(hit).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), folioUriFor(ledger()).toString());
    assert.equal(editor.document.getText(editor.selection), EXPECTED.ledgerReference);
    const markers = pageMarkers(editor.document.getText());
    assert.equal(pageAtLine(markers, editor.selection.active.line), 2, 'the hit is on page 2');
    await api.search.view.reveal(hit, { select: true, focus: false });
    await screenshot('search');
  });

  test('Open Source Beside shows the page of the cursor and follows it', async () => {
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), folioUriFor(ledger()).toString());
    const pagesShown: number[] = [];
    const listener = api.source.onDidShowPage((e) => pagesShown.push(e.page));
    try {
      await vscode.commands.executeCommand('folio.openSourceBeside');
      await waitFor('page 2 on screen', () => pagesShown.includes(2));
      assert.deepEqual(
        { page: api.source.current?.page, pages: api.source.current?.pages },
        { page: 2, pages: 3 },
      );
      // The text stays in its group, the source beside it.
      const sourceTab = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs.map((t) => ({ t, column: g.viewColumn })))
        .find(
          ({ t }) => t.input instanceof vscode.TabInputWebview && t.label.includes('ledger.pdf'),
        );
      assert.ok(sourceTab, 'a source tab');
      assert.notEqual(sourceTab.column, editor.viewColumn, 'beside the text, not over it');
      // The page image was rendered by the engine into the extension's storage.
      const pagesDir = path.join(api.storageDir, 'pages');
      assert.ok(
        fs.readdirSync(pagesDir, { recursive: true }).some((f) => String(f).endsWith('-p2.png')),
      );

      const markers = pageMarkers(editor.document.getText());
      const third = markers.find((m) => m.page === 3)!;
      const at = new vscode.Position(third.line + 1, 0);
      editor.selection = new vscode.Selection(at, at);
      await waitFor('page 3 on screen after the cursor moved', () => pagesShown.includes(3));
      assert.equal(api.source.current?.page, 3);
      await screenshot('source-beside');
    } finally {
      listener.dispose();
    }
  });

  test('page markers are links to their page of the source', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>(
      'vscode.executeLinkProvider',
      folioUriFor(ledger()),
    );
    const targets = links.map((l) => decodeURIComponent(String(l.target)));
    assert.equal(targets.length, 3);
    assert.ok(targets[1]!.startsWith('command:folio.openSourceBeside'));
    assert.ok(targets[1]!.includes('"page":2'));
  });

  test('a problem sits on the text (not the binary source) and offers the page beside', async () => {
    const broken = folioUriFor(sourcePath('docs', 'broken.pdf'));
    const [problem] = vscode.languages.getDiagnostics(broken);
    assert.equal(problem?.code, 'CORRUPT');
    assert.deepEqual(
      vscode.languages.getDiagnostics(vscode.Uri.file(sourcePath('docs', 'broken.pdf'))),
      [],
    );
    await vscode.workspace.openTextDocument(broken);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      broken,
      problem!.range,
    );
    const beside = actions.find((a) => a.command?.command === 'folio.openSourceBeside');
    assert.ok(beside, 'a code action shows the source page beside');
    assert.match(beside.title, /Show page 1 of the source beside/);
  });

  test("a click on a page's problem opens the text at that page with the source beside", async () => {
    const faded = sourcePath('review', 'faded.png');
    const uri = folioUriFor(faded);
    const problem = vscode.languages
      .getDiagnostics(uri)
      .find((d) => d.code === 'OCR_LOW_CONFIDENCE');
    assert.ok(problem, 'the faded scan has its low-confidence problem on its text');
    const doc = await vscode.workspace.openTextDocument(uri);
    const marker = pageMarkers(doc.getText()).find((m) => m.page === 1)!;
    assert.equal(problem.range.start.line, marker.line, "on the page's marker line");
    // Closed first: the problem's click opens it.
    for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      if (tab.input instanceof vscode.TabInputWebview && tab.label.startsWith('Source')) {
        await vscode.window.tabGroups.close(tab);
      }
    }
    await waitFor('the source panel closed', () => api.source.current === undefined);
    const shown = new Promise<{ source: string; page: number }>((resolve) => {
      const listener = api.source.onDidShowPage((e) => {
        listener.dispose();
        resolve(e);
      });
    });
    // What the Problems panel does on a click: the document opened with the problem selected.
    await vscode.window.showTextDocument(doc, { selection: problem.range, preview: true });
    assert.deepEqual(await shown, { source: faded, page: 1 });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await screenshot('problem-source-beside');
  });

  test("an OCR'd page's words: renderPage returns them, the panel overlays them, a click on one selects it", async () => {
    const faded = sourcePath('review', 'faded.png');
    // The engine's answer: the words of the OCR'd scan, boxes as fractions of the page.
    const rendered = await api.runner.renderPage({
      source: faded,
      page: 1,
      imageDir: fs.mkdtempSync(path.join(os.tmpdir(), 'folio-pages-')),
      cacheDirs: [path.join(api.storageDir, 'cache')],
    });
    const words = rendered.words ?? [];
    assert.ok(words.length >= 100, `the faded scan's words are returned (${words.length})`);
    for (const w of words) {
      const [x0, y0, x1, y1] = w.box;
      assert.ok(0 <= x0 && x0 < x1 && x1 <= 1 && 0 <= y0 && y0 < y1 && y1 <= 1, w.text);
    }
    assert.ok(
      words.some((w) => w.confidence < 80),
      'the faded scan has low-confidence words to highlight',
    );
    // Its text beside, the words overlaid.
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(folioUriFor(faded)),
      { preview: true, viewColumn: vscode.ViewColumn.One },
    );
    await vscode.commands.executeCommand('folio.openSourceBeside');
    await waitFor(
      'the scan beside with its words',
      () => api.source.current?.source === faded && api.source.words.length > 0,
    );
    api.source.setShowWords(true);
    // A click on a line's number ("17:"): one in the text, so the right line must be selected.
    const shown = api.source.words;
    const index = shown.findIndex((w) => /^(1[0-9]|2[0-9]):$/.test(w.text));
    assert.ok(index >= 0, 'a line number was read');
    const number = shown[index]!.text.slice(0, -1);
    const at = new vscode.Position(0, 0);
    editor.selection = new vscode.Selection(at, at);
    api.source.receive({ type: 'word', page: 1, index });
    await waitFor('the word selected', () => !editor.selection.isEmpty, 10_000);
    // The faded scan's text is one paragraph of OCR noise: the number itself, before its colon.
    assert.equal(editor.document.getText(editor.selection), number);
    const after = editor.document.offsetAt(editor.selection.end);
    assert.equal(editor.document.getText().charAt(after), ':');
    await screenshot('source-words');
    // The later tests and the driver's clicks find the overlay as a reviewer first does: off.
    api.source.setShowWords(false);
  });

  test('Export Audit Manifest writes CSV and JSON beside the exported text', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-manifest-'));
    const written = await vscode.commands.executeCommand<{
      csv: string;
      json: string;
      files: number;
    }>('folio.exportAuditManifest', { target: vscode.Uri.file(target) });
    assert.ok(written);
    assert.equal(written.files, 7);
    assert.ok(fs.existsSync(path.join(target, 'review', 'ledger.pdf.md')), 'the text is exported');
    const csv = fs.readFileSync(written.csv, 'utf8').trimEnd().split('\r\n');
    assert.equal(csv.length, 8, 'a header and one row per input');
    assert.ok(csv[0]!.split(',').includes('sha256'));
    const json = JSON.parse(fs.readFileSync(written.json, 'utf8'));
    assert.equal(json.files.length, 7);
    assert.deepEqual(json.notExtracted.map((f: { path: string }) => f.path).sort(), [
      'docs/broken.pdf',
      'docs/locked.pdf',
    ]);
    const ledgerRow = json.files.find((f: { path: string }) => f.path === 'review/ledger.pdf');
    assert.match(ledgerRow.sha256, /^[0-9a-f]{64}$/);
    assert.equal(ledgerRow.output, 'review/ledger.pdf.md');
    await vscode.window.showTextDocument(vscode.Uri.file(written.csv), { preview: true });
    await screenshot('export-manifest');
  });

  test('final state for the UI checks: the ledger at page 2 with its source beside', async () => {
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(folioUriFor(ledger())),
      { preview: true, viewColumn: vscode.ViewColumn.One },
    );
    const second = pageMarkers(editor.document.getText()).find((m) => m.page === 2)!;
    const at = new vscode.Position(second.line + 1, 0);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('folio.openSourceBeside');
    await waitFor('page 2 beside', () => api.source.current?.page === 2);
    assert.match(api.statusBarItem.text, /7 files · 2 failed/);
    // The driver's checks start from the Explorer (its context menu), then open the Folio view.
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
});
