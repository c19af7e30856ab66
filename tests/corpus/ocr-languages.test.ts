// The language packs Folio ships beyond English (@tesseract.js-data/deu, fra, spa, ita), read
// through the real OCR path: a German and a French page come out with their umlauts, ß and
// accents, which the English model cannot give; a page in a script no installed pack covers
// (Hebrew) is flagged by OSD with the package that would read it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { defaultExtractOptions } from '../../src/shared/options';
import type { OcrPageResult } from '../../src/workers/engine/types';
import { extractFile } from '../../src/workers/extractors/extract-file';
import { installedLanguages } from '../../src/workers/ocr/language-data';
import { createOcrService } from '../../src/workers/ocr/ocr-service';
import {
  accentedWords,
  FRENCH_LINES,
  GERMAN_LINES,
  ITALIAN_LINES,
  SPANISH_LINES,
  textPage,
} from '../support/language-pages';
import { realCorpusDir, realCorpusSkip } from '../support/paths';
import { characterErrorRate } from '../support/text-compare';

const textOf = (r: OcrPageResult): string =>
  r.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

const services: Array<{ terminate(): Promise<void> }> = [];
after(() => Promise.all(services.map((s) => s.terminate())));

/** Reads one generated page with the given OCR languages, as a pool thread would. */
async function read(languages: string[], lines: readonly string[]) {
  const ocr = createOcrService({ languages });
  services.push(ocr);
  const { image, text } = textPage(lines);
  const result = await ocr.recognizeImage({ ...image, channels: 1 }, 1);
  const out = textOf(result);
  const accented = accentedWords(lines);
  return {
    cer: characterErrorRate(text, out),
    found: accented.filter((w) => out.includes(w)),
    missed: accented.filter((w) => !out.includes(w)),
    accented,
  };
}

test('the packs Folio ships are installed: deu, eng, fra, ita, spa (and osd)', () => {
  const codes = installedLanguages().map((l) => l.code);
  for (const code of ['deu', 'eng', 'fra', 'ita', 'spa']) assert.ok(codes.includes(code), code);
});

describe('a page in the language of a shipped pack', () => {
  // Measured (2 Dec, load 3.6-8.3): deu 0.00% CER, 20/20 accented words; the English model on
  // the same page 6.15%, 0/20 (ü, ö, ä, ß are not in its alphabet).
  test('German with deu: every word with an umlaut or ß is read', async (t) => {
    const german = await read(['deu'], GERMAN_LINES);
    t.diagnostic(`deu: CER ${(german.cer * 100).toFixed(2)}%, ${german.found.length} accented`);
    assert.deepEqual(german.missed, []);
    assert.ok(german.cer < 0.01, `CER ${german.cer}`);
    // The same page with English only: proof the words above came from the German pack.
    const english = await read(['eng'], GERMAN_LINES);
    t.diagnostic(`eng: CER ${(english.cer * 100).toFixed(2)}%, ${english.found.length} accented`);
    assert.ok(english.found.length < german.accented.length / 2, english.found.join(' '));
  });

  // Measured: fra 0.00% CER, 27/27; eng with fra's page 2.59%, 17/27 (à, è, û missed).
  test('French with eng+fra: every accented word is read', async (t) => {
    const french = await read(['eng', 'fra'], FRENCH_LINES);
    t.diagnostic(`eng+fra: CER ${(french.cer * 100).toFixed(2)}%, ${french.found.length} accented`);
    assert.deepEqual(french.missed, []);
    assert.ok(french.cer < 0.01, `CER ${french.cer}`);
  });

  test('Spanish with spa and Italian with ita: every accented word is read', async (t) => {
    for (const [code, lines] of [
      ['spa', SPANISH_LINES],
      ['ita', ITALIAN_LINES],
    ] as const) {
      const page = await read([code], lines);
      t.diagnostic(`${code}: CER ${(page.cer * 100).toFixed(2)}%, ${page.found.length} accented`);
      assert.deepEqual(page.missed, [], code);
      assert.ok(page.cer < 0.01, `${code}: CER ${page.cer}`);
    }
  });
});

test(
  'a Hebrew page read with the shipped packs: OCR_LANGUAGE_MISSING names @tesseract.js-data/heb',
  { skip: realCorpusSkip },
  async () => {
    const ocr = createOcrService({ languages: ['eng', 'deu'] });
    services.push(ocr);
    const doc = await extractFile(path.join(realCorpusDir, 'tesstest__hebrew.png'), {
      options: defaultExtractOptions,
      ocr,
    });
    const missing = doc.warnings.filter((w) => w.code === 'OCR_LANGUAGE_MISSING');
    assert.equal(missing.length, 1, JSON.stringify(doc.warnings));
    assert.equal(missing[0].lossy, true);
    assert.equal(missing[0].page, 1);
    assert.match(
      missing[0].message,
      /Hebrew script.*\(eng, deu\).*install @tesseract\.js-data\/heb and add "heb"/,
    );
  },
);
