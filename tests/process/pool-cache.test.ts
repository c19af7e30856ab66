// The cache: a re-run over an unchanged folder does no extraction (no file is started), a
// changed file is extracted again, --no-cache forces work, and the outputs are there each time.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { defaultExtractOptions } from '../../src/shared/options';
import { batchOptions, faultRunner, noOcr, runBatch, tempFolder } from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

test('second run is all cache hits; a changed file and --no-cache are extracted', async () => {
  const runner = await runnerPromise;
  const input = tempFolder({
    'one.fault-ok': 'first document',
    'sub/two.fault-ok': 'second document',
    'broken.fault-throw': 'x',
  });
  const batch = batchOptions(input);
  const first = await runBatch(runner, input, batch);
  assert.equal(first.report.totals.ok, 2);
  assert.equal(first.events.filter((e) => e.type === 'started').length, 3);
  const output = first.byPath.get('sub/two.fault-ok')?.output as string;
  assert.equal(output, path.join(batch.outDir as string, 'sub', 'two.fault-ok.md'));
  assert.match(readFileSync(output, 'utf8'), /second document/);

  const second = await runBatch(runner, input, batch);
  const started = second.events.filter((e) => e.type === 'started');
  // INTERNAL failures are not cached (they may be transient): only the broken file runs again.
  assert.deepEqual(
    started.map((e) => e.path),
    ['broken.fault-throw'],
  );
  assert.equal(second.byPath.get('one.fault-ok')?.cached, true);
  assert.equal(second.byPath.get('sub/two.fault-ok')?.cached, true);
  assert.match(readFileSync(output, 'utf8'), /second document/);

  writeFileSync(path.join(input, 'sub', 'two.fault-ok'), 'second document, revised');
  const third = await runBatch(runner, input, batch);
  assert.equal(third.byPath.get('one.fault-ok')?.cached, true);
  assert.equal(third.byPath.get('sub/two.fault-ok')?.cached, undefined);
  assert.match(readFileSync(output, 'utf8'), /revised/);

  const forced = await runBatch(runner, input, { ...batch, cache: false });
  assert.equal(forced.events.filter((e) => e.type === 'started').length, 3);
  assert.ok(forced.report.files.every((f) => !f.cached));
});

test('settings that change the output (format, OCR) miss the cache', async () => {
  const runner = await runnerPromise;
  const input = tempFolder({ 'doc.fault-ok': 'format matters' });
  const batch = batchOptions(input);
  await runBatch(runner, input, batch, noOcr);
  const json = await runBatch(runner, input, { ...batch, format: 'json' }, noOcr);
  assert.equal(json.byPath.get('doc.fault-ok')?.cached, undefined);
  const parsed = JSON.parse(
    readFileSync(json.byPath.get('doc.fault-ok')?.output as string, 'utf8'),
  );
  assert.equal(parsed.blocks[0].text, 'format matters');
  const ocr = await runBatch(runner, input, batch, defaultExtractOptions);
  assert.equal(ocr.byPath.get('doc.fault-ok')?.cached, undefined);
  const again = await runBatch(runner, input, batch, defaultExtractOptions);
  assert.equal(again.byPath.get('doc.fault-ok')?.cached, true);
});
