// The coordinator's split of a long scan into range jobs: ranges of about --range-pages pages,
// as equal as the page count allows, covering every page once; text PDFs, OCR off and scans of
// at most that many pages stay one job; a worker with several threads cuts its range again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subRanges } from '../../../../src/workers/child/file-part';
import { queueRanges } from '../../../../src/workers/child/plan';

const scan = (pages: number) => ({ pages, sampledCharsPerPage: 0 });

test('queue ranges: a long scan in ranges of about rangePages pages, every page once', () => {
  assert.deepEqual(queueRanges(scan(21), 10, true), [
    { from: 1, to: 7 },
    { from: 8, to: 14 },
    { from: 15, to: 21 },
  ]);
  assert.deepEqual(queueRanges(scan(6), 2, true), [
    { from: 1, to: 2 },
    { from: 3, to: 4 },
    { from: 5, to: 6 },
  ]);
  for (const pages of [11, 97, 300]) {
    const ranges = queueRanges(scan(pages), 10, true);
    assert.equal(ranges.length, Math.ceil(pages / 10));
    assert.equal(ranges[0].from, 1);
    assert.equal(ranges.at(-1)?.to, pages);
    ranges.slice(1).forEach((r, i) => assert.equal(r.from, ranges[i].to + 1));
    assert.ok(ranges.every((r) => r.to - r.from + 1 <= 10));
  }
});

test('queue ranges: one range for short scans, text PDFs and OCR off', () => {
  assert.deepEqual(queueRanges(scan(10), 10, true), [{ from: 1, to: 10 }]);
  assert.equal(queueRanges(scan(300), 10, false).length, 1);
  assert.equal(queueRanges({ pages: 300, sampledCharsPerPage: 1500 }, 10, true).length, 1);
});

test('a range job on a pool of several threads is cut again by the local rule', () => {
  assert.deepEqual(subRanges({ from: 11, to: 20 }, 2), [
    { from: 11, to: 13 },
    { from: 14, to: 16 },
    { from: 17, to: 19 },
    { from: 20, to: 20 },
  ]);
  assert.deepEqual(subRanges({ from: 5, to: 8 }, 2), [
    { from: 5, to: 6 },
    { from: 7, to: 8 },
  ]);
  assert.deepEqual(subRanges({ from: 11, to: 20 }, 1), [{ from: 11, to: 20 }]);
  assert.deepEqual(subRanges({ from: 3, to: 5 }, 4), [{ from: 3, to: 5 }]);
});
