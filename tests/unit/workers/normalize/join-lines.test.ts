// Paragraph lines into flowing text, and text into paragraphs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinLines, splitParagraphs } from '../../../../src/workers/normalize/join-lines';

test('joinLines flows paragraph lines with spaces, CJK without', () => {
  assert.equal(
    joinLines('This section of the FEDERAL REGISTER\ncontains notices'),
    'This section of the FEDERAL REGISTER contains notices',
  );
  assert.equal(joinLines('東京都の\n会社です'), '東京都の会社です');
});

test('splitParagraphs splits at blank lines only', () => {
  assert.deepEqual(splitParagraphs('One\nstill one\n\nTwo\n \n\nThree'), [
    'One\nstill one',
    'Two',
    'Three',
  ]);
});
