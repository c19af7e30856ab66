// The OCR service's life cycle with a real tesseract worker on tiny blank pages (fast): a blank
// page is not an error, the worker is reused and recycled after N pages, and cancelling a page
// kills the worker without breaking the next page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RasterImage } from '../../../../src/workers/engine/types';
import { createOcrService, type OcrTiming } from '../../../../src/workers/ocr/ocr-service';

const blank = (): RasterImage => ({
  width: 200,
  height: 120,
  channels: 1,
  data: new Uint8Array(200 * 120).fill(255),
});

test('a blank page gives no text and confidence 0, without error', async () => {
  const ocr = createOcrService({ languages: ['eng'] });
  try {
    assert.deepEqual(await ocr.recognizeImage(blank(), 7), {
      blocks: [],
      confidence: 0,
      words: 0,
      rotation: 0,
    });
  } finally {
    await ocr.terminate();
  }
});

test('the worker is reused across pages and recreated after recycleAfterPages', async () => {
  const starts = async (recycleAfterPages: number) => {
    const timings: OcrTiming[] = [];
    const ocr = createOcrService({
      languages: ['eng'],
      recycleAfterPages,
      onTiming: (t) => timings.push(t),
    });
    try {
      for (let page = 1; page <= 3; page++) await ocr.recognizeImage(blank(), page);
    } finally {
      await ocr.terminate();
    }
    return timings.map((t) => t.startMs > 0);
  };
  assert.deepEqual(await starts(50), [true, false, false]);
  assert.deepEqual(await starts(1), [true, true, true]);
});

test('cancelling a page stops it with CANCELLED and the next page still works', async () => {
  const ocr = createOcrService({ languages: ['eng'] });
  try {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(ocr.recognizeImage(blank(), 1, controller.signal), { code: 'CANCELLED' });
    const during = new AbortController();
    const pending = ocr.recognizeImage(blank(), 2, during.signal);
    setTimeout(() => during.abort(), 50);
    await assert.rejects(pending, { code: 'CANCELLED' });
    assert.equal((await ocr.recognizeImage(blank(), 3)).words, 0);
  } finally {
    await ocr.terminate();
  }
});
