// Every class of hostile or broken input, end to end through the CLI in ONE batch (alongside a
// few good documents): each file must end with its specific status and code and a plain message,
// the batch must complete, nothing may touch the network, and nothing may be written outside the
// chosen output folder whatever the input names are.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FileReport, FileStatus } from '../../src/shared/report';
import {
  flipBytes,
  makeDocx,
  makeDocxWithExternalEntities,
  makeEncryptedOoxml,
  makeHugeDimensionPng,
  makeLegacyOle,
  makePdfDeepNesting,
  makePdfPageTreeCycle,
  makePdfWithJavaScript,
  makeTextPdf,
  makeTextPng,
  makeWholeGridXlsx,
  makeXlsx,
  makeZipBomb,
  randomBytes,
  truncate,
} from '../support/hostile-inputs';
import { textForCompare } from '../support/text-compare';
import { entriesByPath, isPlainMessage, runCliExtract, type CliRun } from './support/cli';
import { noNetworkEnv, readNetworkLog } from './support/network-log';

interface Expectation {
  /** Acceptable outcomes: each a status and (for failed/skipped) the codes that are right. */
  outcomes: { status: FileStatus; codes?: string[] }[];
  kind?: FileReport['kind'];
  /** Words the output must contain when the file was extracted. */
  text?: string;
  why: string;
}

const CORRUPT_OR_RECOVERED = (text: string, why: string): Expectation => ({
  // pdfjs rebuilds a missing xref table by scanning objects, so a PDF cut near its end may still
  // open: then its text must be there. Otherwise the only right answer is CORRUPT.
  outcomes: [{ status: 'failed', codes: ['CORRUPT'] }, { status: 'ok' }, { status: 'partial' }],
  text,
  why,
});

const work = mkdtempSync(path.join(tmpdir(), 'folio-hostile-'));
const input = path.join(work, 'in');
const out = path.join(work, 'out');
const outside = path.join(work, 'outside');
const reportPath = path.join(work, 'report.json');
const netLog = path.join(work, 'net.log');
const expectations = new Map<string, Expectation>();
let run: CliRun;
let entries: Map<string, FileReport>;
let before_: Set<string>;

const PDF_TEXT = 'Confirmation of balances held at the close of the financial year';
const DOCX_TEXT = 'Minutes of the audit committee meeting held on the third of March';
const XLSX_TEXT = 'Receivables ledger';

function add(rel: string | Buffer, data: Buffer, expectation: Expectation): void {
  const name = Buffer.isBuffer(rel) ? rel : Buffer.from(rel);
  writeFileSync(Buffer.concat([Buffer.from(input + '/'), name]), data);
  expectations.set(name.toString('utf8'), expectation);
}

/** Every path under `root` (not following links), relative, as byte-safe strings. */
function listTree(root: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: Buffer, rel: string) => {
    for (const name of readdirSync(dir, { encoding: 'buffer' })) {
      const abs = Buffer.concat([dir, Buffer.from('/'), name]);
      const childRel = rel ? `${rel}/${name.toString('latin1')}` : name.toString('latin1');
      found.add(childRel);
      if (lstatSync(abs).isDirectory()) walk(abs, childRel);
    }
  };
  walk(Buffer.from(root), '');
  return found;
}

before(async () => {
  mkdirSync(input);
  mkdirSync(outside);
  const pdf = await makeTextPdf([PDF_TEXT, 'Second page: cash and cash equivalents']);
  const docx = await makeDocx([DOCX_TEXT, 'The committee approved the engagement letter.']);
  const xlsx = await makeXlsx({
    [XLSX_TEXT]: [
      ['Customer', 'Balance'],
      ['Northwind', 1250],
    ],
  });

  // Good documents: the batch must still do its real job around the hostile ones.
  add('good.pdf', pdf, {
    outcomes: [{ status: 'ok' }],
    kind: 'pdf',
    text: PDF_TEXT,
    why: 'control',
  });
  add('good.docx', docx, {
    outcomes: [{ status: 'ok' }],
    kind: 'docx',
    text: DOCX_TEXT,
    why: 'control',
  });
  add('good.xlsx', xlsx, {
    outcomes: [{ status: 'ok' }],
    kind: 'xlsx',
    text: 'Northwind',
    why: 'control',
  });

  add('empty.pdf', Buffer.alloc(0), {
    outcomes: [{ status: 'failed', codes: ['EMPTY_FILE'] }],
    why: 'zero-byte file',
  });
  add('empty.docx', Buffer.alloc(0), {
    outcomes: [{ status: 'failed', codes: ['EMPTY_FILE'] }],
    why: 'zero-byte file',
  });

  // Truncated at several offsets: inside the header, in the middle, just before the end.
  add('truncated-12b.pdf', truncate(pdf, 12), {
    outcomes: [{ status: 'failed', codes: ['CORRUPT'] }],
    why: 'PDF cut inside its header',
  });
  add(
    'truncated-half.pdf',
    truncate(pdf, Math.floor(pdf.length / 2)),
    CORRUPT_OR_RECOVERED(PDF_TEXT, 'PDF cut in half'),
  );
  add(
    'truncated-tail.pdf',
    truncate(pdf, -40),
    CORRUPT_OR_RECOVERED(PDF_TEXT, 'PDF missing its trailer'),
  );
  for (const [label, data] of [
    ['docx', docx],
    ['xlsx', xlsx],
  ] as const) {
    add(`truncated-100b.${label}`, truncate(data, 100), {
      outcomes: [{ status: 'failed', codes: ['CORRUPT'] }],
      why: `${label} cut after its first local header`,
    });
    add(`truncated-half.${label}`, truncate(data, Math.floor(data.length / 2)), {
      outcomes: [{ status: 'failed', codes: ['CORRUPT'] }],
      why: `${label} cut in half (no central directory)`,
    });
    add(`truncated-tail.${label}`, truncate(data, -10), {
      outcomes: [{ status: 'failed', codes: ['CORRUPT'] }],
      why: `${label} missing the end of its central directory`,
    });
  }

  for (const [i, ext] of ['pdf', 'docx', 'xlsx', 'png'].entries()) {
    add(`random.${ext}`, randomBytes(100 + i, 4096), {
      outcomes: [{ status: 'failed', codes: ['UNSUPPORTED_TYPE'] }],
      why: 'random bytes with a document extension',
    });
  }

  // Extensions that lie: the content decides.
  add('really-a-png.pdf', makeTextPng(['Invoice number 4471 paid in full']), {
    outcomes: [{ status: 'ok' }],
    kind: 'image',
    text: 'Invoice number 4471 paid in full',
    why: 'PNG named .pdf is an image (OCR)',
  });
  add('really-a-docx.xlsx', docx, {
    outcomes: [{ status: 'ok' }],
    kind: 'docx',
    text: DOCX_TEXT,
    why: 'DOCX named .xlsx is a DOCX',
  });

  const secret = await makeTextPdf(['Bank confirmation for account ending 9921'], {
    userPassword: 'letmein',
  });
  add('encrypted-no-password.pdf', secret, {
    outcomes: [{ status: 'failed', codes: ['ENCRYPTED'] }],
    why: 'password-protected PDF, no password supplied',
  });
  add('encrypted-wrong-password.pdf', secret, {
    outcomes: [{ status: 'failed', codes: ['WRONG_PASSWORD'] }],
    why: 'password-protected PDF, wrong password supplied',
  });
  add('encrypted-right-password.pdf', secret, {
    outcomes: [{ status: 'ok' }],
    kind: 'pdf',
    text: 'Bank confirmation for account ending 9921',
    why: 'password-protected PDF, right password supplied',
  });
  add('encrypted-office.docx', makeEncryptedOoxml(1), {
    outcomes: [{ status: 'failed', codes: ['ENCRYPTED'] }],
    why: 'password-protected DOCX (OLE/CFB EncryptedPackage)',
  });
  add('encrypted-office.xlsx', makeEncryptedOoxml(2), {
    outcomes: [{ status: 'failed', codes: ['ENCRYPTED'] }],
    why: 'password-protected XLSX (OLE/CFB EncryptedPackage)',
  });
  add('legacy-binary.docx', makeLegacyOle(), {
    outcomes: [{ status: 'failed', codes: ['UNSUPPORTED_TYPE'] }],
    why: 'legacy .doc content (OLE, not encrypted) named .docx',
  });

  add('zip-bomb.docx', await makeZipBomb('docx'), {
    outcomes: [{ status: 'failed', codes: ['TOO_LARGE'] }],
    why: 'DOCX whose document.xml declares and inflates to 2 GiB',
  });
  add('zip-bomb.xlsx', await makeZipBomb('xlsx'), {
    outcomes: [{ status: 'failed', codes: ['TOO_LARGE'] }],
    why: 'XLSX whose sheet declares and inflates to 2 GiB',
  });
  // Headers claiming 1 KB: only counting inflated bytes can stop these.
  add('zip-bomb-lying.docx', await makeZipBomb('docx', { lie: true }), {
    outcomes: [{ status: 'failed', codes: ['TOO_LARGE', 'CORRUPT'] }],
    why: 'DOCX bomb whose headers lie about its size',
  });
  add('zip-bomb-lying.xlsx', await makeZipBomb('xlsx', { lie: true }), {
    outcomes: [{ status: 'failed', codes: ['TOO_LARGE', 'CORRUPT'] }],
    why: 'XLSX bomb whose headers lie about its size',
  });

  add('huge-dimensions.png', makeHugeDimensionPng(50_000, 50_000), {
    outcomes: [{ status: 'failed', codes: ['TOO_LARGE'] }],
    why: 'image declaring 50,000 × 50,000 pixels',
  });
  add('page-tree-cycle.pdf', makePdfPageTreeCycle(), {
    outcomes: [{ status: 'failed', codes: ['CORRUPT'] }],
    why: 'PDF whose page tree loops back on itself',
  });
  add('deep-nesting.pdf', makePdfDeepNesting(2000, 'Deep page text survives'), {
    // A reader may walk 2,000 levels (then the text is there) or refuse: never hang or crash.
    outcomes: [{ status: 'ok' }, { status: 'failed', codes: ['CORRUPT', 'TOO_LARGE'] }],
    text: 'Deep page text survives',
    why: 'PDF page under 2,000 nested page-tree nodes',
  });
  add(
    'whole-grid.xlsx',
    await makeWholeGridXlsx([
      ['Vendor', 'Amount'],
      ['Contoso', 'Forty'],
    ]),
    {
      outcomes: [{ status: 'ok' }],
      kind: 'xlsx',
      text: 'Contoso',
      why: 'sheet declaring A1:XFD1048576 with 2 rows',
    },
  );
  // A document that is valid except for flipped bytes in its body: never a crash.
  add('bit-rot.pdf', flipBytes(pdf, 99, 8), {
    // This seed flips a byte of the %PDF- signature, so "not a PDF" is also a right answer.
    outcomes: [
      { status: 'ok' },
      { status: 'partial' },
      { status: 'failed', codes: ['CORRUPT', 'UNSUPPORTED_TYPE'] },
    ],
    why: 'PDF with 8 flipped bytes',
  });

  // Active content: never resolved, never run (the network log proves no connection either).
  add('external-entities.docx', await makeDocxWithExternalEntities('Entity test paragraph'), {
    outcomes: [{ status: 'ok' }, { status: 'partial' }, { status: 'failed', codes: ['CORRUPT'] }],
    text: 'Entity test paragraph',
    why: 'DOCX declaring external entities (file:///etc/passwd, http://)',
  });
  add('javascript.pdf', makePdfWithJavaScript('Document with scripts'), {
    outcomes: [{ status: 'ok' }],
    kind: 'pdf',
    text: 'Document with scripts',
    why: 'PDF with OpenAction JavaScript and a URI link',
  });

  // Names: non-UTF-8 bytes, very long, backslashes and dots that look like traversal, newlines.
  add(Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('-latin1.pdf')]), pdf, {
    outcomes: [{ status: 'ok' }],
    kind: 'pdf',
    text: PDF_TEXT,
    why: 'file name that is not valid UTF-8',
  });
  add(`${'L'.repeat(245)}.pdf`, pdf, {
    outcomes: [{ status: 'ok' }],
    kind: 'pdf',
    text: PDF_TEXT,
    why: '250-byte file name (output name would exceed NAME_MAX with .md)',
  });
  add('x\\..\\..\\escape.docx', docx, {
    outcomes: [{ status: 'ok' }],
    kind: 'docx',
    text: DOCX_TEXT,
    why: 'backslash traversal-looking name',
  });
  add('dots...docx', docx, {
    outcomes: [{ status: 'ok' }],
    kind: 'docx',
    text: DOCX_TEXT,
    why: 'name ending in dots before the extension',
  });
  // Hidden files are accounted for like any other (only hidden folders are left out); this one's
  // name also looks like a path traversal, and its output must stay inside the output folder.
  add('..\\..\\hidden-escape.docx', docx, {
    outcomes: [{ status: 'ok' }],
    kind: 'docx',
    text: DOCX_TEXT,
    why: 'hidden file whose name looks like a path traversal',
  });
  add('new\nline.xlsx', xlsx, {
    outcomes: [{ status: 'ok' }],
    kind: 'xlsx',
    text: 'Northwind',
    why: 'newline in the file name',
  });

  // Links and special files.
  writeFileSync(
    path.join(outside, 'secret.pdf'),
    await makeTextPdf(['Outside secret do not read']),
  );
  symlinkSync(path.join(outside, 'secret.pdf'), path.join(input, 'link-outside.pdf'));
  expectations.set('link-outside.pdf', {
    outcomes: [{ status: 'skipped', codes: ['SYMLINK_OUTSIDE'] }],
    why: 'symlink leading outside the folder, not followed by default',
  });
  symlinkSync(outside, path.join(input, 'dir-link-outside'));
  expectations.set('dir-link-outside', {
    outcomes: [{ status: 'skipped', codes: ['SYMLINK_OUTSIDE'] }],
    why: 'directory symlink leading outside',
  });
  symlinkSync('loop-b.pdf', path.join(input, 'loop-a.pdf'));
  symlinkSync('loop-a.pdf', path.join(input, 'loop-b.pdf'));
  for (const name of ['loop-a.pdf', 'loop-b.pdf']) {
    expectations.set(name, {
      outcomes: [{ status: 'skipped', codes: ['SYMLINK_LOOP'] }],
      why: 'two symlinks pointing at each other',
    });
  }
  mkdirSync(path.join(input, 'sub'));
  writeFileSync(path.join(input, 'sub', 'nested.docx'), docx);
  expectations.set('sub/nested.docx', {
    outcomes: [{ status: 'ok' }],
    kind: 'docx',
    text: DOCX_TEXT,
    why: 'control in a sub-folder',
  });
  symlinkSync('..', path.join(input, 'sub', 'up'));
  expectations.set('sub/up', {
    outcomes: [{ status: 'skipped', codes: ['SYMLINK_LOOP'] }],
    why: 'directory symlink to its own parent',
  });
  symlinkSync(path.join(work, 'nowhere.pdf'), path.join(input, 'dangling.pdf'));
  expectations.set('dangling.pdf', {
    outcomes: [{ status: 'skipped', codes: ['UNREADABLE'] }],
    why: 'symlink whose target vanished',
  });
  execFileSync('mkfifo', [path.join(input, 'pipe.pdf')]);
  expectations.set('pipe.pdf', {
    outcomes: [{ status: 'skipped', codes: ['UNSUPPORTED_TYPE', 'UNREADABLE'] }],
    why: 'a FIFO named .pdf (opening it would block forever)',
  });

  writeFileSync(
    path.join(work, 'passwords.json'),
    JSON.stringify({
      'encrypted-wrong-password.pdf': 'not-the-password',
      'encrypted-right-password.pdf': 'letmein',
    }),
  );
  before_ = listTree(work);
  run = await runCliExtract(input, {
    out,
    reportPath,
    args: ['--no-cache', '--password-file', path.join(work, 'passwords.json')],
    env: noNetworkEnv(netLog),
    killAfterMs: 240_000,
  });
  entries = entriesByPath(run.report);
});

after(() => rmSync(work, { recursive: true, force: true }));

function outputText(entry: FileReport): string {
  assert.ok(entry.output, `${entry.path}: no output path`);
  return readFileSync(path.resolve(entry.output), 'utf8');
}

describe('hostile batch through the CLI', () => {
  test('the batch completes with exit code 0 and reports every file exactly once', () => {
    assert.equal(run.exitCode, 0, `exit ${run.exitCode} ${run.signal}\n${run.stderr}`);
    assert.doesNotMatch(run.stderr, /Unhandled|uncaught/i);
    const reported = [...entries.keys()].sort();
    const expected = [...expectations.keys()].sort();
    assert.deepEqual(
      reported.filter((p) => !expectations.has(p)),
      [],
      'reported files nobody expected',
    );
    assert.deepEqual(
      expected.filter((p) => !entries.has(p)),
      [],
      'files missing from the report',
    );
    assert.equal(run.report.totals.files, run.report.files.length);
  });

  test('each hostile file ends with its specific status, code and a plain message', async (t) => {
    const problems: string[] = [];
    for (const [rel, want] of expectations) {
      await t.test(`${JSON.stringify(rel).slice(0, 70)}: ${want.why}`, () => {
        const got = entries.get(rel);
        assert.ok(got, 'not in the report');
        const line = `${got.status} ${got.code ?? ''} ${got.kind} (${got.ms} ms) ${got.message ?? ''}`;
        const match = want.outcomes.some(
          (o) =>
            o.status === got.status && (o.codes === undefined || o.codes.includes(got.code ?? '')),
        );
        if (!match) problems.push(`${rel}: ${line}`);
        assert.ok(match, `got ${line}; want ${JSON.stringify(want.outcomes)}`);
        if (want.kind && got.status !== 'failed' && got.status !== 'skipped')
          assert.equal(got.kind, want.kind);
        if (got.status === 'failed' || got.status === 'skipped') {
          assert.ok(
            isPlainMessage(got.message),
            `not a plain message: ${JSON.stringify(got.message)}`,
          );
        }
        if (want.text && (got.status === 'ok' || got.status === 'partial')) {
          assert.ok(
            textForCompare(outputText(got))
              .toLowerCase()
              .includes(textForCompare(want.text).toLowerCase()),
            `output lacks "${want.text}"`,
          );
        }
      });
    }
    console.log(
      'hostile outcomes:\n' +
        [...expectations.keys()]
          .map((rel) => entries.get(rel))
          .filter((e): e is FileReport => e !== undefined)
          .map(
            (e) =>
              `  ${JSON.stringify(e.path).slice(0, 48).padEnd(48)} ${e.status.padEnd(7)} ${(e.code ?? '').padEnd(16)} ${e.message ?? ''}`,
          )
          .join('\n'),
    );
    if (problems.length > 0) console.log(`unexpected outcomes:\n  ${problems.join('\n  ')}`);
  });

  test('nothing leaves the machine: no network attempt in the CLI, its child or its threads', () => {
    const log = readNetworkLog(netLog);
    assert.deepEqual(log.attempts, []);
    const processes = new Set(log.loaded.map((e) => e.pid));
    assert.ok(processes.size >= 2, 'the preload should be active in the CLI and its child process');
    assert.ok(
      log.loaded.some((e) => e.threadId > 0),
      'the preload should be active in the pool threads',
    );
  });

  test('outputs are written only under the output folder', () => {
    const created = [...listTree(work)].filter((p) => !before_.has(p));
    const stray = created.filter(
      (p) => !p.startsWith('out/') && p !== 'out' && p !== 'report.json' && p !== 'net.log',
    );
    assert.deepEqual(stray, [], 'files created outside the output folder');
    const outReal = realpathSync(out);
    for (const entry of run.report.files) {
      if (!entry.output) continue;
      const real = realpathSync(path.resolve(entry.output));
      assert.ok(real.startsWith(outReal + path.sep), `${entry.path} → ${real}`);
    }
    // The link to an outside file was not followed, so its text appears in no output.
    for (const entry of run.report.files) {
      if (entry.output && existsSync(entry.output))
        assert.doesNotMatch(readFileSync(entry.output, 'utf8'), /Outside secret/);
    }
  });

  test('a sheet declaring the whole grid is trimmed to the cells it holds', () => {
    const entry = entries.get('whole-grid.xlsx');
    assert.ok(entry?.output);
    const text = readFileSync(path.resolve(entry.output), 'utf8');
    assert.doesNotMatch(text, /XFD1048576/);
    assert.match(text, /A1:B2\b/);
  });

  test('external entities are not resolved: no local file content in any output', () => {
    for (const entry of run.report.files) {
      if (entry.output && existsSync(entry.output))
        assert.doesNotMatch(readFileSync(entry.output, 'utf8'), /root:x?:0:0|folio-xxe/);
    }
  });

  test('a zip bomb is refused without inflating it (no timeout, no worker crash)', () => {
    for (const name of [
      'zip-bomb.docx',
      'zip-bomb.xlsx',
      'zip-bomb-lying.docx',
      'zip-bomb-lying.xlsx',
    ]) {
      const entry = entries.get(name);
      assert.ok(
        entry && !['TIMEOUT', 'WORKER_CRASH', 'OUT_OF_MEMORY'].includes(entry.code ?? ''),
        name,
      );
    }
  });
});
