// Admission by footprint on its own: what is held is the larger of sampled RSS plus what running
// tasks have not shown yet, and the idle floor plus every declaration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryAdmission } from '../../../../src/workers/child/admission';

test('admission: a task whose footprint exceeds the remaining budget waits; it fits once room is freed', () => {
  const admission = new MemoryAdmission(1000, 150);
  admission.observe(200);
  const first = admission.reserve(500);
  // Held: floor 200 + 500 declared = 700; admission fills 90% of the limit, so 200 more fit.
  assert.equal(admission.committedMb(), 700);
  assert.equal(admission.admits(200), true);
  assert.equal(admission.admits(201), false);
  admission.release(first);
  assert.equal(admission.admits(201), true);
});

test('admission: a task bigger than the budget runs alone, and nothing starts beside it', () => {
  const admission = new MemoryAdmission(512, 150);
  admission.observe(160);
  assert.equal(admission.fitsAlone(340), true, '150 baseline + 340 fits 512');
  assert.equal(admission.fitsAlone(400), false, 'cannot fit even alone: the caller refuses it');
  const small = admission.reserve(50);
  assert.equal(admission.admits(340), false, 'it waits while anything runs');
  admission.release(small);
  assert.equal(admission.admits(340), true, 'with nothing running it starts');
  admission.reserve(340);
  assert.equal(admission.admits(20), false, 'nothing starts beside it');
});

test('admission: RSS a running task has already shown is not counted twice', () => {
  const admission = new MemoryAdmission(1000, 150);
  admission.observe(200);
  admission.reserve(400);
  // The task has shown 300 of its 400: held = max(500 + 100 not yet shown, 200 + 400).
  admission.observe(500);
  assert.equal(admission.committedMb(), 600);
  // RSS beyond what was declared (another thread's engine, say) counts as it is.
  admission.observe(900);
  assert.equal(admission.committedMb(), 900);
  assert.equal(admission.admits(1), false, 'already at 90% of the limit');
});

test('admission: the idle floor follows RSS down while tasks run, never below the baseline', () => {
  const admission = new MemoryAdmission(1000, 150);
  admission.observe(700); // a big task's leftovers, nothing running
  const task = admission.reserve(100);
  assert.equal(admission.committedMb(), 800);
  admission.observe(300); // the leftovers were given back
  assert.equal(admission.committedMb(), 400, 'floor 300 + 100 declared');
  admission.release(task);
  admission.observe(90); // before the pool loaded its libraries
  admission.reserve(100);
  assert.equal(admission.committedMb(), 250, 'the baseline, not 90, is the floor');
});

test('admission: a limit too small for an ordinary page refuses nothing: all runs, one at a time', () => {
  const admission = new MemoryAdmission(256, 150);
  assert.equal(admission.fitsAlone(700), true);
  admission.reserve(200);
  assert.equal(admission.admits(20), false);
});

test("admission: what a task's thread already holds (a warm OCR heap) is taken off its reservation", () => {
  const admission = new MemoryAdmission(1000, 150);
  admission.observe(560); // two threads with warm engines, one task running
  const running = admission.reserve(200);
  assert.equal(admission.committedMb(), 760, 'nothing shown yet: 560 + 200');
  assert.equal(admission.admits(200), false, '760 + 200 > 900');
  admission.lower(running, 125);
  assert.equal(admission.committedMb(), 635, 'only its 75 MB of page buffers is still to come');
  assert.equal(admission.admits(200), true);
  admission.lower(running, 500);
  assert.equal(running.mb, 0, 'never below nothing');
});
