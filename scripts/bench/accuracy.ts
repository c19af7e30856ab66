// Character error rate of each extracted output against its expected text, grouped by kind of
// work. Expected text is found next to the input folder (the generated batch's `expected/`
// folder) or in a `groundtruth/` folder inside it (the real-document corpus's layout).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileReport, RunReport } from '../../src/shared/report';
import { characterErrorRate, textForCompare, wordRecall } from '../../tests/support/text-compare';
import { workKindOf } from './analyze-report';

/** Ground-truth files that hold notes, not the document's content (see the corpus's SOURCES.md). */
const NOT_CONTENT = new Set(['docling__2206.01062_pg3.pdf']);

/**
 * Edit distance is quadratic-ish even bit-parallel: above this many characters (a 50,000-row
 * sheet) only word recall is computed.
 */
export const MAX_CER_CHARS = 120_000;

export type ExpectedTextFinder = (rel: string) => string | undefined;

/** Looks for `<rel>.txt`/`.md` under the given expected-text folders, then `groundtruth/`. */
export function expectedTextFinder(
  inputDir: string,
  expectedDirs: string[] = [],
): ExpectedTextFinder {
  const dirs = [
    ...expectedDirs,
    path.join(inputDir, '..', 'expected'),
    path.join(inputDir, 'expected'),
  ].filter((d) => existsSync(d));
  const groundTruthDir = path.join(inputDir, 'groundtruth');
  const groundTruth = existsSync(groundTruthDir) ? readdirSync(groundTruthDir) : [];
  return (rel) => {
    for (const dir of dirs) {
      for (const ext of ['.txt', '.md']) {
        const candidate = path.join(dir, rel + ext);
        if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
      }
    }
    const base = path.basename(rel);
    if (NOT_CONTENT.has(base)) return undefined;
    const gt = groundTruth.find((name) => name.startsWith(base + '.gt.'));
    return gt ? readFileSync(path.join(groundTruthDir, gt), 'utf8') : undefined;
  };
}

export interface FileAccuracy {
  path: string;
  /** The fixture manifest's kind when known (pdf-text, pdf-scanned, …), else the work kind. */
  kind: string;
  expectedChars: number;
  /** Undefined when the text is too long for edit distance (see MAX_CER_CHARS). */
  cer?: number;
  wordRecall: number;
}

export function outputPathOf(file: FileReport, cwd = process.cwd()): string | undefined {
  return file.output ? path.resolve(cwd, file.output) : undefined;
}

export function measureFile(
  file: FileReport,
  expected: string,
  cwd?: string,
  kind: string = workKindOf(file),
): FileAccuracy {
  const outputPath = outputPathOf(file, cwd);
  const actual = outputPath && existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '';
  const expectedChars = textForCompare(expected).length;
  return {
    path: file.path,
    kind,
    expectedChars,
    ...(expectedChars + actual.length <= 2 * MAX_CER_CHARS
      ? { cer: characterErrorRate(expected, actual) }
      : {}),
    wordRecall: wordRecall(expected, actual),
  };
}

export interface KindAccuracy {
  files: number;
  /** Σ errors / Σ expected characters over files where CER was computed. */
  cer?: number;
  worstCer?: number;
  meanWordRecall: number;
}

export function accuracyByKind(files: FileAccuracy[]): Record<string, KindAccuracy> {
  const out: Record<string, KindAccuracy> = {};
  for (const kind of new Set(files.map((f) => f.kind))) {
    const group = files.filter((f) => f.kind === kind);
    const withCer = group.filter((f) => f.cer !== undefined);
    const chars = withCer.reduce((n, f) => n + f.expectedChars, 0);
    out[kind] = {
      files: group.length,
      ...(withCer.length > 0
        ? {
            cer:
              chars === 0
                ? 0
                : withCer.reduce((s, f) => s + (f.cer ?? 0) * f.expectedChars, 0) / chars,
            worstCer: Math.max(...withCer.map((f) => f.cer ?? 0)),
          }
        : {}),
      meanWordRecall: group.reduce((s, f) => s + f.wordRecall, 0) / group.length,
    };
  }
  return out;
}

/** Kind labels from a fixture manifest (`expected/manifest.json`), by file name. */
export function manifestKinds(expectedDir: string): Map<string, string> {
  const manifestPath = path.join(expectedDir, 'manifest.json');
  if (!existsSync(manifestPath)) return new Map();
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    files: { name: string; kind: string }[];
  };
  return new Map(manifest.files.map((f) => [f.name, f.kind]));
}

/**
 * Measures every file of a report that has expected text. A file that failed although it has
 * expected text counts with CER 1 and recall 0: failing is the worst extraction.
 */
export function measureReport(
  report: RunReport,
  find: ExpectedTextFinder,
  options: { cwd?: string; kinds?: Map<string, string> } = {},
): FileAccuracy[] {
  const out: FileAccuracy[] = [];
  for (const file of report.files) {
    const expected = find(file.path);
    if (expected === undefined) continue;
    const kind = options.kinds?.get(file.path) ?? workKindOf(file);
    // Files the fixtures mark as bad are meant to fail: not an accuracy figure.
    if (kind === 'bad') continue;
    if (file.status !== 'ok' && file.status !== 'partial') {
      const expectedChars = textForCompare(expected).length;
      out.push({ path: file.path, kind, expectedChars, cer: 1, wordRecall: 0 });
      continue;
    }
    out.push(measureFile(file, expected, options.cwd, kind));
  }
  return out;
}
