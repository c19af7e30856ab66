// Offline VS Code integration driver (run with the harness's Node 24):
//   code-server (the real VS Code server and Node extension host) <- headless Debian chromium
// The tests run INSIDE the extension host (test-runner-ext requires the compiled suite) through the
// real `vscode` API; afterwards this driver checks the workbench page itself (status bar DOM,
// explorer context menu) and saves a screenshot. Prints "N passed, N failed"; exit 0 only if all
// passed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { clearTimeout, setTimeout } from 'node:timers';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '../..');
const HARNESS = process.env.FOLIO_VSCODE_HARNESS_DIR;
if (!HARNESS) throw new Error('FOLIO_VSCODE_HARNESS_DIR is not set (run tests/integration/run.sh)');
const { chromium } = createRequire(path.join(HARNESS, 'package.json'))('playwright-core');

const OUT = path.join(ROOT, 'test-output', 'integration');
const WORKSPACE = path.join(OUT, 'workspace');
const TEST_ENTRY = path.join(OUT, 'suite', 'index.js');
const SCREENSHOT = path.join(OUT, 'workbench.png');
const REPORT_SCREENSHOT = path.join(OUT, 'run-report.png');
// Pictures the suite asks for while it runs (suite/screenshots.ts), and the driver's own UI checks'.
const SHOTS = path.join(OUT, 'screenshots');
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });
// With FOLIO_VSIX=<file.vsix> the packaged extension is installed and tested instead of the
// checkout: proof that the .vsix carries everything it needs.
const VSIX = process.env.FOLIO_VSIX ? path.resolve(process.env.FOLIO_VSIX) : '';
const CODE_SERVER = path.join(HARNESS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.FOLIO_TEST_TIMEOUT_MS || 15 * 60_000);
// The suite ends on docs/ (5 files, 2 failed) and review/ (2 files) extracted as one run.
const SUMMARY = /7 files · 2 failed/;

const t0 = Date.now();
const stamp = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

// Throw-away state: user data, extensions, XDG folders (nothing lands in $HOME); a short TMPDIR
// because it holds unix sockets.
// Outside the checkout, so an installed .vsix cannot resolve modules from the checkout's
// node_modules by walking up the folder tree.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-vscode-run-'));
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-vsc-'));
const isolatedEnv = {
  XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
  XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
  XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
  TMPDIR: tmpDir,
};
const userDataDir = path.join(runDir, 'user-data');
const extensionsDir = path.join(runDir, 'extensions');
const resultFile = path.join(runDir, 'result.json');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
fs.writeFileSync(
  path.join(userDataDir, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'workbench.enableExperiments': false,
      'workbench.tips.enabled': false,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'git.autoRepositoryDetection': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
    null,
    2,
  ),
);
// Extensions are installed as plain folders named <publisher>.<name>-<version>.
const linkExtension = (src) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
  fs.symlinkSync(
    src,
    path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`),
    'dir',
  );
};
if (VSIX) {
  const install = spawnSync(
    process.execPath,
    [
      CODE_SERVER,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--install-extension',
      VSIX,
    ],
    { env: { ...process.env, ...isolatedEnv }, encoding: 'utf8' },
  );
  if (install.status !== 0)
    throw new Error(`installing ${VSIX} failed:\n${install.stdout}${install.stderr}`);
  // The install wrote an extensions.json that does not list the symlinked test runner, which
  // VS Code would then treat as removed: without the file it scans the folder instead.
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  stamp(`installed ${path.basename(VSIX)}`);
} else {
  linkExtension(ROOT);
}
linkExtension(path.join(HERE, 'test-runner-ext'));

let server;
let browser;
let page;
let exitCode = 1;
let passed = 0;
let failed = 0;
const uiCheck = async (name, fn) => {
  try {
    await fn();
    passed++;
    stamp(`ui ✔ ${name}`);
  } catch (e) {
    failed++;
    stamp(`ui ✘ ${name}: ${e?.message ?? e}`);
    // What the page showed when the check failed.
    const shot = path.join(SHOTS, `failed-${passed + failed}.png`);
    await page?.screenshot({ path: shot }).catch(() => undefined);
    stamp(`screenshot of the failure: ${path.relative(ROOT, shot)}`);
  }
};

try {
  server = spawn(
    process.execPath,
    [
      CODE_SERVER,
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    {
      detached: true, // its own process group: code-server and the extension host go together
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...isolatedEnv,
        FOLIO_TEST_ENTRY: TEST_ENTRY,
        FOLIO_TEST_RESULT: resultFile,
        FOLIO_TEST_SHOTS_DIR: SHOTS,
      },
    },
  );
  let serverLog = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start:\n${serverLog}`)),
      60_000,
    );
    const onData = (d) => {
      serverLog += d;
      const m = /HTTP server listening on (http:\/\/[^\s]+)/.exec(serverLog);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (c) => reject(new Error(`code-server exited ${c}:\n${serverLog}`)));
  });
  stamp(`code-server up at ${url}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, ...isolatedEnv },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  await page.goto(`${url}/?folder=${encodeURIComponent(WORKSPACE)}`);
  stamp('workbench loaded; the suite runs in the extension host');

  const deadline = Date.now() + TIMEOUT_MS;
  while (!fs.existsSync(resultFile)) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${TIMEOUT_MS} ms waiting for the suite\n--- code-server log ---\n${serverLog}`,
      );
    }
    for (const request of fs.readdirSync(SHOTS).filter((f) => f.endsWith('.request'))) {
      const name = request.slice(0, -'.request'.length);
      await page.mouse.move(1390, 840); // no hover tooltip in the picture
      await page.screenshot({ path: path.join(SHOTS, `${name}.tmp.png`) });
      fs.renameSync(path.join(SHOTS, `${name}.tmp.png`), path.join(SHOTS, `${name}.png`));
      fs.rmSync(path.join(SHOTS, request), { force: true });
      stamp(`screenshot saved to ${path.relative(ROOT, path.join(SHOTS, `${name}.png`))}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  stamp('suite finished in the extension host');
  console.log(result.log);
  passed += Number((/(\d+) passing/.exec(result.log) ?? [0, 0])[1]);
  failed += Number((/(\d+) failing/.exec(result.log) ?? [0, 0])[1]);
  if (!result.ok && failed === 0) failed++; // the suite could not run at all

  await uiCheck('the status-bar item in the page shows the run summary', async () => {
    const item = page.locator('.statusbar-item', { hasText: SUMMARY });
    await item.first().waitFor({ timeout: 15_000 });
    stamp(`status bar DOM: "${(await item.first().innerText()).trim()}"`);
  });
  await uiCheck('the explorer context menu on a folder offers "Extract Folder"', async () => {
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: 'docs' })
      .first()
      .click({ button: 'right' });
    await page
      .locator('.monaco-menu .action-item', { hasText: 'Extract Folder' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
  });
  await uiCheck('the Problems panel lists the two failures', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.first().waitFor({ timeout: 15_000 });
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'Password-protected PDF' })
      .first()
      .waitFor({ timeout: 15_000 });
  });
  await uiCheck('the source panel turns pages and moves the text with it', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'ledger.pdf.md' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'Source: ledger.pdf' }).first().click();
    const frame = page
      .frameLocator('iframe.webview.ready >> nth=-1')
      .frameLocator('iframe#active-frame');
    await frame.locator('#status', { hasText: /Page 2 of 3/ }).waitFor({ timeout: 20_000 });
    await frame.locator('img#page[data-page="2"]').waitFor({ timeout: 20_000 });
    // The text's cursor line: the active line number of the editor in the text's group.
    const textGroup = page.locator('.editor-group-container', { hasText: 'ledger.pdf.md' }).first();
    const cursor = textGroup.locator('.line-numbers.active-line-number').first();
    const before = (await cursor.innerText({ timeout: 5_000 })).trim();
    await frame.locator('#next').click();
    await frame.locator('#status', { hasText: /Page 3 of 3/ }).waitFor({ timeout: 20_000 });
    await frame.locator('img#page[data-page="3"]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const after = (await cursor.innerText({ timeout: 5_000 })).trim();
    if (after === before) throw new Error(`the text's cursor did not move (line ${after})`);
    stamp(`text cursor line ${before} -> ${after}`);
    // A click low on the page leads that far down the page's text.
    const image = frame.locator('img#page');
    const box = await image.boundingBox();
    if (box) await image.click({ position: { x: box.width / 2, y: box.height * 0.9 } });
    await page.waitForTimeout(800);
    const clicked = (await cursor.innerText({ timeout: 5_000 })).trim();
    if (!(Number(clicked) > Number(after))) {
      throw new Error(
        `a click low on page 3 left the text at line ${clicked} (page start ${after})`,
      );
    }
    stamp(`click low on the page: text line ${after} -> ${clicked}`);
    await page.mouse.move(1390, 840);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'source-next-page.png') });
    stamp(`screenshot saved to ${path.relative(ROOT, path.join(SHOTS, 'source-next-page.png'))}`);
  });
  await uiCheck(
    "a click on a page's problem opens the text at the page with the source beside",
    async () => {
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'read at' }).first().click();
      await page
        .locator('.tabs-container .tab.active', { hasText: 'faded.png.md' })
        .first()
        .waitFor({ timeout: 15_000 });
      await page
        .locator('.tabs-container .tab', { hasText: 'Source: faded.png' })
        .first()
        .waitFor({ timeout: 20_000 });
      // Never VS Code's binary or image editor on the source itself.
      // (aria-label: the tab's full name, then ", preview" and the like.)
      const labels = await page
        .locator('.tabs-container .tab')
        .evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''));
      if (labels.some((l) => /^faded\.png(,|$)/.test(l))) throw new Error(`tabs: ${labels}`);
      stamp(`tabs: ${labels.join(' | ')}`);
      const line = await page
        .locator('.editor-group-container.active .line-numbers.active-line-number')
        .first()
        .innerText();
      const text = await page
        .locator('.editor-group-container.active .view-lines')
        .first()
        .innerText();
      stamp(
        `problem click: text at line ${line.trim()}${/page\s1/.test(text) ? ', its page marker shown' : ''}`,
      );
      await page.mouse.move(1390, 840);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(SHOTS, 'problem-click.png') });
      stamp(`screenshot saved to ${path.relative(ROOT, path.join(SHOTS, 'problem-click.png'))}`);
    },
  );
  await uiCheck(
    'the Folio view lists the run; a click on a file opens its text in the preview tab',
    async () => {
      await page.locator('.activitybar [aria-label^="Folio"]').first().click();
      const row = (name) => page.locator('.pane-body .monaco-list-row', { hasText: name }).first();
      await row('ledger.pdf').waitFor({ timeout: 15_000 });
      for (const name of ['docs', 'review', 'broken.pdf', 'locked.pdf', 'memo.pdf']) {
        await row(name).waitFor({ timeout: 5_000 });
      }
      await row('memo.pdf').click();
      await page
        .locator('.tabs-container .tab.active', { hasText: 'memo.pdf.md' })
        .first()
        .waitFor({ timeout: 15_000 });
      await page.mouse.move(1390, 840);
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(SHOTS, 'results-view-click.png') });
      stamp(
        `screenshot saved to ${path.relative(ROOT, path.join(SHOTS, 'results-view-click.png'))}`,
      );
      // The run report check below expects the only other webview: the source panel goes.
      const source = page.locator('.tabs-container .tab', { hasText: 'Source:' }).first();
      await source.click({ button: 'middle' });
      await source.waitFor({ state: 'detached', timeout: 10_000 });
    },
  );
  await page.mouse.move(700, 400); // no hover tooltip in the picture
  await page.waitForTimeout(1000);
  await page.screenshot({ path: SCREENSHOT });
  stamp(`screenshot saved to ${path.relative(ROOT, SCREENSHOT)}`);
  await uiCheck('the run report webview renders its chart and a sortable table', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'Folio Run Report' }).first().click();
    // Webview content lives in nested iframes.
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('svg.chart polyline.memory').waitFor({ timeout: 15_000 });
    const rows = await frame.locator('table#files tbody tr').count();
    if (rows !== 7) throw new Error(`expected 7 file rows, found ${rows}`);
    // Sorting by a column header reorders the rows (numerically for times).
    await frame.locator('table#files th', { hasText: 'Time' }).click();
    await frame
      .locator('table#files th[aria-sort="ascending"]', { hasText: 'Time' })
      .waitFor({ timeout: 5_000 });
    const times = await frame
      .locator('table#files tbody tr td:nth-child(6)')
      .evaluateAll((cells) => cells.map((c) => Number(c.dataset.sort)));
    if (times.some((v, i) => i > 0 && v < times[i - 1]))
      throw new Error(`not sorted by time: ${times}`);
    await page.mouse.move(700, 400);
    await page.waitForTimeout(500);
    await page.screenshot({ path: REPORT_SCREENSHOT });
    stamp(`screenshot saved to ${path.relative(ROOT, REPORT_SCREENSHOT)}`);
  });
  await uiCheck('Open Extracted Text lists the files and filters them by status', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.first().waitFor({ timeout: 10_000 });
    await input.first().fill('>Folio: Open Extracted Text');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Open Extracted Text' })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'memo.pdf' })
      .first()
      .waitFor({ timeout: 10_000 });
    await input.first().fill('failed');
    await page.waitForTimeout(500);
    const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    const listed = rows.map((r) => r.replace(/\s+/g, ' ').trim()).join(' | ');
    if (rows.length !== 2 || !listed.includes('broken.pdf') || !listed.includes('locked.pdf')) {
      throw new Error(`expected broken.pdf and locked.pdf, got: ${listed}`);
    }
    await page.keyboard.press('Escape');
  });
  // Issue 12: Folio's Markdown must read well where reviewers read it, VS Code's own preview.
  await uiCheck("VS Code's Markdown preview renders a result's headings and table", async () => {
    const input = page.locator('.quick-input-widget input').first();
    const command = async (title) => {
      // F1 can land while the last quick pick is still closing, or in a webview: retry from a
      // click on the active tab (focus in the workbench) until the palette is up.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        const up = await input
          .waitFor({ state: 'visible', timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
        if (up) break;
        if (attempt === 4) throw new Error('the command palette did not open');
        await page.locator('.tabs-container .tab.active').first().click();
      }
      await input.fill(`>${title}`);
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: title })
        .first()
        .waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
    };
    await command('Folio: Open Extracted Text');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'totals.xlsx' })
      .first()
      .waitFor({ timeout: 10_000 });
    await input.fill('totals.xlsx');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page
      .locator('.tabs-container .tab.active', { hasText: 'totals.xlsx.md' })
      .first()
      .waitFor({ timeout: 15_000 });
    await command('Markdown: Open Preview to the Side');
    await page
      .locator('.tabs-container .tab', { hasText: /Preview\]? totals\.xlsx\.md/ })
      .first()
      .waitFor({ timeout: 20_000 });
    // The preview is a webview (nested iframes); the run report's is another: find the frame
    // whose document is the rendered totals.xlsx.md. (Runs in the page: `document` is its own.)
    /* global document */
    const readPreview = () =>
      document.querySelector('h1')?.textContent?.trim() === 'totals.xlsx'
        ? {
            h2: [...document.querySelectorAll('h2')].map((h) => h.textContent.trim()),
            header: [...document.querySelectorAll('table thead th')].map((c) =>
              c.textContent.trim(),
            ),
            rows: [...document.querySelectorAll('table tbody tr')].map((r) =>
              [...r.cells].map((c) => c.textContent.trim()),
            ),
          }
        : undefined;
    let rendered;
    const deadline = Date.now() + 20_000;
    while (!rendered && Date.now() < deadline) {
      for (const frame of page.frames()) {
        rendered ??= await frame.evaluate(readPreview).catch(() => undefined);
      }
      if (!rendered) await page.waitForTimeout(250);
    }
    if (!rendered) throw new Error('no preview frame showing totals.xlsx.md with a heading');
    const seen = JSON.stringify(rendered);
    if (!rendered.h2.some((h) => /^Sheet: Totals/.test(h))) throw new Error(`headings: ${seen}`);
    if (rendered.header.join('|') !== 'Account|Amount') throw new Error(`table header: ${seen}`);
    if (rendered.rows.map((r) => r.join('|')).join(';') !== 'Cash|1250;Receivables|3400') {
      throw new Error(`table rows: ${seen}`);
    }
    stamp(`markdown preview: ${seen}`);
    await page.mouse.move(1390, 840);
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(SHOTS, 'markdown-preview.png') });
    stamp(`screenshot saved to ${path.relative(ROOT, path.join(SHOTS, 'markdown-preview.png'))}`);
  });
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (e) {
  console.error(e?.stack ?? e);
  failed++;
  exitCode = 1;
} finally {
  try {
    await browser?.close();
  } catch {
    // already gone
  }
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (!process.env.FOLIO_KEEP_RUN_DIR) fs.rmSync(runDir, { recursive: true, force: true });
  fs.rmSync(tmpDir, { recursive: true, force: true });
  // CI reads the plain closing line 'word: N passed, N failed' alone on a line: keep it exact.
  console.log(`vscode integration took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  process.exit(exitCode);
}
