// Idle slot-time from an admission trace: charged to the scheduler's reason while a task waits,
// to the files' off-pool phases while nothing is queued, and to the tail once all are taken.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idleByCause, type TraceEvent } from '../../scripts/bench/idle-causes';

test('idle slot-time is charged to admission, preparation and the tail', () => {
  const events: TraceEvent[] = [
    { t: 0, type: 'batch', workers: 2, files: 3 },
    { t: 0, type: 'phase', file: 'a', phase: 'preparing' },
    { t: 0, type: 'phase', file: 'b', phase: 'preparing' },
    { t: 0, type: 'phase', file: 'c', phase: 'preparing' },
    // 0-100: both slots idle while three files prepare.
    { t: 100, type: 'ready', seq: 0, file: 'a' },
    { t: 100, type: 'start', seq: 0, file: 'a' },
    { t: 100, type: 'ready', seq: 1, file: 'b' },
    { t: 100, type: 'blocked', seq: 1, cause: 'admission' },
    // 100-300: one slot idle, b held by admission.
    {
      t: 300,
      type: 'end',
      seq: 0,
      file: 'a',
      task: 'extract',
      footprintMb: 200,
      observedMb: 50,
      alone: true,
    },
    { t: 300, type: 'phase', file: 'a', phase: 'done' },
    { t: 300, type: 'start', seq: 1, file: 'b' },
    // 300-400: one slot idle, c still preparing.
    { t: 400, type: 'phase', file: 'c', phase: 'duplicate-wait' },
    // 400-500: one slot idle, c waits for a duplicate.
    { t: 500, type: 'phase', file: 'c', phase: 'done' },
    // 500-600: one slot idle, every file taken: the tail.
    {
      t: 600,
      type: 'end',
      seq: 1,
      file: 'b',
      task: 'extract',
      footprintMb: 100,
      observedMb: 90,
      alone: false,
    },
    { t: 600, type: 'batchEnd' },
  ];
  const s = idleByCause(events);
  assert.equal(s.wallMs, 600);
  assert.deepEqual(s.idleMsByCause, {
    preparing: 200 + 100,
    admission: 200,
    'duplicate-wait': 100,
    tail: 100,
  });
  assert.equal(s.busyShare, 500 / 1200);
  assert.deepEqual(s.footprints, {
    alone: 1,
    declaredMb: 200,
    observedMb: 50,
    tasks: [{ file: 'a', declaredMb: 200, observedMb: 50 }],
  });
});
