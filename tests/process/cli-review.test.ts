// The CLI's issue-13 behaviours end to end (private bundle with the fault child): --manifest
// writes CSV and JSON, `folio search` finds text with another separator and says when there is
// nothing, a name holding terminal escapes is printed escaped, and Ctrl-C leaves no temporary
// file in --out (also none that an earlier killed child left).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { slow, tempFolder, testBundle } from '../support/pool-harness';

async function cli(args: string[]) {
  const bundle = await testBundle();
  return spawnSync(process.execPath, [path.join(bundle, 'cli.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((rel) =>
    statSync(path.join(dir, rel)).isFile(),
  );
}

test('--manifest, folio search, and escaped names', async () => {
  const input = tempFolder({
    'ledger.fault-ok': 'Payment of 41,228.23 against INV-2024-4788 approved.',
    'evil\u001b[2J\u001b]0;owned\u0007.fault-ok': 'A file whose name tries to clear the screen.',
    'broken.fault-throw': 'x',
  });
  const out = path.join(path.dirname(input), 'out');
  const manifest = path.join(path.dirname(input), 'audit');
  const run = await cli(['extract', input, '--out', out, '--no-ocr', '--manifest', manifest]);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(!run.stdout.includes('\u001b') && !run.stdout.includes('\u0007'), 'no raw escapes');
  assert.match(run.stdout, /evil\\x1b\[2J\\x1b\]0;owned\\x07\.fault-ok/);
  assert.match(run.stdout, /manifest: .*audit\.csv, .*audit\.json/);

  const csv = readFileSync(`${manifest}.csv`, 'utf8').split('\r\n');
  assert.match(csv[0], /^path,kind,status,code,message,warnings,pages/);
  assert.equal(csv.length, 5, 'header, three files, final line end');
  const json = JSON.parse(readFileSync(`${manifest}.json`, 'utf8'));
  assert.equal(json.files.length, 3);
  assert.deepEqual(
    json.notExtracted.map((f: { path: string }) => f.path),
    ['broken.fault-throw'],
  );
  assert.ok(json.files.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256)));

  const found = await cli(['search', out, 'INV 2024 4788']);
  assert.equal(found.status, 0, found.stderr);
  assert.match(found.stdout, /^ledger\.fault-ok {2}\(1 hit\)$/m);
  assert.match(found.stdout, /\[41,228\.23\]|\[INV-2024-4788\]/);
  const asJson = JSON.parse((await cli(['search', out, '41228.23', '--json'])).stdout);
  assert.equal(asJson.hits[0].path, 'ledger.fault-ok');

  const none = await cli(['search', out, 'zebra']);
  assert.equal(none.status, 1);
  assert.match(none.stdout, /^0 hits in 0 files/m);
  const usage = await cli(['search', input]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /missing "<query>"[\s\S]*Usage: folio search/);
});

test('Ctrl-C leaves no temporary file in --out', async () => {
  const input = tempFolder({
    'a.fault-slow-progress': slow(40, 100),
    'b.fault-slow-progress': slow(40, 100),
    'c.fault-ok': 'done quickly',
  });
  const out = path.join(path.dirname(input), 'out');
  // What a child killed mid-write leaves behind (its pid is long gone).
  const leftover = path.join(out, 'sub', '.c.fault-ok.md.4194303.deadbeef.tmp');
  mkdirSync(path.dirname(leftover), { recursive: true });
  writeFileSync(leftover, 'half a file');

  const bundle = await testBundle();
  const child = spawn(
    process.execPath,
    [path.join(bundle, 'cli.mjs'), 'extract', input, '--out', out, '--no-ocr', '--workers', '2'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  await new Promise((resolve) => setTimeout(resolve, 2500));
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 130, stdout);
  assert.match(stdout, /cancelled\)/);
  const temps = filesUnder(out).filter((rel) => rel.endsWith('.tmp'));
  assert.deepEqual(temps, []);
});
