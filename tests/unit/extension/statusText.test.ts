// Status-bar text and tooltip while a batch runs and after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  emptyLiveStats,
  finishedText,
  percentile,
  runningText,
  tooltipLines,
} from '../../../src/extension/statusText';

test('status bar: running and finished texts follow the spec', () => {
  const live = { ...emptyLiveStats(), done: 37, total: 100, filesPerMin: 42.4, treeRssMb: 610.2 };
  assert.equal(runningText(live), '$(loading~spin) 37/100 · 42 files/min · 610 MB');
  assert.equal(finishedText({ files: 100, failed: 2 }), '$(check) 100 files · 2 failed');
  assert.equal(finishedText({ files: 100, failed: 0 }), '$(check) 100 files');
});

test('status bar tooltip: workers, queue, p95 per file and peak memory', () => {
  const live = {
    ...emptyLiveStats(),
    workers: 2,
    active: 1,
    queued: 7,
    peakRssMb: 700,
    fileMs: Array.from({ length: 100 }, (_, i) => (i + 1) * 100),
  };
  assert.deepEqual(tooltipLines(live).slice(0, 4), [
    'Workers: 2 (1 busy)',
    'Queue: 7 files',
    'p95 per file: 9.5 s',
    'Peak memory: 700 MB',
  ]);
  assert.equal(percentile([], 95), undefined);
  assert.equal(percentile([5], 95), 5);
});
