// Files that change under the batch after it planned them: deleted, replaced by a folder, by a
// FIFO (an open() on it blocks forever), or emptied. The CLI offers no hook between planning and
// extraction, so this drives the same engine the CLI uses (ChildProcessRunner → dist/child.mjs →
// pool) and changes the files from the `planned` event. One worker and big files first (the
// scheduler starts the biggest work first) make the small victims start after the change.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { defaultBatchOptions, defaultExtractOptions } from '../../src/shared/options';
import type { RunReport } from '../../src/shared/report';
import { ChildProcessRunner } from '../../src/runner/child-process-runner';
import { makeDocx, makeTextPdf } from '../support/hostile-inputs';
import { childPath, entriesByPath, isPlainMessage, requireBuiltCli } from './support/cli';

const work = mkdtempSync(path.join(tmpdir(), 'folio-vanish-'));
const TIMEOUT_S = 8;

/** Runs one batch through the engine, calling `change` when the child has planned it. */
async function runChanged(input: string, change: () => void): Promise<RunReport> {
  const runner = new ChildProcessRunner({ childScript: childPath });
  try {
    return await runner.run(
      {
        input,
        batch: {
          ...defaultBatchOptions,
          workers: 1,
          cache: false,
          outDir: path.join(input, '..', path.basename(input) + '-out'),
          fileTimeoutSeconds: TIMEOUT_S,
        },
        extract: {
          ...defaultExtractOptions,
          ocr: { ...defaultExtractOptions.ocr, enabled: false },
        },
      },
      { onPlanned: change },
    );
  } finally {
    await runner.dispose();
  }
}

let changed: RunReport;
let changedAt = 0;
let fifo: RunReport;
/** Set when the FIFO batch only finished because the test opened the FIFO's write end. */
let fifoRescued = false;

before(async () => {
  requireBuiltCli();
  const small = await makeDocx(['A short memo.']);
  const long = Array.from({ length: 40 }, (_, i) => `Page ${i + 1} of the general ledger detail.`);

  const input = path.join(work, 'in');
  mkdirSync(input);
  for (const name of ['big-1.pdf', 'big-2.pdf']) {
    writeFileSync(path.join(input, name), await makeTextPdf(long));
  }
  for (const name of ['vanishes.docx', 'becomes-folder.docx', 'emptied.docx', 'stays.docx']) {
    writeFileSync(path.join(input, name), small);
  }
  changed = await runChanged(input, () => {
    changedAt = Date.now();
    unlinkSync(path.join(input, 'vanishes.docx'));
    unlinkSync(path.join(input, 'becomes-folder.docx'));
    mkdirSync(path.join(input, 'becomes-folder.docx'));
    truncateSync(path.join(input, 'emptied.docx'), 0);
  });

  // A file replaced by a FIFO after planning: an open() for reading blocks until a writer
  // appears. If the batch is still running after the deadline, the test opens the write end so
  // the blocked reader sees end-of-file and the batch can end; that counts as a failure (the
  // engine used to hang here until it hashed through a non-blocking regular-file-only reader).
  const fifoInput = path.join(work, 'fifo-in');
  mkdirSync(fifoInput);
  writeFileSync(path.join(fifoInput, 'becomes-fifo.docx'), small);
  writeFileSync(path.join(fifoInput, 'stays.docx'), small);
  const fifoPath = path.join(fifoInput, 'becomes-fifo.docx');
  let rescue: NodeJS.Timeout | undefined;
  fifo = await runChanged(fifoInput, () => {
    unlinkSync(fifoPath);
    execFileSync('mkfifo', [fifoPath]);
    rescue = setTimeout(
      () => {
        fifoRescued = true;
        try {
          closeSync(openSync(fifoPath, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // No reader blocked on it after all.
        }
      },
      (TIMEOUT_S + 12) * 1000,
    );
  });
  clearTimeout(rescue);
});

after(() => rmSync(work, { recursive: true, force: true }));

function outcome(report: RunReport, name: string): string {
  const e = entriesByPath(report).get(name);
  console.log(
    `  ${name.padEnd(22)} ${`${e?.status} ${e?.code ?? ''}`.padEnd(20)} ${e?.message ?? ''}`,
  );
  return `${e?.status} ${e?.code ?? ''}`.trim();
}

test('the files were changed before they were extracted (the test set-up holds)', () => {
  assert.ok(changedAt > 0, 'the planned event never came');
  const bigs = changed.files.filter((f) => f.path.startsWith('big-'));
  assert.ok(bigs.length === 2 && bigs.every((f) => f.status === 'ok'), JSON.stringify(bigs));
});

test('a file deleted, replaced by a folder or emptied after planning gets its specific code', () => {
  assert.deepEqual([...entriesByPath(changed).keys()].sort(), [
    'becomes-folder.docx',
    'big-1.pdf',
    'big-2.pdf',
    'emptied.docx',
    'stays.docx',
    'vanishes.docx',
  ]);
  assert.equal(outcome(changed, 'stays.docx'), 'ok');
  assert.equal(outcome(changed, 'vanishes.docx'), 'failed UNREADABLE');
  assert.equal(outcome(changed, 'becomes-folder.docx'), 'failed UNREADABLE');
  assert.equal(outcome(changed, 'emptied.docx'), 'failed EMPTY_FILE');
  for (const name of ['vanishes.docx', 'becomes-folder.docx', 'emptied.docx']) {
    const message = entriesByPath(changed).get(name)?.message;
    assert.ok(isPlainMessage(message), `${name}: ${message}`);
  }
});

test('a file replaced by a FIFO after planning ends UNREADABLE or TIMEOUT without hanging the batch', () => {
  assert.equal(outcome(fifo, 'stays.docx'), 'ok');
  assert.equal(
    fifoRescued,
    false,
    'the batch hung on the FIFO until the test opened its write end',
  );
  assert.match(outcome(fifo, 'becomes-fifo.docx'), /^failed (UNREADABLE|TIMEOUT)$/);
});
