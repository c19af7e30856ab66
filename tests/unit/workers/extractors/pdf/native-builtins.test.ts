// pdfjs's legacy build bundles core-js, whose polyfills replace some working natives (Array
// push, JSON) for the whole thread on Node 20; loading pdfjs through load-pdfjs puts them back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  loadImageDecoders,
  loadPdfjs,
  withNativeBuiltins,
} from '../../../../../src/workers/extractors/pdf/load-pdfjs';

test('after pdfjs and its image decoders load, push and JSON are still the natives', async () => {
  const natives = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
  await loadPdfjs();
  await loadImageDecoders();
  assert.deepEqual(
    [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString],
    natives,
  );
  // What the polyfills add is kept: pdfjs needs it on Node 20.
  assert.equal(typeof (Promise as { withResolvers?: unknown }).withResolvers, 'function');
});

test('a loader that replaces push gets it put back, also when the load fails', async () => {
  const native = Array.prototype.push;
  const fake = function push(this: unknown[], ...items: unknown[]) {
    return native.apply(this, items);
  };
  await withNativeBuiltins(async () => {
    Array.prototype.push = fake;
  });
  assert.equal(Array.prototype.push, native);
  await assert.rejects(
    withNativeBuiltins(async () => {
      Array.prototype.push = fake;
      throw new Error('load failed');
    }),
  );
  assert.equal(Array.prototype.push, native);
});
