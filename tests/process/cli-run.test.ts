// The CLI end to end, through the same child process and pool as the extension: the bundled
// sample folder (real DOCX, XLSX and PDFs) gives one output per input with the expected content,
// a report listing every file, exit code 0 even with a failed file, and 2 for usage errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { RunReport } from '../../src/shared/report';
import { projectRoot, realCorpusDir, realCorpusSkip, sampleDir } from '../support/paths';
import { tempFolder, testBundle } from '../support/pool-harness';
import { wordRecall } from '../support/text-compare';

const expectedDir = path.join(projectRoot, 'fixtures', 'sample-expected');
const sampleSkip = existsSync(sampleDir) ? false : 'fixtures/sample is not there yet';

async function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const bundle = await testBundle();
  return spawnSync(process.execPath, [path.join(bundle, 'cli.mjs'), ...args], {
    encoding: 'utf8',
    env,
    timeout: 300_000,
  });
}

test('usage errors exit 2 with the usage text', async () => {
  const result = await cli(['extract', '/nonexistent/folder']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /folder not found/);
  assert.match(result.stderr, /Usage: folio extract/);
  assert.equal((await cli(['extract', '.', '--workers', 'many'])).status, 2);
  const help = await cli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--password-file F/);
});

test(
  'the sample folder: outputs mirror inputs, content matches, every file reported',
  { skip: sampleSkip },
  async () => {
    const input = tempFolder({});
    cpSync(sampleDir, path.join(input, 'docs'), { recursive: true });
    writeFileSync(path.join(input, 'notes.txt'), 'not a document');
    const out = path.join(path.dirname(input), 'out');
    const reportPath = path.join(path.dirname(input), 'report.json');
    // OCR is off so this test stays fast: scans come out partial (their text is missing).
    const result = await cli(['extract', input, '--out', out, '--report', reportPath, '--no-ocr']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(report.totals.files, 8);
    assert.equal(byPath.get('notes.txt')?.code, 'UNSUPPORTED_TYPE');
    assert.equal(byPath.get('docs/truncated-statement.pdf')?.status, 'failed');
    assert.equal(byPath.get('docs/truncated-statement.pdf')?.code, 'CORRUPT');
    for (const scan of ['docs/receipt-scan.png', 'docs/bank-confirmation-scan.pdf']) {
      assert.equal(byPath.get(scan)?.status, 'partial');
      assert.equal(byPath.get(scan)?.code, 'OCR_SKIPPED');
    }
    assert.ok(report.totals.peakRssMb > 50);
    assert.ok((report.timeline?.length ?? 0) >= 1);
    for (const name of [
      'meeting-notes-with-table.docx',
      'purchase-ledger.xlsx',
      'board-minutes-two-column.pdf',
      'audit-findings-header-footer.pdf',
    ]) {
      const file = byPath.get(`docs/${name}`);
      assert.equal(file?.status, 'ok', JSON.stringify(file));
      assert.equal(file?.output, path.join(out, 'docs', `${name}.md`));
      const markdown = readFileSync(file?.output as string, 'utf8');
      const expected = readFileSync(path.join(expectedDir, `${name}.txt`), 'utf8');
      const recall = wordRecall(expected, markdown);
      assert.ok(recall > 0.95, `${name}: word recall ${recall}`);
      assert.match(result.stdout, new RegExp(`ok\\s+docs/${name.replace(/\./g, '\\.')}`));
    }
    assert.match(result.stdout, /8 files: 4 ok, 2 partial, 1 failed, 1 skipped/);
    assert.match(result.stdout, /files\/min extracted, peak RSS \d+ MB \(process tree\)/);

    // Re-run: everything from the cache, the same outputs.
    const again = await cli([
      'extract',
      input,
      '--out',
      out,
      '--report',
      reportPath,
      '--no-ocr',
      '--quiet',
    ]);
    assert.equal(again.status, 0, again.stderr);
    const second = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
    const cached = second.files
      .filter((f) => f.cached)
      .map((f) => f.path)
      .sort();
    assert.deepEqual(
      cached,
      report.files
        .filter((f) => f.status !== 'skipped')
        .map((f) => f.path)
        .sort(),
    );
    assert.doesNotMatch(again.stdout, /^ok /m, '--quiet prints no line per file');
  },
);

test('a non-UTF-8 file name is extracted and its output name sanitized', async () => {
  const input = tempFolder({});
  const raw = Buffer.concat([
    Buffer.from(`${input}/r`),
    Buffer.from([0xe9, 0xff]),
    Buffer.from('sum\u00e9.fault-ok'),
  ]);
  writeFileSync(raw, 'bytes in a strange name');
  const out = path.join(path.dirname(input), 'out');
  const reportPath = path.join(path.dirname(input), 'report.json');
  const result = await cli(['extract', input, '--out', out, '--report', reportPath]);
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
  assert.equal(report.files.length, 1);
  const file = report.files[0];
  assert.equal(file.status, 'ok', JSON.stringify(file));
  assert.match(
    file.output ?? '',
    /^.*\/out\/r__~[0-9a-f]{8}sum\u00e9\.fault-ok\.md$|^.*\/out\/r__sum\u00e9~[0-9a-f]{8}\.fault-ok\.md$/,
  );
  assert.match(readFileSync(file.output as string, 'utf8'), /bytes in a strange name/);
});

test('a batch that cannot run (output folder not writable) exits 1', async () => {
  const input = tempFolder({ 'a.fault-ok': 'x' });
  const blocker = path.join(path.dirname(input), 'file-not-folder');
  writeFileSync(blocker, 'x');
  const result = await cli(['extract', input, '--out', path.join(blocker, 'out')]);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stderr, /could not run/);
});

test(
  '--password-file opens encrypted PDFs, each with its own password only',
  { skip: realCorpusSkip },
  async () => {
    const input = tempFolder({});
    mkdirSync(path.join(input, 'bank'));
    const copy = (name: string, rel: string) =>
      cpSync(path.join(realCorpusDir, name), path.join(input, rel));
    copy('pdfplumber__password-example.pdf', 'bank/statement.pdf');
    copy('pypdf-samples__libreoffice-writer-password.pdf', 'letter.pdf');
    copy('docling__2206.01062_pg3.pdf', 'paper.pdf');
    copy('docling__2206.01062_pg3.pdf', 'no-password.pdf');
    const passwords = path.join(path.dirname(input), 'passwords.json');
    writeFileSync(
      passwords,
      JSON.stringify({
        'bank/statement.pdf': 'test', // by relative path
        'letter.pdf': 'openpassword', // by bare name
        'paper.pdf': 'not-the-password',
      }),
    );
    const reportPath = path.join(path.dirname(input), 'report.json');
    const out = path.join(path.dirname(input), 'out');
    const result = await cli([
      'extract',
      input,
      '--out',
      out,
      '--report',
      reportPath,
      '--no-ocr',
      '--password-file',
      passwords,
    ]);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('bank/statement.pdf')?.status, 'ok', JSON.stringify(report.files));
    assert.equal(byPath.get('letter.pdf')?.status, 'ok');
    assert.equal(byPath.get('paper.pdf')?.status, 'failed');
    assert.equal(byPath.get('paper.pdf')?.code, 'WRONG_PASSWORD');
    assert.equal(byPath.get('no-password.pdf')?.code, 'ENCRYPTED');
    const letter = readFileSync(byPath.get('letter.pdf')?.output as string, 'utf8');
    assert.ok(letter.trim().length > 20, letter);
  },
);
