import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { defaultExtractOptions } from '../../../../src/shared/options';
import { extractFile } from '../../../../src/workers/extractors/extract-file';
import { setOcrActivityListener } from '../../../../src/workers/ocr/ocr-activity';
import { createOcrService } from '../../../../src/workers/ocr/ocr-service';
import { sampleDir } from '../../../support/paths';

test('tesseract reports activity inside a page, so the pool watchdog sees a long page working', async () => {
  const ocr = createOcrService({ languages: ['eng'] });
  let beats = 0;
  setOcrActivityListener(() => beats++);
  try {
    const doc = await extractFile(path.join(sampleDir, 'receipt-scan.png'), {
      options: defaultExtractOptions,
      ocr,
    });
    assert.ok(doc.quality.ocrPages === 1, 'the image was OCR-ed');
    assert.ok(beats >= 3, `expected several activity reports during recognition, got ${beats}`);
  } finally {
    setOcrActivityListener(undefined);
    await ocr.terminate();
  }
});
