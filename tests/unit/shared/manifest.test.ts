// The audit manifest: a row per file with hashes and settings, CSV that a spreadsheet cannot
// run, the failed and skipped files listed with their reasons, and the two paths of --manifest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MANIFEST_COLUMNS,
  csvCell,
  manifestCsv,
  manifestJson,
  manifestPaths,
} from '../../../src/shared/manifest';
import type { RunReport } from '../../../src/shared/report';

const report: RunReport = {
  tool: { name: 'folio', version: '0.1.2' },
  startedAt: '2026-12-02T00:00:00.000Z',
  finishedAt: '2026-12-02T00:01:00.000Z',
  input: '/evidence',
  settingsFingerprint: '0123456789abcdef',
  totals: {
    files: 3,
    ok: 1,
    partial: 0,
    failed: 1,
    skipped: 1,
    wallMs: 60000,
    filesPerMin: 2,
    peakRssMb: 300,
  },
  files: [
    {
      path: 'ledger.xlsx',
      kind: 'xlsx',
      status: 'ok',
      pages: 2,
      ms: 40,
      sha256: 'a'.repeat(64),
      size: 1234,
      output: '/out/ledger.xlsx.md',
      outputSha256: 'b'.repeat(64),
      warnings: [{ code: 'HIDDEN_SHEET', message: 'Sheet "=cmd|\' /C calc\'!A0" is hidden' }],
      nearDuplicates: [{ path: 'ledger-v2.xlsx', similarity: 0.93 }],
    },
    {
      path: 'locked.pdf',
      kind: 'pdf',
      status: 'failed',
      code: 'ENCRYPTED',
      message: 'Password-protected PDF: add it',
      detail: '=PasswordException: No password given',
      ms: 3,
      sha256: 'c'.repeat(64),
      size: 99,
    },
    {
      path: '=HYPERLINK("x").png',
      kind: 'image',
      status: 'skipped',
      code: 'CANCELLED',
      message: 'The batch was cancelled, before this file finished.',
      ms: 0,
    },
  ],
};

test('csv cells that a spreadsheet would run as formulas are neutralized', () => {
  for (const dangerous of ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
    const cell = csvCell(dangerous);
    assert.match(cell, /^"?'/, `${JSON.stringify(dangerous)} → ${cell}`);
  }
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell(-3), '-3', 'our own numbers stay numbers');
});

test('the CSV has a header and one row per file, with hashes, size and settings', () => {
  const lines = manifestCsv(report).split('\r\n');
  assert.equal(lines[0], MANIFEST_COLUMNS.join(','));
  assert.equal(lines.length, 5, 'header, three rows, final line end');
  assert.ok(lines[1].includes('a'.repeat(64)) && lines[1].includes('b'.repeat(64)));
  assert.ok(lines[1].includes(',1234,'));
  assert.ok(lines[1].includes('0123456789abcdef') && lines[1].includes('0.1.2'));
  assert.ok(lines[1].includes('ledger-v2.xlsx (0.93)'));
  assert.ok(lines[2].endsWith(",'=PasswordException: No password given"), lines[2]);
  assert.ok(lines[3].startsWith(`"'=HYPERLINK(""x"").png"`), lines[3]);
});

test('the JSON lists the files not extracted with their reasons', () => {
  const json = manifestJson(report);
  assert.equal(json.engineVersion, '0.1.2');
  assert.equal(json.settingsFingerprint, '0123456789abcdef');
  assert.equal(json.files.length, 3);
  assert.deepEqual(
    json.notExtracted.map((f) => [f.path, f.status, f.code]),
    [
      ['locked.pdf', 'failed', 'ENCRYPTED'],
      ['=HYPERLINK("x").png', 'skipped', 'CANCELLED'],
    ],
  );
  assert.match(json.notExtracted[0].reason, /Password-protected/);
});

test('an export can show its own output paths', () => {
  const json = manifestJson(report, {
    outputPath: (f) => (f.output ? `text/${f.path}.md` : undefined),
  });
  assert.equal(json.files[0].output, 'text/ledger.xlsx.md');
  assert.equal(json.files[1].output, '');
});

test('--manifest FILE: by extension, or both added', () => {
  assert.deepEqual(manifestPaths('/r/audit'), { csv: '/r/audit.csv', json: '/r/audit.json' });
  assert.deepEqual(manifestPaths('/r/audit.csv'), { csv: '/r/audit.csv', json: '/r/audit.json' });
  assert.deepEqual(manifestPaths('/r/audit.JSON'), { csv: '/r/audit.csv', json: '/r/audit.json' });
  assert.deepEqual(manifestPaths('/r/a.b'), { csv: '/r/a.b.csv', json: '/r/a.b.json' });
});
