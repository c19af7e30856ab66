import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildVocabulary,
  joinHyphenatedLineBreaks as dehyphenate,
} from '../../../../src/workers/normalize/dehyphenate';

test('a word broken by the typesetter is rejoined without the hyphen', () => {
  assert.equal(dehyphenate('the docu-\nment was'), 'the document was');
  // Real line breaks from the corpus (pdfjs text of docling and pypdf samples).
  assert.equal(dehyphenate('appoint-\nments and'), 'appointments and');
  assert.equal(dehyphenate('für Übungsauf-\ngaben'), 'für Übungsaufgaben');
  assert.equal(dehyphenate('Ef-\nfects of'), 'Effects of');
});

test('a hyphen on one line is never touched', () => {
  assert.equal(dehyphenate('we co-operate in 2019-2020'), 'we co-operate in 2019-2020');
});

test('numbers, capitals and acronyms keep their hyphen', () => {
  assert.equal(dehyphenate('fiscal 2019-\n2020 results'), 'fiscal 2019-2020 results');
  assert.equal(dehyphenate('Jean-\nPierre'), 'Jean-Pierre');
  assert.equal(dehyphenate('an FAA-\napproved method'), 'an FAA-approved method');
  assert.equal(dehyphenate('COVID-\n19 rules'), 'COVID-19 rules');
});

test('compound elements keep their hyphen', () => {
  assert.equal(dehyphenate('self-\npublishing'), 'self-publishing');
  assert.equal(dehyphenate('non-\nnormal'), 'non-normal');
  assert.equal(dehyphenate('a risk-\nbased approach'), 'a risk-based approach');
  assert.equal(dehyphenate('state-of-the-\nart'), 'state-of-the-art');
  assert.equal(dehyphenate('www.pilatus-\naircraft.com'), 'www.pilatus-aircraft.com');
});

test('the document vocabulary decides ambiguous breaks', () => {
  const text = '1 work-hour × $85 per hour\n';
  const vocab = buildVocabulary([text, 'the documents listed']);
  assert.equal(dehyphenate('estimated at 1 work-\nhour', vocab), 'estimated at 1 work-hour');
  assert.equal(dehyphenate('estimated at 1 work-\nhour'), 'estimated at 1 workhour');
  // "well-known" written on one line elsewhere wins over the join; "documents" seen elsewhere joins.
  const vocab2 = buildVocabulary(['a well-known firm', 'the documents listed']);
  assert.equal(dehyphenate('the well-\nknown', vocab2), 'the well-known');
  assert.equal(dehyphenate('the docu-\nments', vocab2), 'the documents');
});

test('an ordinary line break is left for joinLines', () => {
  assert.equal(dehyphenate('first line\nsecond - line'), 'first line\nsecond - line');
});
