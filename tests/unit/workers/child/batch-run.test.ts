// A batch inside the child with a fake pool instead of threads: the biggest work starts first, a
// long scan is split into page ranges run in parallel and merged in page order, and the memory
// governor holds back or drops concurrency as a scripted RSS says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Block, ExtractedDocument } from '../../../../src/shared/model';
import { defaultBatchOptions, defaultExtractOptions } from '../../../../src/shared/options';
import type { ChildToParent } from '../../../../src/shared/protocol';
import { BatchRun } from '../../../../src/workers/child/batch-run';
import type { TaskRunner } from '../../../../src/workers/child/piscina-runner';
import { isFaultFile } from '../../../support/faults/faults';
import { batchOptions, noOcr, tempFolder } from '../../../support/pool-harness';

// Distinct words per page: repeated lines would rightly be taken for running headers.
const WORDS =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango'.split(
    ' ',
  );

/** A fake pool that records tasks and answers probes with a 20-page scan. */
function recordingRunner() {
  const tasks: { name: string; range?: { from: number; to: number } }[] = [];
  let running = 0;
  let peak = 0;
  const runner: TaskRunner = {
    async run(task, { onProgress }) {
      onProgress({});
      if (task.type === 'probe')
        return { type: 'probed', probe: { pages: 20, sampledCharsPerPage: 0 } };
      running++;
      peak = Math.max(peak, running);
      const range = task.extract.pdf.pageRange;
      tasks.push({ name: task.filePath.split('/').pop() ?? '', ...(range ? { range } : {}) });
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
      if (!task.write) {
        const blocks: Block[] = [];
        for (let p = range?.from ?? 1; p <= (range?.to ?? 20); p++) {
          blocks.push({ type: 'pageBreak', page: p, prov: { page: p } });
          blocks.push({
            type: 'paragraph',
            text: `Text of page ${p} is ${WORDS[p - 1]}.`,
            prov: { page: p, ocr: true },
          });
        }
        const pages = (range?.to ?? 20) - (range?.from ?? 1) + 1;
        const doc: ExtractedDocument = {
          source: {
            path: task.sourcePath,
            kind: 'pdf',
            mime: 'application/pdf',
            size: 1,
            sha256: '',
          },
          blocks,
          metadata: { pageCount: 20 },
          quality: { pages, textChars: pages * 16, ocrPages: pages, ocrConfidence: 90 },
          warnings: [],
        };
        return { type: 'range', doc };
      }
      return {
        type: 'written',
        outcome: { kind: 'pdf', status: 'ok', pages: 1, ocrPages: 0, chars: 1 },
      };
    },
    releaseMemory: () => undefined,
    destroy: async () => undefined,
  };
  return { runner, tasks, peak: () => peak };
}

async function runWithFakePool(input: string, workers: number, runner: TaskRunner) {
  const batch = batchOptions(input, { workers, cache: false });
  const run = new BatchRun(
    { type: 'start', batchId: 'b', input, batch, extract: defaultExtractOptions },
    { emit: () => undefined, createRunner: () => runner, rssMb: () => 50 },
  );
  return { report: await run.run(), outDir: batch.outDir as string };
}

test('biggest work first: a scan-sized PDF and images before small documents', async () => {
  const input = tempFolder({
    'small.docx': Buffer.alloc(20_000),
    'photo.png': Buffer.alloc(50_000),
    'memo.pdf': Buffer.alloc(30_000),
    'large.xlsx': Buffer.alloc(2_000_000),
    'scan.pdf': Buffer.alloc(1_000_000),
  });
  const fake = recordingRunner();
  await runWithFakePool(input, 1, fake.runner);
  assert.deepEqual(
    fake.tasks.map((t) => t.name),
    ['scan.pdf', 'large.xlsx', 'photo.png', 'memo.pdf', 'small.docx'],
  );
});

test('a long scanned PDF is split into page ranges run in parallel and merged in order', async () => {
  const input = tempFolder({ 'scan.pdf': Buffer.alloc(2 * 1024 * 1024) });
  const fake = recordingRunner();
  const { report } = await runWithFakePool(input, 2, fake.runner);
  const ranges = fake.tasks.map((t) => t.range).sort((a, b) => (a?.from ?? 0) - (b?.from ?? 0));
  assert.deepEqual(ranges, [
    { from: 1, to: 5 },
    { from: 6, to: 10 },
    { from: 11, to: 15 },
    { from: 16, to: 20 },
  ]);
  assert.equal(fake.peak(), 2, 'ranges ran on both workers at once');
  const file = report.files[0];
  assert.equal(file.status, 'ok');
  assert.equal(file.pages, 20);
  assert.equal(file.ocrPages, 20);
  const markdown = readFileSync(file.output as string, 'utf8');
  const order = [...markdown.matchAll(/Text of page (\d+) is [a-z]+\./g)].map((m) => Number(m[1]));
  assert.deepEqual(
    order,
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
});

test('one worker: no split', async () => {
  const input = tempFolder({ 'scan.pdf': Buffer.alloc(2 * 1024 * 1024) });
  const fake = recordingRunner();
  await runWithFakePool(input, 1, fake.runner);
  assert.equal(fake.tasks.length, 1);
  assert.equal(fake.tasks[0].range, undefined);
});

/** A fake pool whose tasks take `ms`, recording how many ran at once. */
function fakeRunner(ms: number) {
  const state = { running: 0, peak: 0, releases: 0, startsWhileHigh: 0, high: false };
  const runner: TaskRunner = {
    async run(task, { onProgress }) {
      state.running++;
      if (state.high && state.running > 1) state.startsWhileHigh++;
      state.peak = Math.max(state.peak, state.running);
      onProgress({});
      await new Promise((resolve) => setTimeout(resolve, ms));
      state.running--;
      if (task.type === 'probe') return { type: 'probed', probe: null };
      return {
        type: 'written',
        outcome: { kind: 'pdf', status: 'ok', pages: 1, ocrPages: 0, chars: 1 },
      };
    },
    releaseMemory: () => {
      state.releases++;
    },
    destroy: async () => undefined,
  };
  return { runner, state };
}

test('in a batch: while RSS is above the soft limit tasks run one at a time', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`f${i}.fault-ok`] = `${i}`;
  const input = tempFolder(files);
  const { runner, state } = fakeRunner(300);
  let rss = 900; // soft limit of 1000 MB is 800
  state.high = true;
  const logs: string[] = [];
  setTimeout(() => {
    rss = 100;
    state.high = false;
  }, 1400);
  const run = new BatchRun(
    {
      type: 'start',
      batchId: 'b',
      input,
      batch: { ...batchOptions(input), workers: 2, memoryLimitMb: 1000, cache: false },
      extract: noOcr,
    },
    {
      emit: (m: ChildToParent) => {
        if (m.type === 'log') logs.push(m.message);
      },
      createRunner: () => runner,
      acceptName: isFaultFile,
      rssMb: () => rss,
    },
  );
  const report = await run.run();
  assert.equal(report.totals.ok, 6);
  assert.equal(state.startsWhileHigh, 0, 'no second task started above the soft limit');
  assert.equal(state.peak, 2, 'both workers used once memory fell');
});

test('in a batch: above the hard limit concurrency drops and threads release memory', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++) files[`f${i}.fault-ok`] = `${i}`;
  const input = tempFolder(files);
  const { runner, state } = fakeRunner(400);
  const samples: number[] = [];
  const logs: string[] = [];
  const run = new BatchRun(
    {
      type: 'start',
      batchId: 'b',
      input,
      // 900 MB affords two busy workers at the start (affordableWorkers), so the drop is seen.
      batch: { ...defaultBatchOptions, ...batchOptions(input), workers: 2, memoryLimitMb: 900 },
      extract: noOcr,
    },
    {
      emit: (m: ChildToParent) => {
        if (m.type === 'stats') samples.push(m.sample.workers);
        if (m.type === 'log') logs.push(m.message);
      },
      createRunner: () => runner,
      acceptName: isFaultFile,
      rssMb: () => 1000,
    },
  );
  await run.run();
  assert.ok(state.releases >= 1, 'threads were asked to release memory');
  assert.equal(samples.at(-1), 1, 'concurrency dropped to one worker');
  assert.ok(
    logs.some((m) => /concurrency now 1/.test(m)),
    logs.join('\n'),
  );
});
