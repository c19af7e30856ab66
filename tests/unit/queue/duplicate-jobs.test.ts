import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  deliverFollowers,
  followerReport,
  splitDuplicates,
} from '../../../src/queue/duplicate-jobs';
import type { FileReport } from '../../../src/shared/report';

const file = (rel: string, sha256: string) => ({ rel, sha256, outputPath: `/out/${rel}.md` });

test('one job per content: the first in walk order leads, in the order the plan gave', () => {
  // The plan is biggest first; walk order is by path.
  const planned = [file('b/scan.pdf', 'S'), file('a/scan.pdf', 'S'), file('c.docx', 'D')];
  planned.push(file('z/scan.pdf', 'S'));
  const walk = ['a/scan.pdf', 'b/scan.pdf', 'c.docx', 'z/scan.pdf'];
  const { leaders, followersOf } = splitDuplicates(planned, walk, (f) => f.sha256);
  assert.deepEqual(
    leaders.map((f) => f.rel),
    ['a/scan.pdf', 'c.docx'],
  );
  assert.deepEqual(
    followersOf.get('a/scan.pdf')?.map((f) => f.rel),
    ['b/scan.pdf', 'z/scan.pdf'],
  );
  assert.equal(followersOf.has('c.docx'), false);
});

test('the same bytes under another password are another job', () => {
  const planned = [file('a.pdf', 'S'), file('b.pdf', 'S')];
  const tag = (f: { rel: string }) => (f.rel === 'a.pdf' ? 'secret-1' : 'secret-2');
  const { leaders, followersOf } = splitDuplicates(
    planned,
    ['a.pdf', 'b.pdf'],
    (f) => `${f.sha256}/${tag(f)}`,
  );
  assert.equal(leaders.length, 2);
  assert.equal(followersOf.size, 0);
});

const leader: FileReport = {
  path: 'a/scan.pdf',
  kind: 'pdf',
  status: 'partial',
  code: 'LOW_OCR_CONFIDENCE' as FileReport['code'],
  pages: 3,
  ocrPages: 3,
  ms: 4400,
  output: '/out/a/scan.pdf.md',
  attempts: 1,
  sha256: 'S',
  size: 1000,
  outputSha256: 'O',
  cached: true,
  nearDuplicates: [{ path: 'x.pdf', similarity: 0.9 }],
};

test("a follower has its leader's outcome, its own path and output, not run", () => {
  const report = followerReport(leader, file('b/scan.pdf', 'S'), 3.4);
  assert.equal(report.path, 'b/scan.pdf');
  assert.equal(report.output, '/out/b/scan.pdf.md');
  assert.equal(report.duplicateOf, 'a/scan.pdf');
  assert.equal(report.attempts, 0);
  assert.equal(report.ms, 3);
  assert.equal(report.status, 'partial');
  assert.equal(report.code, 'LOW_OCR_CONFIDENCE');
  assert.equal(report.pages, 3);
  assert.equal(report.outputSha256, 'O');
  assert.equal(report.cached, undefined);
  assert.equal(report.nearDuplicates, undefined);
  const failed = followerReport(
    { ...leader, status: 'failed', code: 'CORRUPT', output: undefined },
    file('b/scan.pdf', 'S'),
    0,
  );
  assert.equal(failed.output, undefined);
  assert.equal(failed.code, 'CORRUPT');
});

test("the leader's output is copied to each follower; a failed copy fails that follower only", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-dup-'));
  const output = path.join(dir, 'a.pdf.md');
  writeFileSync(output, '# the text\n');
  const good = { rel: 'b.pdf', sha256: 'S', outputPath: path.join(dir, 'b.pdf.md') };
  // Under a file, not a folder: the copy cannot be made.
  const bad = { rel: 'c.pdf', sha256: 'S', outputPath: path.join(output, 'c.pdf.md') };
  const reports = await deliverFollowers({ ...leader, path: 'a.pdf', output }, [good, bad]);
  assert.equal(readFileSync(good.outputPath, 'utf8'), '# the text\n');
  assert.equal(reports[0].status, 'partial');
  assert.equal(reports[0].output, good.outputPath);
  assert.equal(reports[1].status, 'failed');
  assert.equal(reports[1].duplicateOf, 'a.pdf');
  assert.equal(reports[1].output, undefined);
});
