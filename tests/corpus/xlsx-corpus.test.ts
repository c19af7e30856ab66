// Every XLSX of the real corpus extracts (ok, or partial with a warning that says what is
// missing); Docling's Markdown is compared by word recall; the 5,000-row workbook goes through
// the streaming reader and is compared cell by cell with its human CSV.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Block } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { extractFile } from '../../src/workers/extractors/extract-file';
import { extractWorkbook } from '../../src/workers/extractors/xlsx/extract-xlsx';
import { realCorpusDir, realCorpusSkip } from '../support/paths';
import { wordRecall } from '../support/text-compare';

const ctx = { options: defaultExtractOptions };
const DEFAULT_FLOOR = 0.9;
/** Below the default floor for reasons the output reports or the GT's own conventions. */
const FLOORS: Record<string, { floor: number; why: string }> = {
  'docling__xlsx_01.xlsx': {
    floor: 0.6,
    why: 'GT adds chart titles and repeats merged-cell text; charts are not extracted',
  },
  'docling__xlsx_04_inflated.xlsx': { floor: 0.6, why: 'same workbook as xlsx_01' },
  'docling__xlsx_03_chartsheet.xlsx': {
    floor: 0.5,
    why: 'GT includes the chart sheet data; chart sheets are CONTENT_OMITTED',
  },
  'docling__xlsx_07_gap_tolerance_.xlsx': {
    floor: 0.75,
    why:
      'GT repeats merged-cell text in each covered cell; Folio writes it once. Its item numbers ' +
      'are formatted \\1\\.0#: Excel shows 1.01…1.14, the GT has the stored 1…14 (raw: see below)',
  },
  'docling__xlsx_comments.xlsx': {
    floor: 0.4,
    why: 'GT includes the cell comments; they are CONTENT_OMITTED',
  },
};

function workbookText(blocks: Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'sheet'
        ? b.name
        : b.type === 'table'
          ? b.rows.map((r) => r.join(' | ')).join('\n')
          : 'text' in b
            ? b.text
            : '',
    )
    .join('\n');
}

function manifestRows(): Array<{ file: string; type: string; groundTruth: string }> {
  return readFileSync(path.join(realCorpusDir, 'manifest.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => (cols[0] ?? '').endsWith('.xlsx'))
    .map((cols) => ({
      file: cols[0] as string,
      type: cols[1] as string,
      groundTruth: cols[7] ?? '',
    }));
}

test(
  'real XLSX corpus: every workbook extracts; text matches ground truth',
  { skip: realCorpusSkip },
  async () => {
    const rows = manifestRows().filter((r) => r.type === 'xlsx');
    assert.ok(rows.length >= 20, 'the manifest lists the corpus workbooks');
    const report: string[] = [];
    for (const { file, groundTruth } of rows) {
      const doc = await extractFile(path.join(realCorpusDir, file), ctx);
      assert.equal(doc.source.kind, 'xlsx', file);
      const lossy = doc.warnings.filter((w) => w.lossy);
      const status = lossy.length > 0 ? 'partial' : 'ok';
      const sheets = doc.blocks.filter((b) => b.type === 'sheet').length;
      assert.equal(sheets, doc.metadata.sheetNames?.length, `${file}: one sheet block per sheet`);
      const gtPath = path.join(realCorpusDir, groundTruth);
      if (groundTruth === '' || !existsSync(gtPath) || !groundTruth.endsWith('.md')) {
        report.push(`${file}\t${status}\t${sheets} sheets\t${doc.quality.textChars} chars`);
        continue;
      }
      const recall = wordRecall(readFileSync(gtPath, 'utf8'), workbookText(doc.blocks));
      const floor = FLOORS[file]?.floor ?? DEFAULT_FLOOR;
      report.push(`${file}\t${status}\trecall ${recall.toFixed(3)} (floor ${floor})`);
      assert.ok(recall >= floor, `${file}: word recall ${recall.toFixed(3)} < ${floor}`);
    }
    console.log(report.join('\n'));
  },
);

test(
  'excel.values raw gives back the stored values the Docling GT records (gap_tolerance item numbers)',
  { skip: realCorpusSkip },
  async () => {
    const file = 'docling__xlsx_07_gap_tolerance_.xlsx';
    const gt = readFileSync(path.join(realCorpusDir, 'groundtruth', `${file}.gt.md`), 'utf8');
    const raw = {
      options: { ...ctx.options, excel: { ...ctx.options.excel, values: 'raw' as const } },
    };
    const displayed = workbookText((await extractFile(path.join(realCorpusDir, file), ctx)).blocks);
    const stored = workbookText((await extractFile(path.join(realCorpusDir, file), raw)).blocks);
    assert.match(displayed, /\b1\.13\b/, 'displayed: 13 under \\1\\.0# is 1.13');
    assert.doesNotMatch(stored, /\b1\.13\b/);
    assert.ok(wordRecall(gt, stored) >= 0.8, `raw recall ${wordRecall(gt, stored).toFixed(3)}`);
  },
);

test(
  'spreadcompat large.xlsx is streamed and matches its CSV cell by cell',
  { skip: realCorpusSkip },
  async () => {
    const result = await extractWorkbook(path.join(realCorpusDir, 'spreadcompat__large.xlsx'), ctx);
    assert.equal(result.mode, 'streaming');
    const tables = result.blocks.filter((b) => b.type === 'table');
    assert.ok(tables.length > 1, 'a 5,000-row sheet is split into several table blocks');
    // Continuation blocks repeat a header row only when the sheet has one; this one has none.
    const rows = tables.flatMap((t) => (t.type === 'table' ? t.rows : []));
    const csv = readFileSync(
      path.join(realCorpusDir, 'groundtruth', 'spreadcompat__large.xlsx.gt.csv'),
      'utf8',
    )
      .split(/\r?\n/)
      .filter((line) => line !== '')
      .map((line) => line.split(','));
    assert.equal(rows.length, csv.length);
    let mismatches = 0;
    csv.forEach((expected, i) => {
      if (JSON.stringify(rows[i]) !== JSON.stringify(expected)) mismatches++;
    });
    console.log(
      `large.xlsx: ${csv.length} rows × ${csv[0]?.length} columns, ${mismatches} mismatching rows`,
    );
    assert.equal(mismatches, 0);
    // The same workbook through the full reader gives the same blocks.
    const full = await extractWorkbook(
      path.join(realCorpusDir, 'spreadcompat__large.xlsx'),
      ctx,
      'full',
    );
    assert.deepEqual(full.blocks, result.blocks);
  },
);

test(
  'issue_174 declares A1:XFD1048576 with 5 rows: the range is what it holds, in both readers',
  { skip: realCorpusSkip },
  async () => {
    const file = path.join(realCorpusDir, 'calamine__issue_174.xlsx');
    const chosen = await extractWorkbook(file, ctx);
    const full = await extractWorkbook(file, ctx, 'full');
    assert.equal(chosen.mode, 'streaming');
    assert.deepEqual(chosen.blocks, full.blocks);
    const sheet = chosen.blocks[0];
    assert.ok(sheet?.type === 'sheet');
    assert.equal(sheet.range, 'A1:K2');
    const table = chosen.blocks[1];
    assert.ok(table?.type === 'table');
    assert.deepEqual(table.rows[1]?.slice(0, 3), [
      '123',
      'Test Contact Name',
      'Test Contact Number',
    ]);
  },
);

test(
  'hostile and odd workbooks from the corpus end with a clear status',
  { skip: realCorpusSkip },
  async () => {
    let code: string | undefined;
    let message = '';
    try {
      await extractFile(path.join(realCorpusDir, 'calamine__pass_protected.xlsx'), ctx);
    } catch (error) {
      ({ code, message } = error as { code?: string; message: string });
    }
    assert.equal(code, 'ENCRYPTED');
    assert.match(message, /Password-protected/);

    const invalid = await extractWorkbook(
      path.join(realCorpusDir, 'exceljs__invalid-xml.xlsx'),
      ctx,
    );
    assert.equal(invalid.mode, 'tolerant');
    assert.ok(
      invalid.warnings.some((w) => w.code === 'CONVERSION_WARNING' && /tolerant/.test(w.message)),
    );
    assert.ok(invalid.quality.textChars > 0);

    const bogus = await extractWorkbook(
      path.join(realCorpusDir, 'exceljs__bogus-defined-name.xlsx'),
      ctx,
    );
    assert.notEqual(bogus.mode, 'tolerant');
    assert.ok(bogus.quality.textChars > 0);

    const missing = await extractFile(path.join(realCorpusDir, 'exceljs__missing-bits.xlsx'), ctx);
    assert.ok(
      missing.warnings.some(
        (w) => w.lossy && /shared-strings part that is missing/.test(w.message),
      ),
    );

    const hidden = await extractFile(path.join(realCorpusDir, 'exceljs__test-issue-877.xlsx'), ctx);
    assert.ok(hidden.blocks.some((b) => b.type === 'sheet' && b.hidden));
    assert.ok(hidden.warnings.some((w) => w.code === 'HIDDEN_SHEET' && !w.lossy));
  },
);
