// The extension with a Redis queue (issue 14), in a real VS Code extension host: a redis-server
// on a free 127.0.0.1 port and one `folio worker` process, both started here; with
// `folio.queue.url` and `folio.queue.sharedFolder` set, Extract Folder on docs/ runs on the worker
// and ends as the local run of the same folder does: the same statuses and codes, the same
// Problems, the same Results tree. Without redis-server on PATH the suite says it skipped.
// Sorted after extension.test.ts and before the review suites, which run their own extractions;
// the settings are cleared again afterwards, so every later run is local. Search then finds the
// queued run's text too (its index is in the shared folder's cache).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExtractResult } from '../../../src/extension/ExtractionService';
import type { FolioApi } from '../../../src/extension/extension';
import { folioUriFor } from '../../../src/extension/folioUri';
import { filesOf, type TreeNode } from '../../../src/extension/resultsTree';
import type { RunReport } from '../../../src/shared/report';
import type { SearchResult } from '../../../src/shared/search';
import { freePort, redisAnswers } from '../../support/redis-port';
import { EXPECTED } from '../fixtures/expected';

const EXTENSION_ID = 'folio-team.folio';

const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
const SKIP_REASON =
  redisServer.status === 0
    ? undefined
    : 'redis-server is not on PATH (apt-get install redis-server): the queue suite is skipped';

function docsDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixtures workspace is open');
  return path.join(folder.uri.fsPath, 'docs');
}

function stop(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function extractDocs(): Promise<RunReport> {
  const result = await vscode.commands.executeCommand<ExtractResult>(
    'folio.extractFolder',
    vscode.Uri.file(docsDir()),
    undefined,
    { openResult: false, notify: false },
  );
  const report = result?.runs[0]?.report;
  assert.ok(report, 'the run returned its report');
  return report;
}

/** What a reviewer sees of a run: entries, Problems, the Results tree (never times or paths). */
function seen(api: FolioApi, report: RunReport) {
  const entries = report.files.map((f) => [f.path, f.status, f.code ?? '', f.pages ?? 0]);
  const problems = report.files.map((f) => [
    f.path,
    vscode.languages
      .getDiagnostics(folioUriFor(path.join(docsDir(), f.path)))
      .map((d) => [String(d.code), d.severity, d.message]),
  ]);
  const folders = (nodes: readonly TreeNode[]): unknown[] =>
    nodes.flatMap((node) =>
      node.kind === 'file'
        ? []
        : [[node.name, api.results.getTreeItem(node).description], ...folders(node.children)],
    );
  const files = filesOf(api.results.topLevel).map((node) => {
    const item = api.results.getTreeItem(node);
    return [node.name, node.state, (item.iconPath as vscode.ThemeIcon).id, item.contextValue];
  });
  return { entries, problems, tree: { folders: folders(api.results.topLevel), files } };
}

suite('Folio with a Redis queue and one folio worker, in a real VS Code extension host', () => {
  let api: FolioApi;
  let redis: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let workerLog = '';
  let shared = '';
  let url = '';

  suiteSetup(async function () {
    if (SKIP_REASON) {
      console.log(`      skipped: ${SKIP_REASON}`);
      this.skip();
    }
    const ext = vscode.extensions.getExtension<FolioApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    api = await ext.activate();
    shared = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-queue-shared-'));
    const port = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: shared, stdio: 'ignore' },
    );
    await redisAnswers(port);
    url = `redis://127.0.0.1:${port}/0`;
    // The worker is the extension's own CLI, run with the host's executable as plain Node.
    const cli = path.join(ext.extensionPath, 'dist', 'cli.mjs');
    worker = spawn(process.execPath, [cli, 'worker', '--queue', url, '--name', 'vscode-it'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.setEncoding('utf8').on('data', (c: string) => (workerLog += c));
    worker.stderr?.setEncoding('utf8').on('data', (c: string) => (workerLog += c));
  });

  suiteTeardown(async () => {
    if (SKIP_REASON) return;
    const config = vscode.workspace.getConfiguration('folio');
    await config.update('queue.url', undefined, vscode.ConfigurationTarget.Global);
    await config.update('queue.sharedFolder', undefined, vscode.ConfigurationTarget.Global);
    await stop(worker);
    await stop(redis);
    if (shared) fs.rmSync(shared, { recursive: true, force: true });
  });

  test('Extract Folder through the queue gives the statuses, Problems and Results of a local run', async () => {
    const local = seen(api, await extractDocs());
    assert.equal(local.entries.length, EXPECTED.docsFiles);

    const config = vscode.workspace.getConfiguration('folio');
    await config.update('queue.url', url, vscode.ConfigurationTarget.Global);
    await config.update('queue.sharedFolder', shared, vscode.ConfigurationTarget.Global);
    const report = await extractDocs();
    const queued = seen(api, report);

    // It ran on the worker: the outputs are in the shared folder and the worker logged each file
    // (the cache in the shared folder was empty, so it ran them all).
    const extracted = report.files.filter((f) => f.output !== undefined);
    assert.equal(extracted.length, EXPECTED.docsFiles - EXPECTED.docsFailed);
    for (const file of extracted) {
      assert.ok(file.output?.startsWith(path.join(shared, 'docs.folio') + path.sep), file.output);
      assert.equal(file.cached, undefined, `${file.path} was extracted, not taken from a cache`);
    }
    for (const file of report.files) {
      assert.ok(workerLog.includes(`${file.status} ${file.path}\n`), `the worker ran ${file.path}`);
    }
    assert.deepEqual(queued.entries, local.entries);
    assert.deepEqual(queued.problems, local.problems);
    assert.deepEqual(queued.tree, local.tree);
    const problems = queued.problems.filter(([, list]) => (list as unknown[]).length > 0);
    assert.equal(problems.length, EXPECTED.docsFailed, 'the failed files have their Problems');

    // The text the Results tree opens is the worker's output.
    const memo = await vscode.commands.executeCommand<vscode.Uri>(
      'folio.openExtractedText',
      vscode.Uri.file(path.join(docsDir(), 'memo.pdf')),
    );
    assert.ok(memo, 'the text of memo.pdf opens');
    const text = (await vscode.workspace.openTextDocument(memo)).getText();
    const words = (s: string) =>
      s
        .replace(/[|*#_`>-]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    for (const line of EXPECTED.memoPdf) assert.ok(words(text).includes(line), `memo.pdf: ${line}`);

    // Search finds the queued run's text: the coordinator indexed it in the shared folder's cache.
    const found = await vscode.commands.executeCommand<SearchResult>('folio.searchText', {
      query: 'quarterly ledger reconciles',
    });
    const queuedOutputs = path.join(shared, 'docs.folio') + path.sep;
    assert.ok(
      found?.hits.some((h) => h.path === 'memo.pdf' && h.textPath.startsWith(queuedOutputs)),
      `a hit in the queued output: ${JSON.stringify(found?.hits.map((h) => h.textPath))}`,
    );
    console.log(
      `      local and queued runs alike; worker log: ${workerLog.trim().split('\n').length} lines`,
    );
  });
});
