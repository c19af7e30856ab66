// Runs the built Folio CLI over a folder once, cache off, sampling the RSS of its whole process
// tree; returns its run report and what the bench measured around it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunReport } from '../../src/shared/report';
import { ProcessTreeCpuSampler } from './process-tree-cpu';
import { ProcessTreeRssSampler } from './process-tree-rss';

export interface CliRun {
  report: RunReport;
  reportPath: string;
  /** Measured by the bench around the CLI process, start to exit. */
  wallMs: number;
  peakMb: number;
  samples: number;
  /** CPU seconds of the CLI's process tree (its extraction child and threads included). */
  cpuS: number;
  exitCode: number | null;
  out: string;
}

export async function runCli(options: {
  cli: string;
  input: string;
  scratch: string;
  label: string;
  args: string[];
}): Promise<CliRun> {
  const slug = options.label.replace(/[^a-z0-9]+/gi, '-');
  const out = path.join(options.scratch, slug);
  const reportPath = path.join(options.scratch, `${slug}.json`);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      options.cli,
      'extract',
      options.input,
      '--out',
      out,
      '--report',
      reportPath,
      '--no-cache',
      '--quiet',
      ...options.args,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const sampler = new ProcessTreeRssSampler(child.pid as number, 150).start();
  const cpu = new ProcessTreeCpuSampler([child.pid as number]).start();
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  // Sampled until the CLI exits: its tree's last CPU sample is taken while it still exists.
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  await exited;
  const cpuS = cpu.stop();
  const wallMs = Date.now() - started;
  const { peakMb, samples } = sampler.stop();
  if (!existsSync(reportPath))
    throw new Error(`${options.label}: no report (exit ${exitCode})\n${stdout}`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
  return { report, reportPath, wallMs, peakMb, samples, cpuS, exitCode, out };
}
