// `folio extract` argument parsing: every flag maps to the shared options; every usage error is
// a UsageError (exit code 2) with a message that names the problem.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultOutDirFor, parseCli, UsageError } from '../../../src/cli/args';
import { tempFolder } from '../../support/pool-harness';

const input = tempFolder({ 'a.pdf': 'x' });
const root = path.dirname(input);

function extractCommand(args: string[]) {
  const parsed = parseCli(args, root);
  assert.equal(parsed.type, 'extract');
  return parsed.type === 'extract' ? parsed.command : assert.fail('not an extract command');
}

test('defaults: md, cache on, OCR on, default out beside the folder, cache inside out', () => {
  const c = extractCommand(['extract', 'input']);
  assert.equal(c.input, input);
  assert.equal(c.batch.outDir, defaultOutDirFor(input));
  assert.equal(c.batch.outDir, path.join(root, 'input.folio'));
  assert.equal(c.batch.cacheDir, path.join(root, 'input.folio', '.folio-cache'));
  assert.equal(c.batch.format, 'md');
  assert.equal(c.batch.cache, true);
  assert.equal(c.batch.workers, undefined, 'left to the engine: min(cores, 4)');
  assert.equal(c.batch.memoryLimitMb, 1024);
  assert.equal(c.batch.fileTimeoutSeconds, 60);
  assert.equal(c.extract.ocr.enabled, true);
  assert.equal(c.extract.docx.reviewMarks, true);
  assert.equal(c.extract.excel.values, 'displayed');
  assert.equal(c.reportPath, undefined);
});

test('every flag lands in the options', () => {
  const passwords = path.join(root, 'pw.json');
  writeFileSync(passwords, JSON.stringify({ 'a.pdf': 'secret' }));
  const c = extractCommand([
    'extract',
    'input',
    '--out',
    'o',
    '--format',
    'json',
    '--report',
    'r.json',
    '--workers',
    '1',
    '--memory-limit-mb',
    '512',
    '--timeout-s',
    '1.5',
    '--file-cap-s',
    '30',
    '--no-ocr',
    '--no-cache',
    '--password-file',
    'pw.json',
    '--follow-symlinks',
    '--quiet',
    '--include',
    '**/*.pdf',
    '--exclude',
    'drafts/**',
    '--cache-dir',
    'c',
    '--ocr-lang',
    'eng,deu',
    '--no-review-marks',
    '--excel-values',
    'raw',
  ]);
  assert.equal(c.batch.outDir, path.join(root, 'o'));
  assert.equal(c.batch.cacheDir, path.join(root, 'c'));
  assert.equal(c.batch.format, 'json');
  assert.equal(c.reportPath, path.join(root, 'r.json'));
  assert.equal(c.batch.workers, 1);
  assert.equal(c.batch.memoryLimitMb, 512);
  assert.equal(c.batch.fileTimeoutSeconds, 1.5);
  assert.equal(c.batch.fileTotalCapSeconds, 30);
  assert.equal(c.extract.ocr.enabled, false);
  assert.deepEqual(c.extract.ocr.languages, ['eng', 'deu']);
  assert.equal(c.extract.docx.reviewMarks, false);
  assert.equal(c.extract.excel.values, 'raw');
  assert.equal(
    c.extract.excel.streamingRowThreshold,
    1000,
    'the other excel option keeps its default',
  );
  assert.equal(c.batch.cache, false);
  assert.deepEqual(c.batch.passwords, { 'a.pdf': 'secret' });
  assert.equal(c.batch.followSymlinks, true);
  assert.equal(c.quiet, true);
  assert.deepEqual(c.batch.include, ['**/*.pdf']);
  assert.deepEqual(c.batch.exclude, ['drafts/**']);
});

test('usage errors', () => {
  const cases: [string[], RegExp][] = [
    [[], /missing command/],
    [['convert', 'input'], /unknown command "convert"/],
    [['extract'], /missing <folder>/],
    [['extract', 'nope'], /folder not found: nope/],
    [['extract', 'input/a.pdf'], /not a folder/],
    [['extract', 'input', 'extra'], /unexpected argument "extra"/],
    [['extract', 'input', '--bogus'], /Unknown option '--bogus'/],
    [['extract', 'input', '--workers', '0'], /--workers needs a positive whole number/],
    [['extract', 'input', '--workers', '1.5'], /--workers needs a positive whole number/],
    [['extract', 'input', '--timeout-s', 'soon'], /--timeout-s needs a positive number/],
    [['extract', 'input', '--format', 'html'], /--format must be md or json/],
    [['extract', 'input', '--excel-values', 'shown'], /--excel-values must be displayed or raw/],
    [['extract', 'input', '--password-file', 'missing.json'], /cannot read the password file/],
  ];
  for (const [args, message] of cases) {
    assert.throws(
      () => parseCli(args, root),
      (error: unknown) => {
        assert.ok(error instanceof UsageError, `${args.join(' ')}: ${String(error)}`);
        assert.match((error as Error).message, message);
        return true;
      },
    );
  }
  writeFileSync(path.join(root, 'bad.json'), '{"a.pdf": 1}');
  assert.throws(
    () => parseCli(['extract', 'input', '--password-file', 'bad.json'], root),
    /must be a string/,
  );
});

test('help and version', () => {
  assert.equal(parseCli(['--help']).type, 'help');
  assert.equal(parseCli(['extract', '-h']).type, 'help');
  assert.equal(parseCli(['--version']).type, 'version');
});

test('--manifest and --near-duplicates', () => {
  const dir = process.cwd();
  const parsed = parseCli(['extract', '.', '--manifest', 'audit', '--near-duplicates', '0.9'], dir);
  assert.equal(parsed.type, 'extract');
  if (parsed.type !== 'extract') return;
  assert.equal(parsed.command.manifestPath, path.join(dir, 'audit'));
  assert.equal(parsed.command.batch.nearDuplicateThreshold, 0.9);
  const off = parseCli(['extract', '.', '--near-duplicates', 'off'], dir);
  assert.ok(off.type === 'extract' && off.command.batch.nearDuplicateThreshold! > 1);
  for (const bad of ['0', '1.5', 'most']) {
    assert.throws(
      () => parseCli(['extract', '.', '--near-duplicates', bad], dir),
      new RegExp(
        `--near-duplicates needs a number above 0 and at most 1, or off, got "${bad.replace('.', '\\.')}"`,
      ),
    );
  }
});
