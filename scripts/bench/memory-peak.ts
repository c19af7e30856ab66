// Peak process-tree RSS of the built CLI over one folder, N runs, with the spread; the CLI and
// the child are also sampled apart, so a peak can be told to the parent or the child (whose
// threads, tesseract's included, share its RSS). `--big-page` makes the folder: one 600-dpi A3
// scan (tests/support/big-scan.ts) in a temp dir. Writes the numbers to `--out` (JSON).
//
//   node --import tsx scripts/bench/memory-peak.ts --dist DIR (--input DIR | --big-page)
//     [--repeat N] [--folio-args "--memory-limit-mb 512"] [--out bench/results/memory-X.json]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunReport } from '../../src/shared/report';
import { writeBigScanPdf } from '../../tests/support/big-scan';
import { descendantsOf, readParentMap, readRssKiB } from './process-tree-rss';
import { distribution } from './stats';

interface PeakRun {
  wallMs: number;
  exitCode: number | null;
  treePeakMb: number;
  cliPeakMb: number;
  childPeakMb: number;
  /** The child's report: its own sampled peak (500 ms). */
  reportPeakMb: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
}

async function runOnce(cli: string, input: string, scratch: string, args: string[]) {
  const out = path.join(scratch, 'out');
  const reportPath = path.join(scratch, 'report.json');
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  const proc = spawn(
    process.execPath,
    [cli, 'extract', input, '--out', out, '--report', reportPath, '--no-cache', '--quiet', ...args],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const root = proc.pid as number;
  let tree = 0;
  let cliPeak = 0;
  let childPeak = 0;
  const timer = setInterval(() => {
    const pids = descendantsOf(root, readParentMap());
    let sum = 0;
    for (const pid of pids) {
      const kib = readRssKiB(pid);
      sum += kib;
      if (pid === root) cliPeak = Math.max(cliPeak, kib);
      else childPeak = Math.max(childPeak, kib);
    }
    tree = Math.max(tree, sum);
  }, 100);
  const exitCode = await new Promise<number | null>((resolve) => proc.on('close', resolve));
  clearInterval(timer);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  for (const f of report.files) {
    statuses[f.status] = (statuses[f.status] ?? 0) + 1;
    if (f.code) codes[f.code] = (codes[f.code] ?? 0) + 1;
  }
  const mb = (kib: number) => Math.round(kib / 1024);
  return {
    wallMs: Date.now() - started,
    exitCode,
    treePeakMb: mb(tree),
    cliPeakMb: mb(cliPeak),
    childPeakMb: mb(childPeak),
    reportPeakMb: report.totals.peakRssMb,
    statuses,
    codes,
  } satisfies PeakRun;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      input: { type: 'string' },
      'big-page': { type: 'boolean', default: false },
      gray: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '3' },
      'folio-args': { type: 'string', default: '' },
      out: { type: 'string' },
    },
  });
  const cli = path.resolve(values.dist as string, 'cli.mjs');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'folio-memory-peak-'));
  try {
    let input = values.input ? path.resolve(values.input) : undefined;
    if (values['big-page']) {
      input = path.join(scratch, 'input');
      mkdirSync(input);
      writeBigScanPdf(path.join(input, 'a3-600dpi.pdf'), values.gray ? 1 : 3);
    }
    if (!input) throw new Error('--input DIR or --big-page');
    const args = (values['folio-args'] as string).split(' ').filter(Boolean);
    const runs: PeakRun[] = [];
    for (let i = 0; i < Number(values.repeat); i++) {
      const run = await runOnce(cli, input, scratch, args);
      runs.push(run);
      console.log(
        `memory-peak #${i + 1}: tree ${run.treePeakMb} MB (CLI ${run.cliPeakMb}, child ${run.childPeakMb}), ${Math.round(run.wallMs / 100) / 10} s, ${JSON.stringify(run.statuses)} ${JSON.stringify(run.codes)}`,
      );
    }
    const result = {
      when: new Date().toISOString(),
      cli: path.relative(process.cwd(), cli),
      input: values['big-page'] ? `600-dpi A3 scan (${values.gray ? 'gray' : 'RGB'})` : input,
      args,
      loadAverage: os.loadavg(),
      treePeakMb: distribution(runs.map((r) => r.treePeakMb)),
      runs,
    };
    console.log(`memory-peak: tree peak ${JSON.stringify(result.treePeakMb)}`);
    if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
