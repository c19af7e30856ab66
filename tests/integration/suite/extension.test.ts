// Runs INSIDE a real VS Code extension host (code-server offline, or @vscode/test-electron):
// every assertion goes through the real `vscode` API against the generated fixtures workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExtractResult } from '../../../src/extension/ExtractionService';
import type { FolioApi } from '../../../src/extension/extension';
import { folioUriFor } from '../../../src/extension/folioUri';
import { EXPECTED } from '../fixtures/expected';

const EXTENSION_ID = 'folio-team.folio';

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixtures workspace is open');
  return folder.uri.fsPath;
}

const docsDir = () => path.join(workspaceDir(), 'docs');
const fileUri = (...parts: string[]) => vscode.Uri.file(path.join(workspaceDir(), ...parts));
// Problems are listed on the file's extracted text (a folio: document), never on the binary source.
const textUri = (...parts: string[]) => folioUriFor(path.join(workspaceDir(), ...parts));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function folded(text: string): string {
  return text
    .replace(/[|*#_`>-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

suite('Folio in a real VS Code extension host', () => {
  let api: FolioApi;
  let firstRun: ExtractResult;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<FolioApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    // Nothing activates Folio at startup: only its commands do.
    assert.equal(ext.isActive, false, 'Folio is not activated at startup');
    api = await ext.activate();
    await vscode.commands.executeCommand('folio.clearCache', { confirmed: true });
  });

  test('the manifest contributes the commands and the explorer menus', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.deepEqual(pkg.activationEvents, []);
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'folio.extractFolder',
      'folio.extractWorkspace',
      'folio.cancelExtraction',
      'folio.openExtractedText',
      'folio.showRunReport',
      'folio.exportExtractedText',
      'folio.clearCache',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
    const explorer = pkg.contributes.menus['explorer/context'];
    assert.ok(
      explorer.some(
        (m: { command: string; when: string }) =>
          m.command === 'folio.extractFolder' && m.when === 'explorerResourceIsFolder',
      ),
    );
    // Manifest strings live in package.nls.json (`%key%`); VS Code resolves them.
    assert.equal(
      pkg.contributes.commands.find((c: { command: string }) => c.command === 'folio.extractFolder')
        .title,
      'Extract Folder',
    );
  });

  test('Extract Folder opens a folio: document with the extracted text', async () => {
    assert.equal(api.runner.started, false, 'the child process starts lazily, on the first run');
    const result = await vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      vscode.Uri.file(docsDir()),
    );
    assert.ok(result, 'the run returned its result');
    firstRun = result;
    assert.equal(api.runner.started, true);
    const report = result.runs[0]!.report;
    assert.equal(report.files.length, EXPECTED.docsFiles, 'every file is reported');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'a document was opened after the run');
    assert.equal(editor.document.uri.scheme, 'folio');
    assert.equal(editor.document.languageId, 'markdown');
    // One document, not one tab per file.
    const folioTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'folio');
    assert.equal(folioTabs.length, 1);

    const memo = await vscode.commands.executeCommand<vscode.Uri>(
      'folio.openExtractedText',
      fileUri('docs', 'memo.pdf'),
    );
    assert.equal(memo?.scheme, 'folio');
    const memoText = folded((await vscode.workspace.openTextDocument(memo)).getText());
    for (const line of EXPECTED.memoPdf)
      assert.ok(memoText.includes(line), `memo.pdf has "${line}"`);

    const notes = await vscode.commands.executeCommand<vscode.Uri>(
      'folio.openExtractedText',
      fileUri('docs', 'notes.docx'),
    );
    const notesText = folded((await vscode.workspace.openTextDocument(notes)).getText());
    for (const line of EXPECTED.notesDocx)
      assert.ok(notesText.includes(line), `notes.docx has "${line}"`);

    const totals = await vscode.commands.executeCommand<vscode.Uri>(
      'folio.openExtractedText',
      fileUri('docs', 'totals.xlsx'),
    );
    const totalsText = folded((await vscode.workspace.openTextDocument(totals)).getText());
    for (const cell of EXPECTED.totalsXlsx.flat()) {
      assert.ok(totalsText.includes(String(cell)), `totals.xlsx has "${cell}"`);
    }
  });

  test('the corrupt and the encrypted PDF get diagnostics with their codes', () => {
    const broken = vscode.languages.getDiagnostics(textUri('docs', 'broken.pdf'));
    assert.equal(broken.length, 1, 'one diagnostic for broken.pdf');
    assert.equal(broken[0]!.code, 'CORRUPT');
    assert.equal(broken[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(broken[0]!.message, /damaged|truncated/i);

    const locked = vscode.languages.getDiagnostics(textUri('docs', 'locked.pdf'));
    assert.equal(locked.length, 1, 'one diagnostic for locked.pdf');
    assert.equal(locked[0]!.code, 'ENCRYPTED');
    assert.equal(locked[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(
      locked[0]!.message,
      /^Password-protected PDF: add its password to the password file \(a JSON map .*folio\.passwordFile/,
    );

    assert.equal(vscode.languages.getDiagnostics(textUri('docs', 'memo.pdf')).length, 0);
  });

  test('the status bar shows the summary, with the warning background because files failed', () => {
    const item = api.statusBarItem;
    assert.equal(item.text, `$(check) ${EXPECTED.docsFiles} files · ${EXPECTED.docsFailed} failed`);
    assert.ok(item.backgroundColor instanceof vscode.ThemeColor);
    assert.equal(item.backgroundColor.id, 'statusBarItem.warningBackground');
    assert.equal(item.command, 'folio.showRunReport');
    assert.match(String(item.tooltip), /Peak memory: \d+ MB/);
  });

  test('a second run over the unchanged folder comes from the cache', async () => {
    const again = await vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      vscode.Uri.file(docsDir()),
    );
    const files = again!.runs[0]!.report.files;
    const extracted = files.filter((f) => f.status === 'ok' || f.status === 'partial');
    assert.equal(extracted.length, EXPECTED.docsFiles - EXPECTED.docsFailed);
    for (const f of extracted) assert.equal(f.cached, true, `${f.path} came from the cache`);
    const firstMs = firstRun.runs[0]!.report.totals.wallMs;
    console.log(
      `      first run ${firstMs} ms, cached run ${again!.runs[0]!.report.totals.wallMs} ms`,
    );
    // Re-extracting replaces a file's diagnostics rather than piling them up.
    assert.equal(vscode.languages.getDiagnostics(textUri('docs', 'broken.pdf')).length, 1);
  });

  test('Show Run Report opens the report webview', async () => {
    assert.equal(await vscode.commands.executeCommand('folio.showRunReport'), true);
    const reportTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter(
          (t) =>
            t.input instanceof vscode.TabInputWebview &&
            t.input.viewType.includes('folio.runReport'),
        );
    // The tab model catches up with the panel asynchronously.
    await waitFor('the report tab', () => reportTabs().length > 0, 10_000);
    assert.equal(reportTabs()[0]!.label, 'Folio Run Report');
    // Shown again, the panel is revealed rather than duplicated.
    await vscode.commands.executeCommand('folio.showRunReport');
    await sleep(300);
    assert.equal(reportTabs().length, 1);
  });

  test('Export Extracted Text writes Markdown files to the chosen folder', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-export-'));
    const written = await vscode.commands.executeCommand<number>('folio.exportExtractedText', {
      format: 'md',
      target: vscode.Uri.file(target),
    });
    assert.equal(written, EXPECTED.docsFiles - EXPECTED.docsFailed);
    const memo = folded(fs.readFileSync(path.join(target, 'memo.pdf.md'), 'utf8'));
    assert.ok(memo.includes(EXPECTED.memoPdf[1]!));
    fs.rmSync(target, { recursive: true, force: true });
  });

  test('Export Extracted Text as JSON writes the document model', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-export-json-'));
    const written = await vscode.commands.executeCommand<number>('folio.exportExtractedText', {
      format: 'json',
      target: vscode.Uri.file(target),
    });
    assert.equal(written, EXPECTED.docsFiles - EXPECTED.docsFailed);
    const model = JSON.parse(fs.readFileSync(path.join(target, 'memo.pdf.json'), 'utf8'));
    assert.equal(model.source.kind, 'pdf');
    assert.ok(JSON.stringify(model.blocks).includes('quarterly ledger'));
    fs.rmSync(target, { recursive: true, force: true });
  });

  test('a dead child process is replaced transparently on the next run', async () => {
    const pid = api.runner.childPid;
    assert.ok(pid, 'the child process is running');
    process.kill(pid, 'SIGKILL');
    await waitFor(
      'the child to exit',
      () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      10_000,
    );
    const result = await vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      vscode.Uri.file(docsDir()),
      undefined,
      { openResult: false, notify: false },
    );
    assert.equal(result!.runs[0]!.report.files.length, EXPECTED.docsFiles);
    assert.notEqual(api.runner.childPid, pid, 'a new child process ran the batch');
  });

  test('the editor-title action shows the source of a folio: document beside it', async () => {
    const memo = await vscode.commands.executeCommand<vscode.Uri>(
      'folio.openExtractedText',
      fileUri('docs', 'memo.pdf'),
    );
    const shown = new Promise((resolve) => api.source.onDidShowPage(resolve));
    const source = await vscode.commands.executeCommand<vscode.Uri>('folio.openSourceFile', memo);
    assert.equal(source?.fsPath, fileUri('docs', 'memo.pdf').fsPath);
    // Beside the text, in Folio's source panel: never VS Code's "binary file" editor in its tab.
    await shown;
    assert.equal(api.source.current?.source, fileUri('docs', 'memo.pdf').fsPath);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), memo?.toString());
    const binary = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'file');
    assert.deepEqual(binary, [], 'no tab shows the PDF file itself');
  });

  test('Cancel Extraction stops a run and the rest is reported cancelled', async () => {
    const running = vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      fileUri('scans'),
      undefined,
      { openResult: false, notify: false },
    );
    // Cancel once the batch is under way (at least one file done), not before it started.
    await waitFor('the first scanned file', () =>
      /\$\(loading~spin\) [1-9]\d*\//.test(api.statusBarItem.text),
    );
    assert.match(
      api.statusBarItem.text,
      new RegExp(`^\\$\\(loading~spin\\) \\d+/${EXPECTED.scanCount} · \\d+ files/min · \\d+ MB$`),
    );
    const cancelledAt = Date.now();
    assert.equal(await vscode.commands.executeCommand('folio.cancelExtraction'), true);
    const result = await running;
    console.log(`      run ended ${Date.now() - cancelledAt} ms after Cancel`);
    assert.ok(result?.cancelled, 'the run knows it was cancelled');
    const files = result.runs[0]!.report.files;
    assert.equal(files.length, EXPECTED.scanCount, 'every file is still in the report');
    const cancelled = files.filter((f) => f.status === 'skipped' && f.code === 'CANCELLED');
    assert.ok(cancelled.length > 0, 'files not reached are reported CANCELLED');
    assert.ok(cancelled.length < EXPECTED.scanCount, 'the run had started');
    assert.match(api.statusBarItem.text, /cancelled/);
    assert.equal(api.extraction.isRunning, false);
  });

  test('the password file setting opens the protected PDF and clears its problem', async () => {
    const passwordFile = path.join(workspaceDir(), 'passwords.json');
    fs.writeFileSync(passwordFile, JSON.stringify({ 'locked.pdf': EXPECTED.lockedPassword }));
    const config = vscode.workspace.getConfiguration('folio');
    await config.update('passwordFile', passwordFile, vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<ExtractResult>(
        'folio.extractFolder',
        vscode.Uri.file(docsDir()),
        undefined,
        { openResult: false, notify: false },
      );
      const locked = result!.runs[0]!.report.files.find((f) => f.path === 'locked.pdf');
      assert.equal(locked?.status, 'ok');
      // Its ENCRYPTED error is gone; what is left says the file was protected (PROTECTED, 14aa028).
      const left = vscode.languages.getDiagnostics(textUri('docs', 'locked.pdf'));
      assert.deepEqual(
        left.map((d) => [d.code, d.severity]),
        left.length ? [['PROTECTED', vscode.DiagnosticSeverity.Warning]] : [],
      );
      const uri = await vscode.commands.executeCommand<vscode.Uri>(
        'folio.openExtractedText',
        fileUri('docs', 'locked.pdf'),
      );
      const text = folded((await vscode.workspace.openTextDocument(uri)).getText());
      assert.ok(text.includes(EXPECTED.lockedPdf), 'the protected PDF was read');
    } finally {
      await config.update('passwordFile', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(passwordFile, { force: true });
    }
  });

  test('Clear Cache forgets the run and deletes the stored outputs', async () => {
    const outputs = path.join(api.storageDir, 'outputs');
    assert.ok(fs.existsSync(outputs), 'outputs are kept in the extension storage');
    assert.ok(
      !fs.existsSync(path.join(workspaceDir(), 'docs', 'memo.pdf.md')),
      'never beside the sources',
    );
    assert.ok(fs.existsSync(path.join(api.storageDir, 'cache')), 'the engine cache is in storage');
    assert.equal(
      await vscode.commands.executeCommand('folio.clearCache', { confirmed: true }),
      true,
    );
    assert.equal(fs.existsSync(outputs), false);
    assert.equal(fs.existsSync(path.join(api.storageDir, 'cache')), false);
    assert.equal(api.store.files().length, 0);
    assert.equal(vscode.languages.getDiagnostics(textUri('docs', 'broken.pdf')).length, 0);
  });

  test('final state for the UI checks: the docs summary and its problems', async () => {
    // Leaves the workbench showing a finished run for the driver's DOM check and screenshot.
    const result = await vscode.commands.executeCommand<ExtractResult>(
      'folio.extractFolder',
      vscode.Uri.file(docsDir()),
    );
    // The cache was cleared just before: this run extracted every file again.
    const cached = result!.runs[0]!.report.files.filter((f) => f.cached).map((f) => f.path);
    assert.deepEqual(cached, [], 'nothing came from the cleared cache');
    assert.equal(
      api.statusBarItem.text,
      `$(check) ${EXPECTED.docsFiles} files · ${EXPECTED.docsFailed} failed`,
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
});
