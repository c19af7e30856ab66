// Unicode clean-up: ligatures, composition, typographic spaces, soft hyphens, invisible characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  composeUnicode,
  expandLigatures,
  normalizeSpaces,
  removeInvisibleCharacters,
  removeSoftHyphens,
} from '../../../../src/workers/normalize/unicode';

test('ligatures from PDF fonts expand to letters', () => {
  assert.equal(
    expandLigatures('The ﬁnal oﬀer was signed by the oﬃcer at the ﬂoor; ﬄuent; ﬅ ﬆ'),
    'The final offer was signed by the officer at the floor; ffluent; st st',
  );
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
