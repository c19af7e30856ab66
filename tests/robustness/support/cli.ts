// Runs the built CLI (dist/cli.mjs) the way a user does and returns its report, so robustness
// tests exercise the whole path: CLI → child process → worker pool → extractors → outputs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileReport, RunReport } from '../../../src/shared/report';
import { projectRoot } from '../../support/paths';

/** FOLIO_TEST_CLI points the tests at another build of the CLI (e.g. a private one). */
export const cliPath = process.env.FOLIO_TEST_CLI ?? path.join(projectRoot, 'dist', 'cli.mjs');
export const childPath = path.join(path.dirname(cliPath), 'child.mjs');

/** Throws a plain instruction when the bundle is missing (a lone test file run before a build). */
export function requireBuiltCli(): void {
  if (!existsSync(cliPath) || readFileSync(cliPath, 'utf8').includes('not built yet')) {
    throw new Error(`${cliPath} is missing or a placeholder: run \`npm run build\` first`);
  }
}

export interface CliRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  report: RunReport;
  wallMs: number;
}

export async function runCliExtract(
  input: string,
  options: {
    out: string;
    reportPath: string;
    args?: string[];
    env?: NodeJS.ProcessEnv;
    /** Kill the CLI after this long: a hang must fail the test, not stall the suite. */
    killAfterMs?: number;
  },
): Promise<CliRun> {
  requireBuiltCli();
  const args = [
    cliPath,
    'extract',
    input,
    '--out',
    options.out,
    '--report',
    options.reportPath,
    ...(options.args ?? []),
  ];
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 300_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig])),
  );
  clearTimeout(killer);
  if (!existsSync(options.reportPath)) {
    throw new Error(
      `the CLI wrote no report (exit ${exitCode}, signal ${signal})\nstdout:\n${stdout}\nstderr:\n${stderr}`,
    );
  }
  const report = JSON.parse(readFileSync(options.reportPath, 'utf8')) as RunReport;
  return { exitCode, signal, stdout, stderr, report, wallMs: Date.now() - started };
}

/** Report entries by path; fails loudly when a path is reported more than once. */
export function entriesByPath(report: RunReport): Map<string, FileReport> {
  const map = new Map<string, FileReport>();
  for (const file of report.files) {
    if (map.has(file.path)) throw new Error(`${file.path} is reported more than once`);
    map.set(file.path, file);
  }
  return map;
}

/** A message a reviewer can read: present, one short paragraph, no stack trace or object dump. */
export function isPlainMessage(message: string | undefined): boolean {
  return (
    typeof message === 'string' &&
    message.trim().length >= 10 &&
    message.length <= 400 &&
    !/\n\s+at /.test(message) &&
    !message.includes('[object Object]') &&
    !/^(Error|TypeError|RangeError):/.test(message)
  );
}
