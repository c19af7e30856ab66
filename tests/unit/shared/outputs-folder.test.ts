import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { outputsFolderFor } from '../../../src/shared/outputs-folder';
import { defaultOutDir } from '../../../src/workers/child/locations';

test('one outputs folder per input folder, named after it', () => {
  const a = outputsFolderFor('/store', '/work/a/docs');
  const b = outputsFolderFor('/store', '/work/b/docs');
  assert.match(a, /^\/store\/outputs\/docs-[0-9a-f]{16}$/);
  assert.notEqual(a, b, 'two folders called docs');
  assert.equal(outputsFolderFor('/store', '/work/a/docs/'), a, 'a trailing slash');
  assert.equal(outputsFolderFor('/store', path.relative(process.cwd(), '/work/a/docs')), a);
  assert.match(outputsFolderFor('/store', '/'), /^\/store\/outputs\/root-[0-9a-f]{16}$/);
});

test('the child and the extension name a folder’s outputs alike', () => {
  // The extension calls outputsFolderFor itself (it cannot be imported here: it needs vscode).
  assert.equal(defaultOutDir('/cache', '/work/a/docs'), outputsFolderFor('/cache', '/work/a/docs'));
});
