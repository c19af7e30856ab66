// For real: a 600-dpi A3 scan (a 200 KB file whose page decodes to about 500 MB) cannot fit a
// 512 MB budget even alone, so the child refuses it before any thread decodes it: TOO_LARGE with
// what it needs and the way out, not a tree above the limit. With the default budget it is read.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import { defaultExtractOptions } from '../../src/shared/options';
import { writeBigScanPdf } from '../support/big-scan';
import { batchOptions, faultRunner, runBatch, tempFolder } from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

test('for real: a page that cannot fit the memory limit even alone is TOO_LARGE, not run', async () => {
  const input = tempFolder();
  writeBigScanPdf(path.join(input, 'a3-600dpi.pdf'));
  const started = Date.now();
  const run = await runBatch(
    await runnerPromise,
    input,
    batchOptions(input, { workers: 2, memoryLimitMb: 512, cache: false }),
    defaultExtractOptions,
  );
  const file = run.byPath.get('a3-600dpi.pdf');
  assert.equal(file?.status, 'failed');
  assert.equal(file?.code, 'TOO_LARGE');
  assert.match(file?.message ?? '', /needs about [\d,]+ MB .*7,016 × 9,921 px.*512 MB/);
  assert.match(file?.message ?? '', /--memory-limit-mb/);
  assert.equal(file?.attempts, 0, 'never started on a thread');
  assert.ok(Date.now() - started < 20_000, 'refused up front, not after decoding');
});
