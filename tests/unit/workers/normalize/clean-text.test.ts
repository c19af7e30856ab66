// The whole text clean-up pipeline (each step has its own test file: unicode, control-chars,
// whitespace).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from '../../../../src/workers/normalize/clean-text';

test('compatibility characters with meaning are not folded (no wholesale NFKC)', () => {
  const text = 'Area 25 m² · ½ share · ACME™ · 株式会社（東京）';
  assert.equal(cleanText(text), text);
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
