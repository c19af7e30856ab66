// One summary wording: cancelled files are named, a cached run says so instead of a rate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunTotals } from '../../../src/shared/report';
import { countsLine, rateLine } from '../../../src/shared/run-summary';

const totals: RunTotals = {
  files: 33,
  ok: 20,
  partial: 0,
  failed: 0,
  skipped: 13,
  cancelled: 13,
  cached: 0,
  wallMs: 21_400,
  filesPerMin: 56.1,
  peakRssMb: 400,
};

test('a cancelled run says how many files were cancelled', () => {
  assert.equal(
    countsLine(totals),
    '33 files: 20 ok, 0 partial, 0 failed, 13 skipped (13 cancelled)',
  );
  assert.equal(rateLine(totals), '21.4 s, 56.1 files/min extracted');
});

test('a run from the cache gives no rate; a mixed one says how many came from it', () => {
  assert.equal(
    rateLine({ ...totals, skipped: 0, cancelled: 0, cached: 33, filesPerMin: 0, wallMs: 450 }),
    '0.5 s, all 33 from the cache',
  );
  assert.equal(
    rateLine({ ...totals, skipped: 0, cached: 3 }),
    '21.4 s, 56.1 files/min extracted (3 more from the cache)',
  );
});
