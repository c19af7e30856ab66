import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Block } from '../../../../../src/shared/model';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import {
  chooseReadMode,
  extractWorkbook,
} from '../../../../../src/workers/extractors/xlsx/extract-xlsx';
import { writeZip } from '../../../../support/zip-builder';
import { codeOf, failure } from '../../../../support/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-xlsx-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { options: defaultExtractOptions };
const features = path.join(dir, 'features.xlsx');
const long = path.join(dir, 'long.xlsx');
const LONG_ROWS = 3000;

const tableRows = (blocks: Block[], sheet: string): string[][] =>
  blocks.flatMap((b) => (b.type === 'table' && b.prov.sheet === sheet ? b.rows : []));

before(async () => {
  const wb = new ExcelJS.Workbook();
  const sales = wb.addWorksheet('Sales');
  sales.addRow(['Region', 'Amount', 'Share', 'Booked', 'Link', 'Check']);
  sales.addRow([
    'North',
    0.1,
    0.25,
    new Date(Date.UTC(2024, 2, 31)),
    { text: 'memo', hyperlink: 'https://example.com/memo' },
    true,
  ]);
  sales.addRow([
    { richText: [{ text: 'So' }, { text: 'uth', font: { bold: true } }] },
    0.2,
    0.75,
    new Date(Date.UTC(2024, 3, 1, 9, 30)),
    null,
    false,
  ]);
  sales.addRow([
    'Total',
    { formula: 'B2+B3', result: 0.30000000000000004 },
    { formula: 'C2+C3', result: 1 },
    null,
    { formula: '1/0', result: { error: '#DIV/0!' } },
    null,
  ]);
  sales.getColumn(3).numFmt = '0%';
  sales.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm';
  sales.getCell('A6').value = 'Merged note';
  sales.mergeCells('A6:C6');
  // Formatting far beyond the data must not widen the range.
  sales.getCell('Z200').numFmt = '0.00';
  const hidden = wb.addWorksheet('Secret', { state: 'hidden' });
  hidden.addRow(['internal', 42]);
  wb.addWorksheet('Empty');
  await wb.xlsx.writeFile(features);

  const big = new ExcelJS.Workbook();
  const sheet = big.addWorksheet('Ledger');
  sheet.addRow(['id', 'date', 'amount', 'memo']);
  for (let i = 1; i <= LONG_ROWS; i++)
    sheet.addRow([i, new Date(Date.UTC(2024, 0, 1 + (i % 365))), i / 10, `entry ${i}`]);
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
  await big.xlsx.writeFile(long);
});

test('cells show cached formula results, dates and percentages by their format, rich text, link text, errors', async () => {
  const result = await extractWorkbook(features, ctx);
  assert.equal(result.mode, 'full');
  assert.deepEqual(tableRows(result.blocks, 'Sales'), [
    ['Region', 'Amount', 'Share', 'Booked', 'Link', 'Check'],
    // 'yyyy-mm-dd hh:mm' shows the midnight too, as Excel does.
    ['North', '0.1', '25%', '2024-03-31 00:00', 'memo', 'TRUE'],
    ['South', '0.2', '75%', '2024-04-01 09:30', '', 'FALSE'],
    ['Total', '0.3', '100%', '', '#DIV/0!', ''],
    ['Merged note', '', '', '', '', ''],
  ]);
  const sales = result.blocks.find((b) => b.type === 'sheet' && b.name === 'Sales');
  assert.deepEqual(sales, {
    type: 'sheet',
    name: 'Sales',
    range: 'A1:F6',
    hidden: false,
    prov: { sheet: 'Sales', range: 'A1:F6' },
  });
  assert.equal(result.blocks.find((b) => b.type === 'table')?.type === 'table', true);
});

test('hidden sheets are included and labelled; merged ranges and empty sheets are reported', async () => {
  const result = await extractWorkbook(features, ctx);
  assert.deepEqual(
    result.blocks
      .filter((b) => b.type === 'sheet')
      .map((b) => b.type === 'sheet' && [b.name, b.hidden, b.range]),
    [
      ['Sales', false, 'A1:F6'],
      ['Secret', true, 'A1:B1'],
      ['Empty', false, ''],
    ],
  );
  assert.deepEqual(tableRows(result.blocks, 'Secret'), [['internal', '42']]);
  const codes = result.warnings.map((w) => [w.code, w.sheet, w.lossy]);
  assert.deepEqual(codes, [
    ['MERGED_CELLS', 'Sales', false],
    ['HIDDEN_SHEET', 'Secret', false],
  ]);
  assert.match(result.warnings[0]?.message ?? '', /A6:C6/);
  assert.deepEqual(result.metadata.sheetNames, ['Sales', 'Secret', 'Empty']);
});

test('the full and the streaming reader give identical output on the same workbook', async () => {
  for (const file of [features, long]) {
    const full = await extractWorkbook(file, ctx, 'full');
    const streamed = await extractWorkbook(file, ctx, 'streaming');
    assert.equal(full.mode, 'full');
    assert.equal(streamed.mode, 'streaming');
    assert.deepEqual(streamed.blocks, full.blocks, path.basename(file));
    assert.deepEqual(streamed.warnings, full.warnings, path.basename(file));
  }
});

test('a workbook above the row threshold is streamed, with row heartbeats', async () => {
  const updates: number[] = [];
  const result = await extractWorkbook(long, {
    options: defaultExtractOptions,
    onProgress: (u) => updates.push(u.rows ?? -1),
  });
  assert.equal(result.mode, 'streaming');
  assert.ok(updates.length >= Math.floor(LONG_ROWS / 250), `${updates.length} heartbeats`);
  const rows = tableRows(result.blocks, 'Ledger').filter((r) => r[0] !== 'id');
  assert.equal(rows.length, LONG_ROWS);
  assert.deepEqual(rows[LONG_ROWS - 1], [
    String(LONG_ROWS),
    '2024-03-21',
    '300',
    `entry ${LONG_ROWS}`,
  ]);
});

test('a cancelled extraction stops with CANCELLED', async () => {
  const controller = new AbortController();
  controller.abort();
  assert.equal(
    await codeOf(
      extractWorkbook(long, { options: defaultExtractOptions, signal: controller.signal }),
    ),
    'CANCELLED',
  );
});

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function handMadeWorkbook(file: string, sheetXml: string, withWorkbook = true): string {
  return writeZip(file, [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    ...(withWorkbook
      ? [
          {
            name: 'xl/workbook.xml',
            content: `<?xml version="1.0"?><workbook ${SHEET_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          },
          {
            name: 'xl/_rels/workbook.xml.rels',
            content:
              '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
          },
        ]
      : []),
    { name: 'xl/worksheets/sheet1.xml', content: sheetXml },
  ]);
}

const fiveRows = Array.from(
  { length: 5 },
  (_, i) =>
    `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>row ${i + 1}</t></is></c><c r="C${i + 1}"><v>${i * 1.5}</v></c></row>`,
).join('');

test('a sheet declaring A1:XFD1048576 but holding 5 rows costs 5 rows, in both readers', async () => {
  const file = handMadeWorkbook(
    path.join(dir, 'declares-all.xlsx'),
    `<?xml version="1.0"?><worksheet ${SHEET_NS}><dimension ref="A1:XFD1048576"/><sheetData>${fiveRows}</sheetData></worksheet>`,
  );
  const chosen = await extractWorkbook(file, ctx);
  assert.equal(chosen.mode, 'streaming', 'the declared size picks the streaming reader');
  const full = await extractWorkbook(file, ctx, 'full');
  for (const result of [chosen, full]) {
    const sheet = result.blocks[0];
    assert.ok(sheet?.type === 'sheet' && sheet.range === 'A1:C5');
    assert.deepEqual(tableRows(result.blocks, 'Data')[4], ['row 5', '', '6']);
  }
});

test('a sheet that is not well-formed XML is read by the tolerant reader, with a warning', async () => {
  const file = handMadeWorkbook(
    path.join(dir, 'bad-xml.xlsx'),
    `<?xml version="1.0"?>\nstray text<worksheet ${SHEET_NS}><sheetData>${fiveRows}</sheetData></worksheet>`,
  );
  const result = await extractWorkbook(file, ctx);
  assert.equal(result.mode, 'tolerant');
  assert.deepEqual(tableRows(result.blocks, 'Data')[0], ['row 1', '', '0']);
  assert.ok(result.warnings.some((w) => w.code === 'CONVERSION_WARNING' && !w.lossy));
});

test('an external entity in a sheet is never resolved', async () => {
  const secret = path.join(dir, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-VALUE');
  const file = handMadeWorkbook(
    path.join(dir, 'xxe.xlsx'),
    `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY s SYSTEM "file://${secret}">]><worksheet ${SHEET_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>A &s; B</t></is></c></row></sheetData></worksheet>`,
  );
  let outcome = '';
  try {
    outcome = JSON.stringify(await extractWorkbook(file, ctx));
  } catch (error) {
    outcome = String((error as Error).message);
  }
  assert.ok(!outcome.includes('TOP-SECRET-VALUE'));
  assert.ok(outcome.includes('&s;'), 'the reference is kept as written');
});

test('a package with worksheets but no workbook part is still read', async () => {
  const file = handMadeWorkbook(
    path.join(dir, 'no-workbook.xlsx'),
    `<worksheet ${SHEET_NS}><sheetData>${fiveRows}</sheetData></worksheet>`,
    false,
  );
  const doc = await extractFile(file, ctx);
  assert.equal(doc.source.kind, 'xlsx');
  assert.ok(doc.blocks[0]?.type === 'sheet' && doc.blocks[0].name === 'Sheet1');
  assert.equal(tableRows(doc.blocks, 'Sheet1').length, 5);
});

test('an XLSX truncated at several offsets is CORRUPT with a plain message', async () => {
  const whole = readFileSync(long);
  for (const fraction of [0.05, 0.5, 0.95, 0.999]) {
    const file = path.join(dir, `cut-${fraction}.xlsx`);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * fraction)));
    const error = await failure(extractFile(file, ctx));
    assert.equal(error.code, 'CORRUPT', `cut at ${fraction}`);
    assert.match(error.message ?? '', /The XLSX is damaged or truncated/);
  }
});

test('random bytes named .xlsx are UNSUPPORTED_TYPE; an OLE EncryptedPackage is ENCRYPTED', async () => {
  const random = path.join(dir, 'random.xlsx');
  writeFileSync(random, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
  assert.equal(await codeOf(extractFile(random, ctx)), 'UNSUPPORTED_TYPE');
  const ole = path.join(dir, 'locked.xlsx');
  writeFileSync(
    ole,
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]),
  );
  assert.equal(await codeOf(extractFile(ole, ctx)), 'ENCRYPTED');
});

test('the read mode follows declared rows, or the sheet size when that says more', () => {
  assert.equal(chooseReadMode([10, 900], 10_000, 1000), 'full');
  assert.equal(chooseReadMode([5, 1048576], 10_000, 1000), 'streaming');
  assert.equal(chooseReadMode([undefined], 5_000_000, 1000), 'streaming');
  assert.equal(chooseReadMode([3], 5_000_000, 1000), 'streaming');
  assert.equal(chooseReadMode([], 0, 1000), 'full');
});
