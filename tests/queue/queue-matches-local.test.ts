// A batch spread over three queue worker processes ends as a local run of the same folder does:
// the same report entries (status, code, pages, OCR) and byte-identical outputs; a rerun of the
// queued command is answered from the cache without adding a job.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { sampleDir } from '../support/paths';
import {
  outputsOf,
  readReport,
  redisSkip,
  runCli,
  startRedis,
  startWorker,
  stopWorker,
  tempDir,
  testQueue,
} from '../support/queue-harness';

/** What must match between runs: everything but times, attempts and where the output went. */
function comparable(report: Awaited<ReturnType<typeof readReport>>) {
  return report.files.map(({ ms: _ms, output, attempts: _a, cached: _c, ...rest }) => ({
    ...rest,
    output: output !== undefined,
  }));
}

test(
  'three queue workers give the statuses and outputs of a local run',
  { skip: redisSkip, timeout: 180_000 },
  async () => {
    const root = tempDir('folio-queue-local-');
    const localOut = path.join(root, 'local');
    const queuedOut = path.join(root, 'queued');
    const localReport = path.join(root, 'local.json');
    const redis = await startRedis();
    const workers = await Promise.all(
      ['w1', 'w2', 'w3'].map((name) => startWorker(redis.url, name)),
    );
    // OCR off: on a shared 2-core machine the two OCR'd scans alone take most of a minute; the
    // queue's part (plan, jobs, one child per job, outputs) is the same with it on.
    const common = ['--no-ocr', '--quiet'];
    const args = ['extract', sampleDir, '--out', queuedOut, '--queue', redis.url, ...common];
    // Both at once, to stay well under a minute.
    const [localEnd, end] = await Promise.all([
      runCli(['extract', sampleDir, '--out', localOut, ...common, '--report', localReport]).then(
        (run) => run.exited,
      ),
      runCli([...args, '--report', path.join(root, 'queued.json')]).then((run) => run.exited),
    ]);
    assert.equal(localEnd.code, 0, localEnd.stderr);
    assert.equal(end.code, 0, end.stderr);

    const local = await readReport(localReport);
    const queuedReport = await readReport(path.join(root, 'queued.json'));
    assert.deepEqual(comparable(queuedReport), comparable(local));
    assert.deepEqual(queuedReport.totals.files, local.totals.files);
    for (const file of queuedReport.files) {
      if (file.output) assert.ok(file.output.startsWith(queuedOut + path.sep), file.output);
    }
    const localOutputs = await outputsOf(localOut);
    const queuedOutputs = await outputsOf(queuedOut);
    assert.deepEqual([...queuedOutputs.keys()].sort(), [...localOutputs.keys()].sort());
    for (const [rel, bytes] of localOutputs) {
      assert.ok(queuedOutputs.get(rel)?.equals(bytes), `${rel} differs from the local run's`);
    }
    const queue = testQueue(redis.url);
    const jobs = await queue.getJobCounts('completed', 'failed');
    assert.equal(jobs.completed, queuedReport.files.filter((f) => f.status !== 'skipped').length);

    // The same command again: everything from the cache, no new job.
    const again = await runCli([...args, '--report', path.join(root, 'again.json')]);
    assert.equal((await again.exited).code, 0);
    const againReport = await readReport(path.join(root, 'again.json'));
    assert.ok(againReport.files.every((f) => f.cached || f.status === 'skipped'));
    assert.deepEqual(await queue.getJobCounts('completed', 'failed'), jobs);
    await Promise.all(workers.map(stopWorker));
  },
);
