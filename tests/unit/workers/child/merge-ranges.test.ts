// The documents of a long scan's page ranges merged back into one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractedDocument } from '../../../../src/shared/model';
import { mergeRangeDocuments } from '../../../../src/workers/child/merge-ranges';

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
