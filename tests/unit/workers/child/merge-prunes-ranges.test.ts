// A queued long scan's range entries are removed once its merge has written the file and stored
// its cache entry (with --no-cache too); a merge that fails keeps them for the rerun, and an
// entry already gone is no failure.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { FilePart, PageSpan } from '../../../../src/shared/file-part';
import type { ExtractedDocument } from '../../../../src/shared/model';
import { defaultExtractOptions } from '../../../../src/shared/options';
import type { FileReport } from '../../../../src/shared/report';
import { failedOutcome } from '../../../../src/shared/report-builder';
import { BatchRun } from '../../../../src/workers/child/batch-run';
import type { TaskRunner } from '../../../../src/workers/child/piscina-runner';
import {
  rangeEntryPath,
  removeRangeEntries,
  writeRangeEntry,
} from '../../../../src/workers/child/range-entry';
import { batchOptions, tempFolder } from '../../../support/pool-harness';

const FIRST: PageSpan = { from: 1, to: 2 };
const SECOND: PageSpan = { from: 3, to: 4 };
const WORDS = ['alpha', 'bravo', 'charlie', 'delta'];

/** A fake pool whose range tasks return a document of their pages. */
const runner: TaskRunner = {
  async run(task, { onProgress }) {
    onProgress({});
    if (task.type === 'probe') return { type: 'probed', probe: null };
    const range = task.extract.pdf.pageRange ?? { from: 1, to: 4 };
    const doc = {
      source: { path: task.sourcePath, kind: 'pdf', mime: 'application/pdf', size: 1, sha256: '' },
      blocks: WORDS.slice(range.from - 1, range.to).flatMap((word, i) => [
        { type: 'pageBreak', page: range.from + i, prov: { page: range.from + i } },
        { type: 'paragraph', text: `Page ${word}.`, prov: { page: range.from + i, ocr: true } },
      ]),
      metadata: { pageCount: 4 },
      quality: { pages: range.to - range.from + 1, textChars: 12, ocrPages: 2, ocrConfidence: 90 },
      warnings: [],
    } as ExtractedDocument;
    return { type: 'range', doc };
  },
  releaseMemory: () => undefined,
  destroy: async () => undefined,
};

/** A folder with one scan and a job runner for its parts, as a queue worker's child runs them. */
function longScan(cache = true) {
  const input = tempFolder({ 'scan.pdf': Buffer.alloc(300_000) });
  const batch = batchOptions(input, { workers: 1, cache });
  const cacheDir = batch.cacheDir as string;
  const runPart = async (part: FilePart): Promise<FileReport> => {
    const run = new BatchRun(
      { type: 'start', batchId: 'b', input, batch, extract: defaultExtractOptions, part },
      { emit: () => undefined, createRunner: () => runner, rssMb: () => 50 },
    );
    return (await run.run()).files[0];
  };
  const entries = () => {
    const root = path.join(cacheDir, 'ranges');
    if (!existsSync(root)) return [];
    return readdirSync(root).flatMap((dir) => readdirSync(path.join(root, dir)));
  };
  return { runPart, entries, cacheDir };
}

const merge = (failed?: PageSpan): FilePart => ({
  type: 'merge',
  ranges: [FIRST, SECOND].map((range) => ({
    range,
    ms: 10,
    attempts: 1,
    ...(range === failed ? { failed: failedOutcome('TIMEOUT', 'too slow', 'pdf') } : {}),
  })),
});

for (const cache of [true, false]) {
  test(`a merged file's range entries are removed${cache ? '' : ' (--no-cache)'}`, async () => {
    const scan = longScan(cache);
    for (const range of [FIRST, SECOND]) {
      assert.equal((await scan.runPart({ type: 'range', range })).status, 'ok');
    }
    assert.equal(scan.entries().length, 2);
    const file = await scan.runPart(merge());
    assert.equal(file.status, 'ok', JSON.stringify(file));
    assert.ok(file.output && existsSync(file.output));
    assert.deepEqual(scan.entries(), []);
  });
}

test('a failed merge keeps its range entries for the rerun', async () => {
  const scan = longScan();
  await scan.runPart({ type: 'range', range: FIRST });
  await scan.runPart({ type: 'range', range: SECOND });
  // A range that failed fails the file.
  assert.equal((await scan.runPart(merge(SECOND))).status, 'failed');
  assert.equal(scan.entries().length, 2);
  // A range whose entry is missing fails it too; the other entry stays.
  const lone = longScan();
  await lone.runPart({ type: 'range', range: FIRST });
  const missing = await lone.runPart(merge());
  assert.equal(missing.code, 'INTERNAL');
  assert.equal(lone.entries().length, 1);
});

test('removing range entries: one already gone is no failure, other files keep theirs', async () => {
  const cacheDir = path.join(tempFolder({}), 'cache');
  const doc = { blocks: [] } as unknown as ExtractedDocument;
  await writeRangeEntry(rangeEntryPath(cacheDir, 'key', FIRST), [doc]);
  await writeRangeEntry(rangeEntryPath(cacheDir, 'other', FIRST), [doc]);
  await removeRangeEntries(cacheDir, 'key', [FIRST, SECOND]);
  assert.ok(!existsSync(rangeEntryPath(cacheDir, 'key', FIRST)));
  assert.ok(existsSync(rangeEntryPath(cacheDir, 'other', FIRST)));
});
