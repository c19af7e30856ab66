// The folio.ocr.languages setting offers exactly the OCR languages Folio ships (each with its
// description), so a reviewer can only pick a language that is on disk, and every shipped pack
// can be picked. check-vsix requires the same list in the .vsix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { installedLanguages } from '../../../src/workers/ocr/language-data';

interface LanguagesSetting {
  default: string[];
  items: { enum: string[]; enumDescriptions: string[] };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, LanguagesSetting> } };
};
const setting = manifest.contributes.configuration.properties['folio.ocr.languages'];
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

test('folio.ocr.languages offers the installed packs: eng, deu, fra, spa, ita', () => {
  assert.deepEqual(
    [...setting.items.enum].sort(),
    installedLanguages().map((l) => l.code),
  );
  for (const code of ['eng', 'deu', 'fra', 'spa', 'ita'])
    assert.ok(setting.items.enum.includes(code));
  assert.deepEqual(setting.default, ['eng']);
});

test('each offered language is described, and the description lists them', () => {
  setting.items.enum.forEach((code, i) => {
    const key = /^%(.+)%$/.exec(setting.items.enumDescriptions[i] ?? '')?.[1] ?? '';
    assert.match(nls[key] ?? '', new RegExp(`@tesseract\\.js-data/${code}\\b`), code);
    assert.match(nls['folio.ocr.languages.description'] ?? '', new RegExp(`\\b${code}\\b`), code);
  });
});
