import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractedDocument } from '../../../../src/shared/model';
import { mergeRangeDocuments } from '../../../../src/workers/child/merge-ranges';
import { estimateCost, pageRanges } from '../../../../src/workers/child/plan';

test('cost estimate: scans and images before text documents', () => {
  const scan = estimateCost('scan.pdf', 10 * 1024 * 1024, { pages: 30, sampledCharsPerPage: 0 });
  const text = estimateCost('long.pdf', 1024 * 1024, { pages: 200, sampledCharsPerPage: 2000 });
  const image = estimateCost('photo.jpg', 500_000);
  const docx = estimateCost('memo.docx', 40_000);
  assert.ok(
    scan > image && image > text && image > docx,
    JSON.stringify({ scan, image, text, docx }),
  );
});

test('page ranges: long scans split about twice per worker; others whole', () => {
  assert.deepEqual(pageRanges({ pages: 30, sampledCharsPerPage: 0 }, 2, true), [
    { from: 1, to: 8 },
    { from: 9, to: 16 },
    { from: 17, to: 24 },
    { from: 25, to: 30 },
  ]);
  assert.equal(pageRanges({ pages: 30, sampledCharsPerPage: 0 }, 1, true).length, 1);
  assert.equal(pageRanges({ pages: 30, sampledCharsPerPage: 0 }, 2, false).length, 1);
  assert.equal(pageRanges({ pages: 3, sampledCharsPerPage: 0 }, 4, true).length, 1);
  assert.deepEqual(pageRanges({ pages: 4, sampledCharsPerPage: 0 }, 2, true), [
    { from: 1, to: 2 },
    { from: 3, to: 4 },
  ]);
  assert.equal(pageRanges({ pages: 120, sampledCharsPerPage: 1500 }, 4, true).length, 1);
});

function part(from: number, to: number, confidence: number): ExtractedDocument {
  const blocks: ExtractedDocument['blocks'] = [];
  for (let p = from; p <= to; p++) {
    blocks.push({ type: 'pageBreak', page: p, prov: { page: p } });
    blocks.push({ type: 'paragraph', text: `p${p}`, prov: { page: p } });
  }
  return {
    source: { path: '/x.pdf', kind: 'pdf', mime: 'application/pdf', size: 1, sha256: 's' },
    blocks,
    metadata: { pageCount: 10 },
    quality: {
      pages: to - from + 1,
      textChars: 2 * (to - from + 1),
      ocrPages: to - from + 1,
      ocrConfidence: confidence,
      ocrWorstPage: { page: from, confidence: confidence - 5 },
    },
    warnings: [{ code: 'CONTENT_OMITTED', message: 'doc-level', lossy: false }],
  };
}

test('ranges merge in page order with summed and weighted quality', () => {
  const merged = mergeRangeDocuments([part(6, 10, 80), part(1, 5, 90)]);
  assert.deepEqual(
    merged.blocks.filter((b) => b.type === 'paragraph').map((b) => ('text' in b ? b.text : '')),
    ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10'],
  );
  assert.equal(merged.quality.pages, 10);
  assert.equal(merged.quality.ocrPages, 10);
  assert.equal(merged.quality.ocrConfidence, 85);
  assert.deepEqual(merged.quality.ocrWorstPage, { page: 6, confidence: 75 });
  assert.equal(merged.warnings.length, 1, 'a document-level warning appears once');
});
