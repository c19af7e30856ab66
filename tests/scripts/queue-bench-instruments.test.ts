// The queue bench's instruments (scripts/bench/process-tree-cpu.ts, job-phases.ts): the CPU of a
// process tree whose children exit unreaped, and a job's phases from a worker's trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { jobPhases } from '../../scripts/bench/job-phases';
import { cpuSecondsFromStat, ProcessTreeCpuSampler } from '../../scripts/bench/process-tree-cpu';

test('utime + stime are read after the command name, whatever it holds', () => {
  // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
  const stat = '42 (node (a) b) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 1';
  assert.equal(cpuSecondsFromStat(stat), 3);
});

test("a tree's CPU counts a grandchild that exits before its parent", async () => {
  // The parent spins 0.4 s itself and starts a child that spins 0.6 s and exits first.
  // Spins on its own CPU time, not the clock: on a loaded machine a clock spin gets little CPU.
  const spin = (ms: number) =>
    `const s=process.cpuUsage();for(let u=s;u.user+u.system<${ms * 1000};u=process.cpuUsage(s));`;
  const child = `require('child_process').spawn(process.execPath,['-e',${JSON.stringify(spin(600))}]).on('exit',()=>{${spin(400)}})`;
  const parent = spawn(process.execPath, ['-e', child], { stdio: 'ignore' });
  const sampler = new ProcessTreeCpuSampler([parent.pid as number], 50).start();
  await new Promise((resolve) => parent.on('exit', resolve));
  const seconds = sampler.stop();
  // Node's own start-up adds a little; a lost grandchild would leave about 0.4 s.
  assert.ok(seconds > 0.85 && seconds < 2.5, `${seconds} s`);
});

test("a job's set-up, file, wrap-up and the gap to the worker's next job", () => {
  const line = (t: number, job: string, phase: string, worker = 'w1') =>
    JSON.stringify({ t, worker, job, phase });
  const trace = [
    line(1000, 'a', 'taken'),
    line(1700, 'a', 'fileStarted'),
    line(3700, 'a', 'fileDone'),
    line(3750, 'a', 'returned'),
    line(3760, 'b', 'taken'),
    line(3800, 'b', 'fileStarted'),
    line(4800, 'b', 'fileDone'),
    line(4830, 'b', 'returned'),
    line(5000, 'c', 'taken', 'w2'),
    line(5900, 'c', 'fileStarted', 'w2'),
  ].join('\n');
  const phases = jobPhases(`${trace}\n`);
  assert.equal(phases.jobs, 3);
  // Each worker's first job starts its child and pool: counted apart.
  assert.deepEqual([phases.firstSetUpMs.n, phases.firstSetUpMs.max], [2, 900]);
  assert.deepEqual([phases.setUpMs.n, phases.setUpMs.p50], [1, 40]);
  assert.deepEqual([phases.fileMs.n, phases.fileMs.total], [2, 3000]);
  assert.deepEqual([phases.wrapUpMs.n, phases.wrapUpMs.total], [2, 80]);
  assert.deepEqual([phases.betweenJobsMs.n, phases.betweenJobsMs.p50], [1, 10]);
});
