import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateCost, pageRanges } from '../../../../src/workers/child/plan';

test('cost estimate: scans and images before text documents', () => {
  const scan = estimateCost('scan.pdf', 10 * 1024 * 1024, { pages: 30, sampledCharsPerPage: 0 });
  const text = estimateCost('long.pdf', 1024 * 1024, { pages: 200, sampledCharsPerPage: 2000 });
  const image = estimateCost('photo.jpg', 500_000);
  const docx = estimateCost('memo.docx', 40_000);
  assert.ok(
    scan > image && image > text && image > docx,
    JSON.stringify({ scan, image, text, docx }),
  );
});

test('page ranges: long scans split about twice per worker; others whole', () => {
  assert.deepEqual(pageRanges({ pages: 30, sampledCharsPerPage: 0 }, 2, true), [
    { from: 1, to: 8 },
    { from: 9, to: 16 },
    { from: 17, to: 24 },
    { from: 25, to: 30 },
  ]);
  assert.equal(pageRanges({ pages: 30, sampledCharsPerPage: 0 }, 1, true).length, 1);
  assert.equal(pageRanges({ pages: 30, sampledCharsPerPage: 0 }, 2, false).length, 1);
  assert.equal(pageRanges({ pages: 3, sampledCharsPerPage: 0 }, 4, true).length, 1);
  assert.deepEqual(pageRanges({ pages: 4, sampledCharsPerPage: 0 }, 2, true), [
    { from: 1, to: 2 },
    { from: 3, to: 4 },
  ]);
  assert.equal(pageRanges({ pages: 120, sampledCharsPerPage: 1500 }, 4, true).length, 1);
});
