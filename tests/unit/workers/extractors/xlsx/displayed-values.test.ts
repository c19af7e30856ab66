// What the reviewer sees in Excel, end to end through each reader: cells by their number format,
// the stored value and formula kept beside them, the raw setting, the 1904 date system, hidden
// rows and columns labelled, and the real header row under a title.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Block } from '../../../../../src/shared/model';
import { defaultExtractOptions, type ExtractOptions } from '../../../../../src/shared/options';
import { columnLetters } from '../../../../../src/shared/a1';
import type { CellReading } from '../../../../../src/workers/extractors/xlsx/cell-text';
import { extractWorkbook } from '../../../../../src/workers/extractors/xlsx/extract-xlsx';
import { readFull, readStreaming } from '../../../../../src/workers/extractors/xlsx/read-exceljs';
import { readTolerant } from '../../../../../src/workers/extractors/xlsx/read-tolerant';
import type { SheetRowSink } from '../../../../../src/workers/extractors/xlsx/sheet-sink';
import { readStyleFormats } from '../../../../../src/workers/extractors/xlsx/style-formats';
import { readWorkbookStructure } from '../../../../../src/workers/extractors/xlsx/workbook-parts';
import { openOfficePackage } from '../../../../../src/workers/zip/open-office-package';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-xlsx-values-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { options: defaultExtractOptions };
const rawCtx = {
  options: {
    ...defaultExtractOptions,
    excel: { ...defaultExtractOptions.excel, values: 'raw' },
  } satisfies ExtractOptions,
};
const ledgerFile = path.join(dir, 'ledger.xlsx');
const file1904 = path.join(dir, 'mac-1904.xlsx');

const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

before(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ledger');
  ws.getCell('A1').value = 'Purchase ledger FY2024';
  ws.mergeCells('A1:F1');
  ws.getRow(3).values = ['Date', 'Reference', 'Net', 'VAT rate', 'Gross', 'Internal'];
  const entries: Array<[Date, string, number, number, string]> = [
    [new Date(Date.UTC(2024, 2, 15)), 'INV-1', 21564.8, 0.2, 'checked'],
    [new Date(Date.UTC(2024, 11, 1)), 'INV-2', -1234, 0.05, 'credit note'],
    [new Date(Date.UTC(2024, 5, 30)), 'INV-3', 1000000, 0, 'hidden entry'],
  ];
  entries.forEach(([date, ref, net, rate, note], i) => {
    const r = 4 + i;
    const row = ws.getRow(r);
    row.values = [
      date,
      ref,
      net,
      rate,
      { formula: `C${r}*(1+D${r})`, result: net * (1 + rate) },
      note,
    ];
  });
  ws.getColumn(1).numFmt = 'dd/mm/yyyy';
  ws.getColumn(3).numFmt = '#,##0.00';
  ws.getColumn(4).numFmt = '0.0%';
  ws.getColumn(5).numFmt = '#,##0.00;[Red](#,##0.00)';
  ws.getColumn(6).hidden = true;
  ws.getRow(6).hidden = true;
  const formats = wb.addWorksheet('Formats');
  formats.getRow(1).values = ['Kind', 'Value'];
  const cases: Array<[string, unknown, string]> = [
    ['euro', 1234.5, '[$€-407] #,##0.00'],
    ['built-in 14', new Date(Date.UTC(2024, 1, 29)), 'mm-dd-yy'],
    ['time', 0.75, 'h:mm'],
    ['text @', 42, '@'],
    ['fraction', 1.25, '# ?/?'],
    ['scientific', 12345.678, '0.00E+00'],
    ['escaped', 13, '\\1\\.0#'],
    ['general', 0.1 + 0.2, 'General'],
    ['flag', true, 'General'],
  ];
  cases.forEach(([kind, value, numFmt], i) => {
    formats.getRow(i + 2).values = [kind, value as ExcelJS.CellValue];
    formats.getCell(`B${i + 2}`).numFmt = numFmt;
  });
  await wb.xlsx.writeFile(ledgerFile);

  const mac = new ExcelJS.Workbook();
  mac.properties.date1904 = true;
  const sheet = mac.addWorksheet('Dates');
  sheet.getRow(1).values = ['Event', 'On'];
  sheet.getRow(2).values = ['Audit', new Date(Date.UTC(2024, 1, 29))];
  sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
  await mac.xlsx.writeFile(file1904);
});

const tables = (blocks: Block[], sheet: string) =>
  blocks.flatMap((b) => (b.type === 'table' && b.prov.sheet === sheet ? [b] : []));

test('amounts keep their decimals and separators, percentages, negatives in parentheses, dates in their format', async () => {
  const result = await extractWorkbook(ledgerFile, ctx, 'full');
  const [ledger] = tables(result.blocks, 'Ledger');
  assert.ok(ledger);
  assert.deepEqual(ledger.rows, [
    ['Date', 'Reference', 'Net', 'VAT rate', 'Gross', 'Internal'],
    ['15/03/2024', 'INV-1', '21,564.80', '20.0%', '25,877.76', 'checked'],
    ['01/12/2024', 'INV-2', '-1,234.00', '5.0%', '(1,295.70)', 'credit note'],
    ['30/06/2024', 'INV-3', '1,000,000.00', '0.0%', '1,000,000.00', 'hidden entry'],
  ]);
  const [formats] = tables(result.blocks, 'Formats');
  assert.deepEqual(formats?.rows.slice(1), [
    ['euro', '€ 1,234.50'],
    ['built-in 14', '2024-02-29'],
    ['time', '18:00'],
    ['text @', '42'],
    ['fraction', '1 1/4'],
    ['scientific', '1.23E+04'],
    ['escaped', '1.13'],
    ['general', '0.3'],
    ['flag', 'TRUE'],
  ]);
});

test('the JSON keeps each stored value and formula beside the text shown', async () => {
  const result = await extractWorkbook(ledgerFile, ctx, 'full');
  const [ledger] = tables(result.blocks, 'Ledger');
  const values = ledger?.cellValues;
  assert.ok(values);
  assert.deepEqual(
    values[0],
    [null, null, null, null, null, null],
    'a header of texts adds nothing',
  );
  assert.deepEqual(values[1], [
    { raw: serial(2024, 3, 15) },
    null,
    { raw: 21564.8 },
    { raw: 0.2 },
    { raw: 21564.8 * 1.2, formula: 'C4*(1+D4)' },
    null,
  ]);
  const [formats] = tables(result.blocks, 'Formats');
  assert.deepEqual(formats?.cellValues?.[9], [null, { raw: true }]);
});

test('the title above the header is a paragraph; the real header row heads the table', async () => {
  const result = await extractWorkbook(ledgerFile, ctx, 'full');
  const ledgerBlocks = result.blocks.filter((b) => b.prov.sheet === 'Ledger');
  assert.deepEqual(
    ledgerBlocks.map((b) => [b.type, b.prov.range]),
    [
      ['sheet', 'A1:F6'],
      ['paragraph', 'A1'],
      ['table', 'A3:F6'],
    ],
  );
  const title = ledgerBlocks[1];
  assert.ok(title?.type === 'paragraph' && title.text === 'Purchase ledger FY2024');
  const table = ledgerBlocks[2];
  assert.ok(table?.type === 'table' && table.header && table.headerRows === 1);
});

test('hidden rows and columns are included, listed on the block and in a warning', async () => {
  const result = await extractWorkbook(ledgerFile, ctx, 'full');
  const [ledger] = tables(result.blocks, 'Ledger');
  assert.deepEqual(ledger?.hiddenRows, [3], 'sheet row 6 is the table’s fourth row');
  assert.deepEqual(ledger?.hiddenColumns, [5]);
  const warning = result.warnings.find((w) => w.code === 'HIDDEN_CELLS');
  assert.equal(warning?.sheet, 'Ledger');
  assert.equal(warning?.lossy, false);
  assert.match(warning?.message ?? '', /hidden row 6 and column F/);
  assert.equal(tables(result.blocks, 'Formats')[0]?.hiddenRows, undefined);
});

test('the streaming reader gives the same blocks and warnings as the full one', async () => {
  const full = await extractWorkbook(ledgerFile, ctx, 'full');
  const streamed = await extractWorkbook(ledgerFile, ctx, 'streaming');
  assert.deepEqual(streamed.blocks, full.blocks);
  assert.deepEqual(streamed.warnings, full.warnings);
});

/** Every cell each reader hands its sink, by sheet and address. */
async function readings(
  read: (sink: SheetRowSink) => Promise<unknown>,
): Promise<Map<string, CellReading>> {
  const seen = new Map<string, CellReading>();
  await read({
    accepts: () => true,
    errorText: () => undefined,
    row: (ref, row, cells) => {
      for (const [column, reading] of cells)
        seen.set(`${ref.name ?? ref.path}!${columnLetters(column)}${row}`, reading);
    },
  });
  return seen;
}

test('the tolerant reader reads the same text, value and formula as exceljs', async () => {
  const pkg = await openOfficePackage(ledgerFile, 'xlsx', defaultExtractOptions.limits);
  try {
    const { sheets, date1904 } = await readWorkbookStructure(pkg);
    const { asWritten } = await readStyleFormats(pkg);
    const settings = { date1904, values: 'displayed' as const, formatsAsWritten: asWritten };
    const full = await readings((sink) => readFull(ledgerFile, settings, sink, ctx));
    const streamed = await readings((sink) => readStreaming(ledgerFile, settings, sink, ctx));
    const tolerant = await readings((sink) => readTolerant(pkg, sheets, date1904, sink, ctx));
    // The merged title's covered cells are exceljs-only (empty) entries: compare cells with text.
    const withText = (m: Map<string, CellReading>) =>
      new Map([...m].filter(([, r]) => r.text !== ''));
    assert.ok(withText(full).size >= 30);
    assert.deepEqual(withText(tolerant), withText(full));
    assert.deepEqual(withText(streamed), withText(full));
  } finally {
    pkg.close();
  }
});

test('excel.values raw: the stored numbers, dates as ISO; formulas kept the same', async () => {
  const result = await extractWorkbook(ledgerFile, rawCtx, 'full');
  const [ledger] = tables(result.blocks, 'Ledger');
  assert.deepEqual(ledger?.rows[2], [
    '2024-12-01',
    'INV-2',
    '-1234',
    '0.05',
    '-1295.7',
    'credit note',
  ]);
  assert.deepEqual(ledger?.cellValues?.[2]?.[4], { raw: -1234 * 1.05, formula: 'C5*(1+D5)' });
  const [formats] = tables(result.blocks, 'Formats');
  assert.deepEqual(formats?.rows[1], ['euro', '1234.5']);
});

test('a 1904-system workbook shows the same calendar date, and keeps its own serial', async () => {
  for (const mode of ['full', 'streaming'] as const) {
    const result = await extractWorkbook(file1904, ctx, mode);
    const [dates] = tables(result.blocks, 'Dates');
    assert.deepEqual(dates?.rows[1], ['Audit', '2024-02-29'], mode);
    assert.deepEqual(dates?.cellValues?.[1]?.[1], { raw: serial(2024, 2, 29) - 1462 }, mode);
  }
});
