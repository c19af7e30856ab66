// Privacy: a full batch (born-digital PDF, scanned PDF and image through OCR, DOCX, XLSX) runs
// with every network entry point made to throw in the CLI, its child process and every pool
// thread, and still succeeds: proof that nothing phones home, not even tesseract.js looking for
// a model. The preload's own test (no-network-preload.test.ts) shows it would have caught it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  makeDocx,
  makeScannedPdf,
  makeTextPdf,
  makeTextPng,
  makeXlsx,
} from '../support/hostile-inputs';
import { wordRecall } from '../support/text-compare';
import { entriesByPath, runCliExtract, type CliRun } from './support/cli';
import { noNetworkEnv, readNetworkLog } from './support/network-log';

const work = mkdtempSync(path.join(tmpdir(), 'folio-privacy-'));
const input = path.join(work, 'in');
const netLog = path.join(work, 'net.log');
let run: CliRun;

const EXPECTED: Record<string, { text: string; ocr: boolean }> = {
  'statement.pdf': { text: 'Statement of account for the quarter ended March', ocr: false },
  'scanned-letter.pdf': { text: 'Please confirm the balance due as of June', ocr: true },
  'receipt.png': { text: 'Receipt number 5512 amount paid', ocr: true },
  'minutes.docx': { text: 'The board resolved to appoint the auditors', ocr: false },
  'ledger.xlsx': { text: 'Fabrikam outstanding invoice', ocr: false },
};

before(async () => {
  mkdirSync(input);
  const files: Record<string, Buffer> = {
    'statement.pdf': await makeTextPdf([EXPECTED['statement.pdf'].text]),
    'scanned-letter.pdf': await makeScannedPdf([[EXPECTED['scanned-letter.pdf'].text]]),
    'receipt.png': makeTextPng([EXPECTED['receipt.png'].text]),
    'minutes.docx': await makeDocx([EXPECTED['minutes.docx'].text]),
    'ledger.xlsx': await makeXlsx({ Ledger: [[EXPECTED['ledger.xlsx'].text, 990]] }),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(input, name), data);
  run = await runCliExtract(input, {
    out: path.join(work, 'out'),
    reportPath: path.join(work, 'report.json'),
    args: ['--no-cache'],
    env: noNetworkEnv(netLog),
    killAfterMs: 240_000,
  });
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the whole batch succeeds with the network made to throw', () => {
  assert.equal(run.exitCode, 0, run.stderr);
  const entries = entriesByPath(run.report);
  for (const [name, want] of Object.entries(EXPECTED)) {
    const entry = entries.get(name);
    assert.ok(entry, `${name} missing`);
    assert.equal(entry.status, 'ok', `${name}: ${entry.code} ${entry.message}`);
    if (want.ocr) assert.ok((entry.ocrPages ?? 0) > 0, `${name} should have been OCR'd`);
    const text = readFileSync(path.resolve(entry.output ?? ''), 'utf8');
    const recall = wordRecall(want.text, text);
    assert.ok(recall >= 0.85, `${name}: word recall ${recall.toFixed(2)}`);
  }
});

test('zero network attempts were recorded, and the guard was active in every process and thread', () => {
  const log = readNetworkLog(netLog);
  assert.deepEqual(
    log.attempts.map((a) => `${a.api}(${a.target}) in ${a.pid}/${a.threadId}`),
    [],
  );
  const pids = new Set(log.loaded.map((e) => e.pid));
  assert.ok(pids.size >= 2, `preload loaded in ${pids.size} process(es): CLI and child expected`);
  assert.ok(
    log.loaded.some((e) => e.threadId > 0),
    'preload loaded in no worker thread: OCR and parsing would be unguarded',
  );
});
