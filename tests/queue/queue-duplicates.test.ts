// Files with the same bytes are one job, as they are one extraction in a local run: with the
// cache off, three copies of a document and one other file make two jobs, and the report and
// outputs are the local run's (the copies name the first in walk order in `duplicateOf`).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sampleDir } from '../support/paths';
import {
  coordinatorArgs,
  outputsOf,
  queuedBatch,
  readReport,
  redisSkip,
  runCli,
  startRedis,
  startWorker,
  stopWorker,
  testQueue,
} from '../support/queue-harness';

test(
  'copies of one file are one queue job and report duplicateOf as locally',
  { skip: redisSkip, timeout: 120_000 },
  async () => {
    const docx = readFileSync(path.join(sampleDir, 'meeting-notes-with-table.docx'));
    const pdf = readFileSync(path.join(sampleDir, 'board-minutes-two-column.pdf'));
    const batch = queuedBatch({ 'a/notes.docx': docx, 'b/notes.docx': docx, 'c.docx': docx });
    const other = queuedBatch({ 'a/notes.docx': docx, 'b/notes.docx': docx, 'c.docx': docx });
    for (const input of [batch.input, other.input]) {
      writeFileSync(path.join(input, 'minutes.pdf'), pdf);
    }
    const redis = await startRedis();
    const worker = await startWorker(redis.url, 'w1');
    const queued = await runCli(coordinatorArgs(batch, redis.url, { extra: ['--no-cache'] }));
    const end = await queued.exited;
    assert.equal(end.code, 0, end.stderr);
    const local = await runCli([
      ...['extract', other.input, '--out', other.out, '--report', other.reportFile],
      ...['--no-cache', '--no-ocr', '--quiet', '--workers', '1'],
    ]);
    assert.equal((await local.exited).code, 0);

    const jobs = await testQueue(redis.url).getJobCounts('completed', 'failed');
    assert.deepEqual(jobs, { completed: 2, failed: 0 });
    const report = await readReport(batch.reportFile);
    // The first copy in walk order (the walk takes a folder's files before its subfolders).
    const copies = report.files.filter((f) => f.path.endsWith('.docx'));
    assert.deepEqual(
      copies.map((f) => f.duplicateOf),
      [undefined, copies[0].path, copies[0].path],
    );
    assert.deepEqual(
      copies.map((f) => f.attempts),
      [1, 0, 0],
    );
    const comparable = (r: typeof report) =>
      r.files.map(({ ms: _ms, output, attempts, cached: _c, ...rest }) => ({
        ...rest,
        output: output !== undefined,
        run: (attempts ?? 0) > 0,
      }));
    assert.deepEqual(comparable(report), comparable(await readReport(other.reportFile)));
    const outputs = await outputsOf(batch.out);
    assert.deepEqual([...outputs.keys()].sort(), [...(await outputsOf(other.out)).keys()].sort());
    const first = outputs.get(`${copies[0].path}.md`);
    assert.ok(first && outputs.get(`${copies[2].path}.md`)?.equals(first));
    await stopWorker(worker);
  },
);
