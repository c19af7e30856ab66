import assert from 'node:assert/strict';
import { test } from 'node:test';
import { a1Range, columnLetters, columnNumber, firstColumnNumber } from '../../../src/shared/a1';

test('column letters of 1-based column numbers', () => {
  assert.deepEqual([1, 26, 27, 52, 702, 703, 16384].map(columnLetters), [
    'A',
    'Z',
    'AA',
    'AZ',
    'ZZ',
    'AAA',
    'XFD',
  ]);
});

test('column numbers from references, and back', () => {
  assert.equal(columnNumber('B12'), 2);
  assert.equal(columnNumber('AA1'), 27);
  assert.equal(columnNumber('XFD1048576'), 16384);
  assert.equal(columnNumber('12'), 0);
  for (let column = 1; column <= 20000; column += 7)
    assert.equal(columnNumber(`${columnLetters(column)}1`), column);
});

test('first column of a range, and a range from row and column numbers', () => {
  assert.equal(firstColumnNumber('$C$5:F9'), 3);
  assert.equal(firstColumnNumber('aa1'), 27);
  assert.equal(firstColumnNumber('A1'), 1);
  assert.equal(firstColumnNumber('not a range'), undefined);
  assert.equal(a1Range(1, 1, 20, 4), 'A1:D20');
  assert.equal(a1Range(5, 27, 9, 28), 'AA5:AB9');
  assert.equal(firstColumnNumber(a1Range(3, 30, 4, 31)), 30);
});
