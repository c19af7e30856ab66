import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dominantScript,
  languageForScript,
  scriptOfOsdName,
  scriptsOfLanguages,
} from '../../../../src/workers/ocr/scripts';

test('languages map to the scripts they read; unknown codes are Latin', () => {
  assert.deepEqual([...scriptsOfLanguages(['eng', 'deu'])], ['Latin']);
  assert.deepEqual([...scriptsOfLanguages(['jpn'])].sort(), ['Han', 'Hiragana', 'Katakana']);
  assert.deepEqual([...scriptsOfLanguages(['srp_latn', 'uzb_cyrl'])].sort(), ['Cyrillic', 'Latin']);
  assert.deepEqual([...scriptsOfLanguages([])], ['Latin']);
});

test('the dominant script counts letters only', () => {
  assert.deepEqual(dominantScript('关于 2016 年 ABC'), { script: 'Han', letters: 3, total: 6 });
  assert.equal(dominantScript('שלום עולם 123')?.script, 'Hebrew');
  assert.equal(dominantScript('Zürich café')?.script, 'Latin');
  assert.equal(dominantScript('12 - 34 %'), undefined);
});

test('OSD names: Unicode names pass, OSD groupings are mapped, "Common" says nothing', () => {
  assert.equal(scriptOfOsdName('Hebrew'), 'Hebrew');
  assert.equal(scriptOfOsdName('Japanese'), 'Hiragana');
  assert.equal(scriptOfOsdName('Fraktur'), 'Latin');
  assert.equal(scriptOfOsdName('Common'), undefined);
  assert.equal(scriptOfOsdName(null), undefined);
});

test('a language pack is suggested for a script', () => {
  assert.equal(languageForScript('Han'), 'chi_sim');
  assert.equal(languageForScript('Devanagari'), 'hin');
  assert.equal(languageForScript('Hiragana'), 'jpn');
});
