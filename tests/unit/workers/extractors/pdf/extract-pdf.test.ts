// The pure helpers of the PDF extractor; whole-file behaviour is in hostile-pdf.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hasEndMarker,
  PROGRESS_INTERVAL_MS,
  throttledProgress,
} from '../../../../../src/workers/extractors/pdf/extract-pdf';

test('a missing end-of-file marker is noticed', () => {
  assert.equal(hasEndMarker(Buffer.from('%PDF-1.4\n...\n%%EOF\n')), true);
  assert.equal(hasEndMarker(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Ty')), false);
});

test('page progress is passed on at most every interval, and always for the last page', () => {
  const sent: number[] = [];
  let clock = 0;
  const progress = throttledProgress(
    (u) => sent.push(u.page ?? -1),
    10,
    () => clock,
  );
  for (let page = 1; page <= 10; page++) {
    progress(page, 10);
    clock += PROGRESS_INTERVAL_MS / 4;
  }
  // Pages 1, 5 and 9 start a new interval; page 10 is the last.
  assert.deepEqual(sent, [1, 5, 9, 10]);
});
