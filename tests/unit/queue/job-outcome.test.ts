import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseJobResult,
  reportFromFailure,
  reportFromResult,
} from '../../../src/queue/job-outcome';

test('a job stalled past the limit is WORKER_LOST, with the attempts', () => {
  const report = reportFromFailure('scans/a.pdf', 'job stalled more than allowable limit', 2);
  assert.equal(report.status, 'failed');
  assert.equal(report.code, 'WORKER_LOST');
  assert.equal(report.kind, 'pdf');
  assert.equal(report.attempts, 2);
  assert.match(report.message ?? '', /stopped twice/);
});

test('any other failure is INTERNAL and says why', () => {
  const report = reportFromFailure('b.docx', 'The child process did not start.', 2);
  assert.equal(report.code, 'INTERNAL');
  assert.match(report.message ?? '', /did not start/);
});

test('the output path of a worker is resolved against the folder of the coordinator', () => {
  const result = {
    report: {
      path: 'a/b.pdf',
      kind: 'pdf' as const,
      status: 'ok' as const,
      ms: 5,
      output: 'a/b.pdf.md',
    },
    worker: 'w1',
  };
  assert.equal(reportFromResult(result, '/mnt/out').output, '/mnt/out/a/b.pdf.md');
  const failed = {
    ...result,
    report: { ...result.report, status: 'failed' as const, output: undefined },
  };
  assert.equal(reportFromResult(failed, '/mnt/out').output, undefined);
});

test('return values are read from objects or JSON text; anything else is no result', () => {
  const value = { report: { path: 'x.pdf', status: 'ok' }, worker: 'w' };
  assert.equal(parseJobResult(value)?.report.path, 'x.pdf');
  assert.equal(parseJobResult(JSON.stringify(value))?.worker, 'w');
  assert.equal(parseJobResult('not json'), undefined);
  assert.equal(parseJobResult({ report: {} }), undefined);
  assert.equal(parseJobResult(null), undefined);
});
