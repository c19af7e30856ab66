// Measures the two XLSX read paths on a generated 50,000-row × 10-column workbook: wall time and
// peak RSS of a fresh process for each, so one path's heap never flatters the other.
// Usage: node --import tsx scripts/measure-xlsx-streaming.ts [--rows N] [--out results.json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { defaultExtractOptions } from '../src/shared/options';
import { extractWorkbook, type XlsxReadMode } from '../src/workers/extractors/xlsx/extract-xlsx';

const COLUMNS = 10;

async function generate(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('Ledger');
  sheet
    .addRow(['id', 'date', 'account', 'amount', 'rate', 'memo', 'region', 'code', 'qty', 'ok'])
    .commit();
  for (let i = 1; i <= rows; i++) {
    sheet
      .addRow([
        i,
        new Date(Date.UTC(2024, 0, 1 + (i % 366))),
        `ACC-${i % 97}`,
        i * 1.25,
        (i % 100) / 100,
        `entry number ${i}`,
        ['North', 'South', 'East', 'West'][i % 4],
        { formula: `A${i + 1}*2`, result: i * 2 },
        i % 13,
        i % 2 === 0,
      ])
      .commit();
  }
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
  sheet.commit();
  await writer.commit();
}

async function child(mode: XlsxReadMode, file: string): Promise<void> {
  const start = performance.now();
  let heartbeats = 0;
  const result = await extractWorkbook(
    file,
    { options: defaultExtractOptions, onProgress: () => heartbeats++ },
    mode,
  );
  const ms = performance.now() - start;
  const rows = result.blocks.reduce((n, b) => n + (b.type === 'table' ? b.rows.length : 0), 0);
  process.stdout.write(
    JSON.stringify({
      mode: result.mode,
      ms: Math.round(ms),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rows,
      chars: result.quality.textChars,
      heartbeats,
    }),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as XlsxReadMode, args[2] as string);
  const rows = Number(args[args.indexOf('--rows') + 1] ?? 0) || 50_000;
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-xlsx-bench-'));
  const file = path.join(dir, `ledger-${rows}.xlsx`);
  try {
    await generate(file, rows);
    const results = [];
    for (const mode of ['streaming', 'full', 'streaming', 'full'] as const) {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', import.meta.filename ?? process.argv[1], '--child', mode, file],
        { encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(run.stderr);
      results.push(JSON.parse(run.stdout));
      console.log(JSON.stringify(results.at(-1)));
    }
    const summary = {
      rows,
      columns: COLUMNS,
      fileBytes: statSync(file).size,
      results,
    };
    if (out !== undefined) writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
