// Line endings and control characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  normalizeLineEndings,
  removeControlCharacters,
} from '../../../../src/workers/normalize/control-chars';

test('every line-ending convention becomes \\n', () => {
  assert.equal(normalizeLineEndings('a\r\nb\rc\vd\fe\u2028f\u2029g'), 'a\nb\nc\nd\ne\nf\n\ng');
});

test('control characters go, tabs and line feeds stay', () => {
  assert.equal(
    removeControlCharacters('\u0002 USER:\tprofile\u0004\nnext\u0085'),
    ' USER:\tprofile\nnext',
  );
});
