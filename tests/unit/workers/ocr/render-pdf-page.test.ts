// How large a PDF page is rendered for OCR.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderDpi } from '../../../../src/workers/ocr/render-pdf-page';

test('pages render at 300 dpi unless that exceeds the pixel cap', () => {
  const settings = { dpi: 300, maxPixels: 35_000_000 };
  assert.equal(renderDpi(612, 792, settings), 300);
  const poster = renderDpi(2384, 3370, settings); // A0
  assert.ok(poster < 300);
  assert.ok(((2384 * poster) / 72) * ((3370 * poster) / 72) <= 35_000_000);
});
