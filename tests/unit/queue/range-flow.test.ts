// A long scan's flow on the queue: deterministic ids (a rerun adds nothing twice), range jobs that
// carry the pages and no text, and the merge's view of its ranges: finished ranges with their
// times, a range that failed in the child with its own outcome (as locally), and one whose
// workers died twice as WORKER_LOST naming its pages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FolioJobData, FolioJobResult } from '../../../src/queue/job-data';
import { mergePart, rangeFlow, rangeJobId } from '../../../src/queue/range-flow';

const data = {
  input: '/in',
  rel: 'scan.pdf',
  abs: '/in/scan.pdf',
  sha256: 'aa',
  outDir: '/out',
  cacheDir: '/out/.folio-cache',
  batch: { format: 'md', cache: true },
  extract: {},
} as unknown as FolioJobData;
const ranges = [
  { from: 1, to: 2 },
  { from: 3, to: 4 },
  { from: 5, to: 6 },
];
const fileId = 'f-0123456789abcdef0123456789abcdef01234567';

test('range flow: the merge job under the file id, one child per range, ids stable', () => {
  const flow = rangeFlow('extract', fileId, data, ranges, { attempts: 2 });
  assert.equal(flow.opts?.jobId, fileId);
  assert.equal(flow.name, 'merge');
  assert.deepEqual(flow.data.ranges, ranges);
  const children = flow.children ?? [];
  assert.deepEqual(
    children.map((c) => c.opts?.jobId),
    [
      'r-0123456789abcdef0123456789abcdef01234567-1-2',
      `r-${fileId.slice(2)}-3-4`,
      `r-${fileId.slice(2)}-5-6`,
    ],
  );
  assert.deepEqual(
    children.map((c) => (c.data as FolioJobData).range),
    ranges,
  );
  assert.ok(children.every((c) => c.opts?.ignoreDependencyOnFailure === true));
  assert.ok(children.every((c) => (c.data as FolioJobData).ranges === undefined));
  assert.ok(!rangeJobId(fileId, ranges[0]).includes(':'));
});

test('merge part: finished, failed-in-child and lost ranges', () => {
  const result = (status: string, extra: object = {}): FolioJobResult =>
    ({
      worker: 'w1',
      report: { path: 'scan.pdf', kind: 'pdf', status, ms: 1200, attempts: 1, ...extra },
    }) as FolioJobResult;
  const values = new Map<string, unknown>([
    [rangeJobId(fileId, ranges[0]), result('ok', { pages: 2 })],
    [
      rangeJobId(fileId, ranges[1]),
      result('failed', { code: 'TIMEOUT', message: 'no progress for 120 s', attempts: 1 }),
    ],
  ]);
  const failures = new Map([
    [rangeJobId(fileId, ranges[2]), 'job stalled more than allowable limit'],
  ]);
  const part = mergePart(fileId, { ...data, ranges }, values, failures);
  assert.equal(part.type, 'merge');
  assert.deepEqual(part.ranges[0], { range: ranges[0], ms: 1200, attempts: 1 });
  assert.deepEqual(part.ranges[1].failed, {
    kind: 'pdf',
    status: 'failed',
    code: 'TIMEOUT',
    message: 'no progress for 120 s',
  });
  assert.equal(part.ranges[2].failed?.code, 'WORKER_LOST');
  assert.match(part.ranges[2].failed?.message ?? '', /pages 5–6/);
});
