// Word recall / precision of a run report (Folio's or the native tools', same shape) by the
// shared corpus scorer, `../shared/tools/score.mjs`, so both sides are judged by one yardstick.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScoreSummary } from './versus-native';

export interface ScoreInputs {
  /** The folder that was extracted. */
  input: string;
  /** A TSV whose first column is the file name and which has a `type` column. */
  manifest: string;
  /** Ground-truth folder: `<file name>.gt.{txt,md,csv}`. */
  gt: string;
}

/** The scorer's summary is the last line it prints. */
export function parseScoreOutput(stdout: string): ScoreSummary {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ScoreSummary;
}

export function scoreReport(scorer: string, inputs: ScoreInputs, reportPath: string): ScoreSummary {
  const stdout = execFileSync(
    process.execPath,
    [
      scorer,
      '--input',
      inputs.input,
      '--report',
      reportPath,
      '--manifest',
      inputs.manifest,
      '--gt',
      inputs.gt,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return parseScoreOutput(stdout);
}

/** The generated batch's `expected/manifest.json` as the scorer's TSV: file name and type. */
export function manifestTsv(files: readonly { name: string; kind: string }[]): string {
  return ['file\ttype', ...files.map((f) => `${f.name}\t${f.kind}`)].join('\n') + '\n';
}

/**
 * Lays the generated batch's expected texts (`expected/<name>.txt`) out the way the scorer looks
 * for ground truth (`<name>.gt.txt`), as symlinks in `dir`.
 */
export function generatedScoreInputs(
  batchDir: string,
  expectedDir: string,
  dir: string,
): ScoreInputs {
  const manifest = JSON.parse(readFileSync(path.join(expectedDir, 'manifest.json'), 'utf8')) as {
    files: { name: string; kind: string; expectedText?: string }[];
  };
  const gt = path.join(dir, 'groundtruth');
  mkdirSync(gt, { recursive: true });
  for (const f of manifest.files) {
    const expected = path.join(expectedDir, f.expectedText ?? `${f.name}.txt`);
    if (f.kind !== 'bad' && existsSync(expected))
      symlinkSync(expected, path.join(gt, `${f.name}.gt.txt`));
  }
  const manifestPath = path.join(dir, 'manifest.tsv');
  writeFileSync(manifestPath, manifestTsv(manifest.files));
  return { input: batchDir, manifest: manifestPath, gt };
}
