// Page markers as the Markdown renderer writes them, and the line ↔ page mapping built on them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  lineAtPageFraction,
  lineOfPage,
  pageAtLine,
  pageMarkers,
} from '../../../src/extension/pageMarkers';

const text = [
  '# memo.pdf',
  '',
  '<!-- page 1 -->',
  'First page.',
  '<!-- page 2 (OCR, confidence 87%) -->',
  'Second page.',
  '',
  '<!-- page 4 -->',
  'Fourth.',
].join('\n');

test('markers are found with their line and columns, OCR ones included', () => {
  assert.deepEqual(pageMarkers(text), [
    { page: 1, line: 2, start: 0, end: 15 },
    { page: 2, line: 4, start: 0, end: 37 },
    { page: 4, line: 7, start: 0, end: 15 },
  ]);
  assert.deepEqual(pageMarkers('no pages here'), []);
});

test('a line belongs to the last page marked above it; a page maps to its marker', () => {
  const markers = pageMarkers(text);
  assert.equal(pageAtLine(markers, 0), 1, 'the title belongs to the first page');
  assert.equal(pageAtLine(markers, 3), 1);
  assert.equal(pageAtLine(markers, 5), 2);
  assert.equal(pageAtLine(markers, 8), 4);
  assert.equal(lineOfPage(markers, 2), 4);
  assert.equal(lineOfPage(markers, 3), 4, 'a page without a marker: the one before it');
  assert.equal(lineOfPage(markers, 9), 7);
  assert.equal(pageAtLine([], 3), undefined);
});

test('a click on a page leads as far through its lines as it was down the page', () => {
  const markers = pageMarkers(text);
  assert.equal(lineAtPageFraction(markers, 2, 0, 9), 4, 'the top: the marker');
  assert.equal(
    lineAtPageFraction(markers, 2, 1, 9),
    6,
    'the bottom: the line before the next marker',
  );
  assert.equal(lineAtPageFraction(markers, 4, 0.5, 9), 8, 'the last page runs to the end');
  assert.equal(lineAtPageFraction([], 1, 0.5, 9), undefined);
});
