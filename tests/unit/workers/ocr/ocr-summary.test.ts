// The per-document OCR quality summary and its low-confidence warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeOcrPages } from '../../../../src/workers/ocr/ocr-summary';

test('summary: mean and worst page, a warning per weak page, blank pages neither', () => {
  const summary = summarizeOcrPages(
    [
      { page: 1, chars: 900, ocr: true, confidence: 94 },
      { page: 2, chars: 0, ocr: true, confidence: 0 },
      { page: 3, chars: 400, ocr: false },
      { page: 4, chars: 300, ocr: true, confidence: 62.4 },
    ],
    80,
  );
  assert.deepEqual(summary.quality, {
    ocrPages: 3,
    ocrConfidence: 78.2,
    ocrWorstPage: { page: 4, confidence: 62.4 },
  });
  assert.deepEqual(summary.warnings, [
    {
      code: 'OCR_LOW_CONFIDENCE',
      message:
        'Page 4 read at 62% confidence: its text may be wrong or missing; check it against the original.',
      // Lossy (issue 12): a page below the floor is content a reviewer cannot trust.
      lossy: true,
      page: 4,
    },
  ]);
  assert.deepEqual(summarizeOcrPages([], 80), { quality: { ocrPages: 0 }, warnings: [] });
});
