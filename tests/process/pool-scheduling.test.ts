// Scheduling: default workers min(cores, 4); --workers 1 is sequential; more workers run files at
// once; the biggest work starts first; a long scanned PDF is cut into page ranges that run in
// parallel and are merged in page order before normalization.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { after, test } from 'node:test';
import type { Block, ExtractedDocument } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { defaultWorkers } from '../../src/workers/child/locations';
import { BatchRun } from '../../src/workers/child/batch-run';
import type { TaskRunner } from '../../src/workers/child/piscina-runner';
import { batchOptions, faultRunner, runBatch, slow, tempFolder } from '../support/pool-harness';

const runnerPromise = faultRunner();
after(async () => (await runnerPromise).dispose());

function maxOverlap(events: { type: string }[]): number {
  let inFlight = 0;
  let peak = 0;
  for (const event of events) {
    inFlight += event.type === 'started' ? 1 : -1;
    peak = Math.max(peak, inFlight);
  }
  return peak;
}

test('default workers is min(cores, 4)', () => {
  assert.equal(defaultWorkers(), Math.min(os.availableParallelism(), 4));
});

test('--workers 1 runs files one after another; 2 workers run them at once', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 4; i++) files[`s${i}.fault-slow-progress`] = slow(3, 150);
  const input = tempFolder(files);
  const runner = await runnerPromise;
  const one = await runBatch(runner, input, batchOptions(input, { workers: 1, cache: false }));
  assert.equal(one.report.totals.ok, 4);
  assert.equal(one.report.workers, 1);
  assert.equal(maxOverlap(one.events), 1);
  const two = await runBatch(runner, input, batchOptions(input, { workers: 2, cache: false }));
  assert.equal(two.report.totals.ok, 4);
  assert.equal(two.report.workers, 2);
  assert.equal(maxOverlap(two.events), 2);
});

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
