// Bold fonts told from their PostScript names, as PDF producers write them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBoldFontName } from '../../../../../src/workers/extractors/pdf/font-weight';

test('bold, black, heavy and semibold names are bold, with or without a subset tag', () => {
  for (const name of [
    'Arial-BoldMT',
    'NKEDOJ+Arial-BoldMT',
    'Calibri,Bold',
    'TimesNewRomanPS-BoldItalicMT',
    'Helvetica-Bold',
    'HelveticaNeue-BoldCond',
    'NKDKGI+HelveticaNeueLTCom-Bd',
    'MyriadPro-Semibold',
    'ArialBlack',
    'SourceSansPro-Heavy',
    'LubalinGraphStd-Demi',
    'AAAAAD+SFBX1000',
    'CMBX12',
  ]) {
    assert.equal(isBoldFontName(name), true, name);
  }
});

test('regular, italic, medium and light names are not bold', () => {
  for (const name of [
    'Helvetica',
    'Calibri',
    'Calibri,Italic',
    'NKDKFH+HelveticaNeueLTPro-Md',
    'JansonTextLTStd-Roman',
    'TimesNewRoman-Italic',
    'AAAAAB+SFRM0900',
    'AAAAAE+SFTI1000',
    'CMR10',
    'SourceSansPro-Light',
    'BookMaster',
    undefined,
    '',
  ]) {
    assert.equal(isBoldFontName(name), false, String(name));
  }
});
