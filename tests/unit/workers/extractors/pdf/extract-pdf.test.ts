// The pure helpers of the PDF extractor; whole-file behaviour is in hostile-pdf.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasEndMarker } from '../../../../../src/workers/extractors/pdf/extract-pdf';

test('a missing end-of-file marker is noticed', () => {
  assert.equal(hasEndMarker(Buffer.from('%PDF-1.4\n...\n%%EOF\n')), true);
  assert.equal(hasEndMarker(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Ty')), false);
});
