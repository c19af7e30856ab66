import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePasswordMap, passwordFor } from '../../../src/shared/password-file';

test('passwords: exact relative path wins over bare name; malformed files are refused', () => {
  const map = parsePasswordMap(
    '{"statements/bank.pdf":"exact","bank.pdf":"byname","./x.pdf":"dot"}',
  );
  assert.equal(passwordFor('statements/bank.pdf', map), 'exact');
  assert.equal(passwordFor('other/bank.pdf', map), 'byname');
  assert.equal(passwordFor('x.pdf', map), 'dot');
  assert.equal(passwordFor('none.pdf', map), undefined);
  assert.equal(passwordFor('constructor', map), undefined);
  assert.throws(() => parsePasswordMap('not json'), /not valid JSON/);
  assert.throws(() => parsePasswordMap('["a"]'), /JSON object/);
  assert.throws(() => parsePasswordMap('{"a.pdf": 5}'), /must be a string/);
});

test('passwords: Windows separators and a leading ./ in keys mean the same relative path', () => {
  const map = parsePasswordMap('{"sub\\\\dir\\\\a.pdf":"win","./b/c.pdf":"dot"}');
  assert.deepEqual(map, { 'sub/dir/a.pdf': 'win', 'b/c.pdf': 'dot' });
  assert.equal(passwordFor('sub/dir/a.pdf', map), 'win');
  assert.equal(passwordFor('b/c.pdf', map), 'dot');
});

test('passwords: null, a number or a nested object is an error naming the key, not a skipped entry', () => {
  for (const value of ['null', '5', '{"p":"x"}', '["x"]', 'true'])
    assert.throws(
      () => parsePasswordMap(`{"ok.pdf":"fine","bad.pdf":${value}}`),
      /the password for "bad\.pdf" must be a string/,
    );
  assert.throws(() => parsePasswordMap('null'), /JSON object/);
  assert.throws(() => parsePasswordMap('"secret"'), /JSON object/);
});
