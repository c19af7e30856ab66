// The whole real-document corpus (../shared/corpus/real, 122 documents from public projects)
// through the built CLI in ONE run, reused by every assertion below:
// - every document appears in the report exactly once;
// - the manifest's type is extracted ok (or partial with a warning saying what is missing), bad
//   files fail with their specific code, encrypted PDFs open with their listed passwords;
// - where ground truth exists, the text matches by content: word recall (order-insensitive) is
//   asserted per kind and CER is printed per file.
// Skips cleanly when the corpus is absent (a user's machine).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FileReport } from '../../src/shared/report';
import { realCorpusDir, realCorpusSkip } from '../support/paths';
import { characterErrorRate, textForCompare, wordRecall } from '../support/text-compare';
import { entriesByPath, isPlainMessage, runCliExtract, type CliRun } from './support/cli';

interface ManifestRow {
  file: string;
  type: string;
  groundTruth?: string;
  notes: string;
}

function readManifest(): ManifestRow[] {
  const [header, ...lines] = readFileSync(path.join(realCorpusDir, 'manifest.tsv'), 'utf8')
    .trim()
    .split('\n');
  const cols = header.split('\t');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split('\t');
    return {
      file: f[at('file')],
      type: f[at('type')],
      groundTruth: f[at('ground_truth')] || undefined,
      notes: f[at('notes')] ?? '',
    };
  });
}

/** Passwords listed in the corpus's SOURCES.md ("Known passwords"). */
const PASSWORDS: Record<string, string> = {
  'docling__2206.01062_pg3.pdf': '1234',
  'pdfplumber__password-example.pdf': 'test',
  'pypdf-samples__libreoffice-writer-password.pdf': 'openpassword',
};

/** Ground truth that holds a note rather than the document's text (see SOURCES.md). */
const NOT_CONTENT = new Set(['docling__2206.01062_pg3.pdf']);

/**
 * Minimum word recall (share of ground-truth words found, order-insensitive) per manifest type,
 * and the relaxed minimum when the file carries a warning that names omitted content.
 * Why these numbers (measured on this corpus):
 * - pdf-text: the ground truth is Docling's Markdown or pdfplumber's text, with their own reading
 *   order and segmentation; Latin-script born-digital pages reach 0.97–1.0, but the Korean page
 *   (word splitting) and the Arabic pages (the ground truth itself is garbled) reach 0.79–0.83.
 *   0.75 catches lost pages or columns without failing on the other tool's formatting.
 * - pdf-scanned / image: Docling's tesseract output for its OCR test pages and the human
 *   transcriptions of tesseract's test images; clean English scans reach 0.92–1.0. 0.85 leaves
 *   room for eurotext's accented words while catching a wrong rotation (near 0).
 * - docx: Docling renders heading numbers and checkbox glyphs that Word stores as numbering
 *   definitions; plain paragraphs and tables reach 0.82–1.0. 0.7 catches lost tables or text
 *   boxes. With a CONTENT_OMITTED warning (charts, equations), what is missing is said: 0.2.
 * - xlsx: Docling splits sheets into tables and repeats merged values; 0.8 when nothing is
 *   omitted, 0.4 when a warning names what is not included (comments, charts, merged cells).
 */
const MIN_RECALL: Record<string, { plain: number; withOmission: number }> = {
  'pdf-text': { plain: 0.75, withOmission: 0.75 },
  'pdf-scanned': { plain: 0.85, withOmission: 0.85 },
  image: { plain: 0.85, withOmission: 0.85 },
  docx: { plain: 0.7, withOmission: 0.2 },
  xlsx: { plain: 0.8, withOmission: 0.4 },
  encrypted: { plain: 0.75, withOmission: 0.75 },
};
const OMISSION_WARNINGS = new Set([
  'CONTENT_OMITTED',
  'MERGED_CELLS',
  'OCR_SKIPPED',
  'PAGE_FAILED',
]);

/** Diagnosed engine defects: reported as todo (visible, not hiding other failures) until fixed. */
const KNOWN_DEFECTS: Record<string, string> = {
  // none open (docling__nemotron_multipage.pdf, whose identical pages once made running-header
  // detection empty the body, is fixed and asserted like the others)
};

/**
 * Files that were `ok` before issue 12 ("OCR that a reviewer can trust") and are now `partial`
 * with the new rule's code, and why. Every other file's status is unchanged by it.
 */
const PARTIAL_SINCE_ISSUE_12: Record<string, { code: string; page?: number; why: string }> = {
  'pdfplumber__malformed-from-issue-932.pdf': {
    code: 'OCR_LOW_CONFIDENCE',
    page: 1,
    why: 'its one scanned page reads at about 25% confidence, far below the 80% floor',
  },
  'pypdf-samples__grayscale-image.pdf': {
    code: 'EMPTY_OUTPUT',
    why: 'a page that is only a picture: no text at all comes out of it',
  },
  'pdfplumber__issue-297-example.pdf': {
    code: 'EMPTY_OUTPUT',
    why: 'a degenerate page with neither text nor images: the output is empty',
  },
  'exceljs__images.xlsx': {
    code: 'EMPTY_OUTPUT',
    why: 'a sheet holding only pictures (not included, CONTENT_OMITTED): no cell text',
  },
};

/**
 * The per-file no-progress timeout for this run. The product default is 60 s; one OCR page of a
 * 300-dpi UNLV scan makes no intermediate progress and took over 60 s on a shared 2-core machine
 * (load 15+), so the corpus run allows 180 s: this test is about what is extracted, not speed.
 */
const TIMEOUT_S = 180;

const rows = realCorpusSkip ? [] : readManifest();
const work = mkdtempSync(path.join(tmpdir(), 'folio-corpus-'));
let run: CliRun;
let entries: Map<string, FileReport>;

function outputOf(entry: FileReport): string {
  return entry.output ? readFileSync(path.resolve(entry.output), 'utf8') : '';
}

function hasOmissionWarning(entry: FileReport): boolean {
  return (entry.warnings ?? []).some((w) => OMISSION_WARNINGS.has(w.code));
}

describe('real-document corpus through the CLI', { skip: realCorpusSkip }, () => {
  before(async () => {
    const passwords = path.join(work, 'passwords.json');
    writeFileSync(passwords, JSON.stringify(PASSWORDS));
    run = await runCliExtract(realCorpusDir, {
      out: path.join(work, 'out'),
      reportPath: path.join(work, 'report.json'),
      args: [
        '--no-cache',
        '--quiet',
        '--password-file',
        passwords,
        '--timeout-s',
        String(TIMEOUT_S),
        '--exclude',
        'groundtruth/**',
      ],
      killAfterMs: 30 * 60_000,
    });
    entries = entriesByPath(run.report);
    console.log(
      `corpus run: ${run.report.files.length} entries in ${(run.wallMs / 1000).toFixed(0)} s, ` +
        `peak RSS ${run.report.totals.peakRssMb} MB`,
    );
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  test('the batch ran and every manifest document is reported exactly once', () => {
    assert.equal(run.exitCode, 0, run.stderr);
    const missing = rows.filter((r) => !entries.has(r.file)).map((r) => r.file);
    assert.deepEqual(missing, []);
    // Besides the documents, only the corpus's own notes may appear, as unsupported.
    const extra = [...entries.values()].filter((e) => !rows.some((r) => r.file === e.path));
    for (const e of extra) {
      assert.ok(['SOURCES.md', 'manifest.tsv'].includes(e.path), `unexpected entry ${e.path}`);
      assert.equal(`${e.status} ${e.code}`, 'skipped UNSUPPORTED_TYPE');
    }
  });

  test('each document ends as its type says', async (t) => {
    const tally = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const entry = entries.get(row.file);
      if (!entry) continue;
      const counts = tally.get(row.type) ?? {};
      counts[entry.status] = (counts[entry.status] ?? 0) + 1;
      tally.set(row.type, counts);
      await t.test(`${row.type}: ${row.file}`, () => {
        const got = `${entry.status} ${entry.code ?? ''} ${entry.message ?? ''}`.trim();
        switch (row.type) {
          case 'empty':
            assert.equal(entry.code, 'EMPTY_FILE', got);
            break;
          case 'corrupt':
            assert.equal(entry.code, 'CORRUPT', got);
            break;
          case 'encrypted':
            if (PASSWORDS[row.file]) {
              assert.equal(entry.status, 'ok', `listed password should open it: ${got}`);
              assert.ok((entry.chars ?? 0) > 100, `only ${entry.chars} characters`);
            } else {
              assert.equal(entry.code, 'ENCRYPTED', got);
            }
            break;
          default:
            assert.ok(entry.status === 'ok' || entry.status === 'partial', got);
            if (entry.status === 'partial') {
              const lossy = (entry.warnings ?? []).filter((w) => isPlainMessage(w.message));
              assert.ok(
                lossy.length > 0,
                `partial without a warning saying what is missing: ${got}`,
              );
            }
        }
        if (entry.status === 'failed') assert.ok(isPlainMessage(entry.message), got);
      });
    }
    console.log(
      'per type (ok/partial/failed/skipped):\n' +
        [...tally]
          .map(
            ([type, c]) =>
              `  ${type.padEnd(12)} ${c.ok ?? 0}/${c.partial ?? 0}/${c.failed ?? 0}/${c.skipped ?? 0}`,
          )
          .join('\n'),
    );
  });

  test('pages read below the OCR floor and empty outputs are partial, never ok (issue 12)', async (t) => {
    for (const [file, expected] of Object.entries(PARTIAL_SINCE_ISSUE_12)) {
      await t.test(`${file}: ${expected.why}`, () => {
        const entry = entries.get(file);
        assert.ok(entry, `${file} not reported`);
        assert.equal(`${entry.status} ${entry.code}`, `partial ${expected.code}`, entry.message);
        const warning = entry.warnings?.find((w) => w.code === expected.code);
        assert.ok(warning && isPlainMessage(warning.message), JSON.stringify(entry.warnings));
        assert.equal(warning.page, expected.page);
      });
    }
  });

  test('extracted text matches the ground truth by content', async (t) => {
    const figures: { type: string; recall: number; cer?: number }[] = [];
    for (const row of rows) {
      if (!row.groundTruth || NOT_CONTENT.has(row.file)) continue;
      const entry = entries.get(row.file);
      if (!entry) continue;
      const defect = KNOWN_DEFECTS[row.file];
      await t.test(`${row.type}: ${row.file}`, defect ? { todo: defect } : {}, () => {
        const expected = readFileSync(path.join(realCorpusDir, row.groundTruth as string), 'utf8');
        const actual = entry.status === 'ok' || entry.status === 'partial' ? outputOf(entry) : '';
        const recall = wordRecall(expected, actual);
        // Edit distance on the 5,000-row sheet (170k characters) would take minutes: recall only.
        const long = textForCompare(expected).length > 60_000;
        const cer = long ? undefined : characterErrorRate(expected, actual);
        figures.push({ type: row.type, recall, cer });
        const omission = hasOmissionWarning(entry);
        const limits = MIN_RECALL[row.type] ?? { plain: 0.75, withOmission: 0.75 };
        const min = omission ? limits.withOmission : limits.plain;
        console.log(
          `  ${row.type.padEnd(11)} recall ${(recall * 100).toFixed(1).padStart(5)}%  CER ${
            cer === undefined ? '  n/a' : `${(cer * 100).toFixed(1).padStart(5)}%`
          }  min ${min}${omission ? ' (omission warned)' : ''}  ${row.file}`,
        );
        assert.ok(
          recall >= min,
          `word recall ${recall.toFixed(3)} < ${min} (${entry.status} ${entry.code ?? ''})`,
        );
      });
    }
    const byType = new Map<string, typeof figures>();
    for (const f of figures) byType.set(f.type, [...(byType.get(f.type) ?? []), f]);
    console.log(
      'text match per type (files, mean word recall, mean CER):\n' +
        [...byType]
          .map(([type, fs]) => {
            const withCer = fs.filter((f) => f.cer !== undefined);
            const meanCer =
              withCer.reduce((s, f) => s + (f.cer ?? 0), 0) / Math.max(1, withCer.length);
            const meanRecall = fs.reduce((s, f) => s + f.recall, 0) / fs.length;
            return `  ${type.padEnd(12)} ${fs.length}  ${(meanRecall * 100).toFixed(1)}%  ${(meanCer * 100).toFixed(1)}%`;
          })
          .join('\n'),
    );
  });
});
