// `folio extract --ocr-lang` end to end: the CLI, child and pool read a German and a French
// scan with the shipped packs and write the umlauts and accents to the Markdown; a language
// that is not shipped stops the run with OCR_LANGUAGE_MISSING naming the package to add.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { RunReport } from '../../src/shared/report';
import { accentedWords, FRENCH_LINES, GERMAN_LINES, textPagePng } from '../support/language-pages';
import { realCorpusDir, realCorpusSkip } from '../support/paths';
import { tempFolder, testBundle } from '../support/pool-harness';

async function cli(args: string[]) {
  const bundle = await testBundle();
  return spawnSync(process.execPath, [path.join(bundle, 'cli.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 300_000,
  });
}

/** `folio extract <input> --ocr-lang <languages>`: the run (exit 0), its report, the out folder. */
async function extractWith(input: string, languages: string) {
  const out = path.join(path.dirname(input), 'out');
  const reportPath = path.join(path.dirname(input), 'report.json');
  const result = await cli([
    ...['extract', input, '--out', out, '--report', reportPath, '--ocr-lang', languages],
  ]);
  // A failed file is reported, not a failed run (exit 0, as for any other failed file).
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
  return { result, report, file: report.files[0], out };
}

async function extracted(languages: string, lines: readonly string[]) {
  const input = tempFolder({ 'letter.png': textPagePng(lines) });
  const { report, out } = await extractWith(input, languages);
  return { report, markdown: readFileSync(path.join(out, 'letter.png.md'), 'utf8') };
}

test('--ocr-lang deu: a German scan keeps its umlauts and ß', async () => {
  const { report, markdown } = await extracted('deu', GERMAN_LINES);
  assert.equal(report.files[0]?.status, 'ok');
  assert.deepEqual(
    accentedWords(GERMAN_LINES).filter((w) => !markdown.includes(w)),
    [],
  );
});

test('--ocr-lang eng,fra: a French scan keeps its accents', async () => {
  const { report, markdown } = await extracted('eng,fra', FRENCH_LINES);
  assert.equal(report.files[0]?.status, 'ok');
  assert.deepEqual(
    accentedWords(FRENCH_LINES).filter((w) => !markdown.includes(w)),
    [],
  );
});

test('--ocr-lang eng,heb: heb is not shipped, the scan fails naming @tesseract.js-data/heb', async () => {
  const input = tempFolder({ 'letter.png': textPagePng(GERMAN_LINES) });
  const { result, file } = await extractWith(input, 'eng,heb');
  assert.equal(file?.status, 'failed');
  assert.equal(file?.code, 'OCR_LANGUAGE_MISSING');
  assert.match(file?.message ?? '', /not installed: heb\. Installed: deu, eng, fra, ita, spa\./);
  assert.match(file?.message ?? '', /@tesseract\.js-data\/heb/);
  assert.match(result.stdout, /OCR_LANGUAGE_MISSING/);
});

test(
  'a Hebrew scan with eng,deu: partial, OCR_LANGUAGE_MISSING names @tesseract.js-data/heb',
  { skip: realCorpusSkip },
  async () => {
    const input = tempFolder({});
    copyFileSync(path.join(realCorpusDir, 'tesstest__hebrew.png'), path.join(input, 'hebrew.png'));
    const { file, out } = await extractWith(input, 'eng,deu');
    assert.equal(file?.status, 'partial');
    assert.equal(file?.code, 'OCR_LANGUAGE_MISSING');
    assert.match(file?.message ?? '', /Page 1 is written in Hebrew script.*\(eng, deu\)/);
    assert.match(file?.message ?? '', /install @tesseract\.js-data\/heb and add "heb"/);
    const markdown = readFileSync(path.join(out, 'hebrew.png.md'), 'utf8');
    assert.match(markdown, /Warning \(OCR_LANGUAGE_MISSING\): Page 1 is written in Hebrew/);
  },
);
