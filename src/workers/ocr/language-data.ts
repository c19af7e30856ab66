// Finds tesseract language data shipped with Folio (npm packages `@tesseract.js-data/<lang>`,
// which the .vsix carries in node_modules). Nothing is ever downloaded: a language that is not
// on disk is an OCR_LANGUAGE_MISSING error that lists what is installed.
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { folioError } from '../../shared/errors';

/** LSTM-only integer models: the accuracy of tessdata_best at a fraction of its size. */
export const MODEL_DIR = '4.0.0_best_int';

export interface LanguageFile {
  code: string;
  /** Directory holding `<code>.traineddata.gz` (tesseract.js `langPath`). */
  dir: string;
}

const requireFromHere = createRequire(import.meta.url);

/** The `node_modules/@tesseract.js-data` folder that holds the installed language packages. */
export function packagedDataRoot(): string {
  return path.dirname(path.dirname(requireFromHere.resolve('@tesseract.js-data/eng/package.json')));
}

function modelFile(dir: string, code: string): string {
  return path.join(dir, `${code}.traineddata.gz`);
}

/**
 * Lists the recognition languages installed under `root` (and in `extraDirs`, folders of
 * `<code>.traineddata.gz`), excluding `osd`, which only detects orientation.
 */
export function installedLanguages(
  root = packagedDataRoot(),
  extraDirs: string[] = [],
): LanguageFile[] {
  const found = new Map<string, LanguageFile>();
  for (const dir of extraDirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const match = /^([A-Za-z_]+)\.traineddata\.gz$/.exec(name);
      if (match && match[1] !== 'osd') found.set(match[1], { code: match[1], dir });
    }
  }
  if (existsSync(root)) {
    for (const code of readdirSync(root)) {
      const dir = path.join(root, code, MODEL_DIR);
      if (code !== 'osd' && !found.has(code) && existsSync(modelFile(dir, code))) {
        found.set(code, { code, dir });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Resolves each requested language to its packaged file, or throws OCR_LANGUAGE_MISSING. */
export function resolveLanguages(
  requested: string[],
  installed: LanguageFile[] = installedLanguages(),
): LanguageFile[] {
  const codes = requested.length > 0 ? requested : ['eng'];
  const byCode = new Map(installed.map((l) => [l.code, l]));
  const missing = codes.filter((code) => !byCode.has(code));
  if (missing.length > 0) {
    const have = installed.map((l) => l.code).join(', ') || 'none';
    throw folioError(
      'OCR_LANGUAGE_MISSING',
      `OCR language${missing.length > 1 ? 's' : ''} not installed: ${missing.join(', ')}. ` +
        `Installed: ${have}. Folio never downloads language data; add the package ` +
        `@tesseract.js-data/${missing[0]} to install one.`,
    );
  }
  return codes.map((code) => byCode.get(code) as LanguageFile);
}

/**
 * Where Folio's own models live: `media/tessdata/<code>-fast/<code>.traineddata.gz` under the
 * project (or the installed extension) root, found by walking up from this module (a bundle
 * chunk in `dist/chunks/`, or this source file) to the first folder holding a package.json.
 */
export function vendoredDataRoot(startDir = moduleDir()): string | undefined {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'media', 'tessdata');
    if (path.dirname(dir) === dir) return undefined;
  }
}

function moduleDir(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

/**
 * The tessdata_fast variant of each language (vendored, see media/tessdata/eng-fast/README.md),
 * or undefined when one of them has none: a page in those languages is then read with the
 * packaged models only. tessdata_fast's smaller network reads a page in about half the time of
 * best_int; weak pages are read again with best_int (page-passes).
 */
export function fastLanguages(
  languages: LanguageFile[],
  root = vendoredDataRoot(),
): LanguageFile[] | undefined {
  if (!root || languages.length === 0) return undefined;
  const fast = languages.map((l) => ({ code: l.code, dir: path.join(root, `${l.code}-fast`) }));
  return fast.every((l) => existsSync(modelFile(l.dir, l.code))) ? fast : undefined;
}

/** The orientation-detection model (legacy engine data), used with PSM AUTO_OSD. */
export function osdModelPath(root = packagedDataRoot()): string | undefined {
  const file = modelFile(path.join(root, 'osd', MODEL_DIR), 'osd');
  return existsSync(file) ? file : undefined;
}

/**
 * tesseract.js reads every language from one `langPath`. When the requested languages live in
 * different packages, gather links to their files in one private temp folder.
 */
export function singleLanguageDir(languages: LanguageFile[]): string {
  const dirs = new Set(languages.map((l) => l.dir));
  if (dirs.size === 1) return languages[0].dir;
  const key = languages.map((l) => l.code).join('+');
  const dir = path.join(os.tmpdir(), `folio-tessdata-${process.pid}-${key}`);
  mkdirSync(dir, { recursive: true });
  for (const lang of languages) {
    const link = modelFile(dir, lang.code);
    if (!existsSync(link)) symlinkSync(modelFile(lang.dir, lang.code), link);
  }
  return dir;
}
