// Mutation test: a dozen valid documents, truncated and byte-flipped at a few hundred seeded
// positions, run as ONE batch through the CLI. Whatever the parsers make of them, the batch must
// finish (no hang beyond the per-file timeout), the parent must not crash, no promise rejection may
// go unhandled, and every file must be in the report exactly once with a known outcome.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  flipBytes,
  makeDocx,
  makeScannedPdf,
  makeTextPdf,
  makeTextPng,
  makeXlsx,
  seededRandom,
  truncate,
} from '../support/hostile-inputs';
import { entriesByPath, isPlainMessage, runCliExtract, type CliRun } from './support/cli';

const TRUNCATIONS = 10;
const FLIP_COUNTS = [1, 2, 4, 8, 16];
const FLIP_SEEDS_PER_COUNT = 3;
/** Per-file no-progress timeout for this batch: mutated files are small, so 20 s is generous. */
const TIMEOUT_S = 20;

/** Codes a mutated file may legitimately end with. */
const EXPECTED_CODES = new Set([
  'CORRUPT',
  'UNSUPPORTED_TYPE',
  'EMPTY_FILE',
  'TOO_LARGE',
  'ENCRYPTED',
  'TIMEOUT',
  // lossy warnings on partial files
  'PAGE_FAILED',
  'OCR_SKIPPED',
  'CONTENT_OMITTED',
  'TRUNCATED',
  'CONVERSION_WARNING',
  // A flip that destroys a page's only text stream (or a tiny sheet's cells) leaves a document
  // with pages but no text: reported partial since issue 12, where it used to pass as ok.
  'EMPTY_OUTPUT',
]);

const work = mkdtempSync(path.join(tmpdir(), 'folio-mutation-'));
const input = path.join(work, 'in');
let run: CliRun;
const planned = new Set<string>();

async function validDocuments(): Promise<[string, Buffer][]> {
  const para = (n: number) =>
    `Paragraph ${n}: the auditor reviewed the supporting documents for the period and found no exceptions.`;
  return [
    ['text-1p.pdf', await makeTextPdf([para(1)])],
    ['text-3p.pdf', await makeTextPdf([para(1), para(2), para(3)])],
    ['text-long.pdf', await makeTextPdf([Array.from({ length: 30 }, (_, i) => para(i)).join(' ')])],
    ['scan.pdf', await makeScannedPdf([['Scanned statement', 'Balance 1,204.00']])],
    ['memo.docx', await makeDocx([para(1), para(2)])],
    ['minutes.docx', await makeDocx(Array.from({ length: 40 }, (_, i) => para(i)))],
    ['short.docx', await makeDocx(['Hello'])],
    [
      'ledger.xlsx',
      await makeXlsx({
        Ledger: [['Account', 'Amount'], ...Array.from({ length: 50 }, (_, i) => [`A${i}`, i * 10])],
      }),
    ],
    ['two-sheets.xlsx', await makeXlsx({ One: [['a', 1]], Two: [['b', 2]] })],
    ['tiny.xlsx', await makeXlsx({ S: [['x']] })],
    ['receipt.png', makeTextPng(['Receipt 2231', 'Total 18.40'])],
    ['photo.png', makeTextPng(['A'], { width: 200 })],
  ];
}

before(async () => {
  mkdirSync(input);
  const docs = await validDocuments();
  let seed = 1;
  for (const [name, data] of docs) {
    const [stem, ext] = [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.'))];
    const next = seededRandom(seed++ * 7919);
    for (let i = 0; i < TRUNCATIONS; i++) {
      const at = Math.max(1, Math.floor(next() * data.length));
      const rel = `${stem}.cut${at}${ext}`;
      writeFileSync(path.join(input, rel), truncate(data, at));
      planned.add(rel); // two seeds may pick the same offset: one file
    }
    for (const count of FLIP_COUNTS) {
      for (let s = 0; s < FLIP_SEEDS_PER_COUNT; s++) {
        const flipSeed = seed * 1000 + count * 10 + s;
        const rel = `${stem}.flip${count}x${s}${ext}`;
        writeFileSync(path.join(input, rel), flipBytes(data, flipSeed, count));
        planned.add(rel);
      }
    }
  }
  run = await runCliExtract(input, {
    out: path.join(work, 'out'),
    reportPath: path.join(work, 'report.json'),
    // OCR is off: this test is about parsers meeting damaged bytes, and OCR of 30 damaged images
    // would cost minutes without exercising any more parsing.
    args: ['--no-cache', '--no-ocr', '--timeout-s', String(TIMEOUT_S), '--quiet'],
    killAfterMs: 280_000,
  });
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the batch of ~300 mutated files completes and the parent survives', () => {
  assert.equal(run.signal, null, 'the CLI was killed: the batch hung');
  assert.equal(run.exitCode, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /Unhandled|unhandledRejection|uncaught/i);
});

test('every mutated file is in the report exactly once', () => {
  const entries = entriesByPath(run.report);
  assert.deepEqual([...entries.keys()].sort(), [...planned].sort());
});

test('every outcome is a known status and code with a plain message; no child crash', () => {
  const byOutcome = new Map<string, number>();
  const unexpected: string[] = [];
  for (const file of run.report.files) {
    const key = `${file.status} ${file.code ?? ''}`.trim();
    byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    const known =
      file.status === 'ok' ||
      (file.status === 'partial' && (file.code === undefined || EXPECTED_CODES.has(file.code))) ||
      (file.status === 'failed' &&
        EXPECTED_CODES.has(file.code ?? '') &&
        isPlainMessage(file.message));
    if (!known) unexpected.push(`${file.path}: ${key} ${file.message ?? ''}`);
  }
  console.log(
    `mutation outcomes (${run.report.files.length} files, ${(run.wallMs / 1000).toFixed(1)} s): ` +
      [...byOutcome].map(([k, n]) => `${k} ×${n}`).join(', '),
  );
  assert.deepEqual(unexpected, []);
});
