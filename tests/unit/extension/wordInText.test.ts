import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findWordInPage } from '../../../src/extension/wordInText';

const at = (text: string, span: { start: number; end: number } | undefined) =>
  span && text.slice(span.start, span.end);

describe('findWordInPage', () => {
  const text = 'Invoice INV-2024 total\n\nThe **Total** due: 41,228.23 (total).\n';
  const words = ['Invoice', 'INV-2024', 'total', 'The', 'Total', 'due:', '41,228.23', '(total).'];

  test('a word found once, without the punctuation around it', () => {
    assert.equal(at(text, findWordInPage(text, words, 6)), '41,228.23');
    assert.equal(at(text, findWordInPage(text, words, 5)), 'due');
  });

  test('the k-th of several same words is the k-th in the text', () => {
    const spans = [2, 4, 7].map((i) => findWordInPage(text, words, i));
    assert.deepEqual(
      spans.map((s) => s?.start),
      [text.indexOf('total'), text.indexOf('Total'), text.lastIndexOf('total')],
    );
    assert.equal(at(text, spans[1]), 'Total', 'inside the Markdown emphasis');
  });

  test('when the counts differ, the same word nearest its place on the page', () => {
    // OCR missed the first "total": the text has three, the words two.
    const missed = ['Invoice', 'INV-2024', 'The', 'Total', 'due:', '41,228.23', '(total).'];
    assert.equal(findWordInPage(text, missed, 6)?.start, text.lastIndexOf('total'));
    assert.equal(findWordInPage(text, missed, 3)?.start, text.indexOf('Total'));
  });

  test('a word the text joined (a hyphenated line end) is found inside the joined word', () => {
    const joined = 'The accounts were closed.';
    assert.equal(at(joined, findWordInPage(joined, ['The', 'ac-', 'counts'], 2)), 'accounts');
  });

  test('nothing like the word, or a word of punctuation only: undefined', () => {
    assert.equal(findWordInPage(text, ['zebra'], 0), undefined);
    assert.equal(findWordInPage(text, ['|'], 0), undefined);
    assert.equal(findWordInPage('', ['Total'], 0), undefined);
  });
});
