// A pool thread for tests/unit/workers/thread/pool-worker-release.test.ts: runs one task through
// the shipped handler with an extractor that grows the thread's memory by 80 MB and keeps it, as
// a huge page's buffers and OCR heap would, then says it is done and stays alive unless the
// handler recycles the thread.
import { MessageChannel, parentPort, workerData } from 'node:worker_threads';
import type { ExtractedDocument } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { handleTaskWith } from '../../src/workers/thread/pool-worker';

const hoard: ArrayBuffer[] = [];
const doc: ExtractedDocument = {
  source: { path: 'big.pdf', kind: 'pdf', mime: 'application/pdf', size: 1, sha256: '' },
  blocks: [{ type: 'paragraph', text: 'a big page', prov: { page: 1 } }],
  metadata: { pageCount: 1 },
  quality: { pages: 1, textChars: 10, ocrPages: 1 },
  warnings: [],
};

async function main(): Promise<void> {
  const { port2 } = new MessageChannel();
  await handleTaskWith(
    async () => {
      hoard.push(new ArrayBuffer(80 * 1024 * 1024));
      return doc;
    },
    {
      type: 'extract',
      filePath: 'big.pdf',
      sourcePath: 'big.pdf',
      extract: defaultExtractOptions,
      sha256: '',
      recycleAboveMb: 1_000_000,
      releaseOcrAfter: (workerData as { release: boolean }).release,
      port: port2,
    },
  );
  parentPort?.postMessage('done');
  setInterval(() => undefined, 1000);
}

void main();
