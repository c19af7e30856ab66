// Document text and passwords never travel through Redis: after a queued batch with a password
// file, nothing in the database (keys, job data, return values, events) holds a password or any
// line of any output. Each worker reads the passwords from its own --password-file.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sampleDir } from '../support/paths';
import {
  coordinatorArgs,
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

const PASSWORD = 'pw-Zq81-never-in-redis';

test(
  'no password and no document text in Redis',
  { skip: redisSkip, timeout: 90_000 },
  async () => {
    const root = tempDir('folio-queue-privacy-');
    const passwords = path.join(root, 'passwords.json');
    writeFileSync(
      passwords,
      JSON.stringify({
        'truncated-statement.pdf': PASSWORD,
        'meeting-notes-with-table.docx': PASSWORD,
      }),
    );
    const out = path.join(root, 'out');
    const reportFile = path.join(root, 'report.json');
    const redis = await startRedis();
    const worker = await startWorker(redis.url, 'private', ['--password-file', passwords]);
    const coordinator = await runCli(
      coordinatorArgs({ input: sampleDir, out, reportFile }, redis.url, {
        extra: ['--password-file', passwords],
      }),
    );
    const end = await coordinator.exited;
    assert.equal(end.code, 0, end.stderr);
    const report = await readReport(reportFile);
    assert.ok(report.files.some((f) => f.status === 'ok'));

    const dump = redis.dump();
    assert.ok(dump.includes('meeting-notes-with-table.docx'), 'the dump holds the jobs');
    assert.ok(!dump.includes(PASSWORD), 'a password is in Redis');
    let lines = 0;
    for (const [rel, bytes] of await outputsOf(out)) {
      for (const line of bytes.toString('utf8').split('\n')) {
        // Lines long enough to be document text, not a heading or a table rule.
        if (line.trim().length < 40) continue;
        lines++;
        assert.ok(!dump.includes(line.trim()), `a line of ${rel} is in Redis: ${line}`);
      }
    }
    assert.ok(lines > 20, `only ${lines} lines checked`);
    const [job] = await testQueue(redis.url).getJobs(['completed'], 0, 0);
    assert.deepEqual(Object.keys(job.data).sort(), [
      'abs',
      'batch',
      'cacheDir',
      'extract',
      'input',
      'outDir',
      'output',
      'rel',
      'sha256',
    ]);
    assert.equal('password' in job.data.extract, false);
    await stopWorker(worker);
  },
);
