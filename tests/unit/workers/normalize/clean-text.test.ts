import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from '../../../../src/workers/normalize/clean-text';
import {
  normalizeLineEndings,
  removeControlCharacters,
} from '../../../../src/workers/normalize/control-chars';
import {
  composeUnicode,
  expandLigatures,
  normalizeSpaces,
  removeInvisibleCharacters,
  removeSoftHyphens,
} from '../../../../src/workers/normalize/unicode';
import { collapseWhitespace } from '../../../../src/workers/normalize/whitespace';

test('ligatures from PDF fonts expand to letters', () => {
  assert.equal(
    expandLigatures('The ﬁnal oﬀer was signed by the oﬃcer at the ﬂoor; ﬄuent; ﬅ ﬆ'),
    'The final offer was signed by the officer at the floor; ffluent; st st',
  );
});

test('compatibility characters with meaning are not folded (no wholesale NFKC)', () => {
  const text = 'Area 25 m² · ½ share · ACME™ · 株式会社（東京）';
  assert.equal(cleanText(text), text);
});

test('NFC composes decomposed accents so equal words compare equal', () => {
  const decomposed = 'Re\u0301sume\u0301 for Mu\u0308ller';
  assert.equal(composeUnicode(decomposed), 'Résumé for Müller');
  assert.notEqual(decomposed, 'Résumé for Müller');
});

test('typographic spaces become plain spaces; the ideographic space stays', () => {
  assert.equal(normalizeSpaces('Total:\u00A0€\u202F1\u2009200'), 'Total: € 1 200');
  assert.equal(normalizeSpaces('東京\u3000大阪'), '東京\u3000大阪');
});

test('soft hyphens vanish, and one before a line break rejoins the word', () => {
  assert.equal(removeSoftHyphens('infor\u00ADmation'), 'information');
  assert.equal(removeSoftHyphens('the docu\u00AD\nment was filed'), 'the document was filed');
});

test('zero-width space and BOM are removed, ZWNJ (Persian) is kept', () => {
  assert.equal(removeInvisibleCharacters('\uFEFFInvoice\u200B No.'), 'Invoice No.');
  assert.equal(removeInvisibleCharacters('می\u200Cخواهم'), 'می\u200Cخواهم');
});

test('every line-ending convention becomes \\n', () => {
  assert.equal(normalizeLineEndings('a\r\nb\rc\vd\fe\u2028f\u2029g'), 'a\nb\nc\nd\ne\nf\n\ng');
});

test('control characters go, tabs and line feeds stay', () => {
  assert.equal(
    removeControlCharacters('\u0002 USER:\tprofile\u0004\nnext\u0085'),
    ' USER:\tprofile\nnext',
  );
});

test('whitespace: runs collapse, lines are trimmed, one blank line at most', () => {
  assert.equal(
    collapseWhitespace('  Invoice   No.  42  \n\n\n\n Due:\t \t2024-01-31   \n  \n'),
    'Invoice No. 42\n\nDue:\t2024-01-31',
  );
});

test('cleanText runs the whole pipeline on a realistic PDF string', () => {
  assert.equal(
    cleanText('\uFEFF  The ﬁrst  oﬀer\u00A0was\r\n\r\n\r\nsigned\u0000 on 3\u00A0May.  '),
    'The first offer was\n\nsigned on 3 May.',
  );
});

test('plain ASCII cells pass unchanged; anything else still gets the full pipeline', () => {
  assert.equal(cleanText('Customer 12 Ltd.'), 'Customer 12 Ltd.');
  assert.equal(cleanText('Invoice  42 '), 'Invoice 42');
  assert.equal(cleanText('Net\tamount'), 'Net\tamount');
  assert.equal(cleanText('Oﬃce'), 'Office');
});
