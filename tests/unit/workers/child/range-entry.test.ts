// A queued range's raw documents round-trip through its cache entry exactly (the structured clone
// a pool thread hands over), is named by the file's cache key and the pages, and a missing or
// damaged entry reads as none (the range is then extracted again), never as a wrong document.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { ExtractedDocument } from '../../../../src/shared/model';
import {
  rangeEntryPath,
  readRangeEntry,
  writeRangeEntry,
} from '../../../../src/workers/child/range-entry';

const doc: ExtractedDocument = {
  source: { path: '/in/scan.pdf', kind: 'pdf', mime: 'application/pdf', size: 9, sha256: 'ab' },
  blocks: [
    { type: 'pageBreak', page: 3 },
    { type: 'paragraph', text: 'Page three — “quoted”', prov: { page: 3 } },
  ],
  metadata: { pageCount: 6, title: undefined },
  quality: { pages: 2, textChars: 21, ocrPages: 2, ocrConfidence: 0.91 },
  warnings: [],
} as ExtractedDocument;

test('range entry: written atomically, read back as the same document', async () => {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'folio-range-entry-'));
  const file = rangeEntryPath(cache, 'key1', { from: 3, to: 4 });
  assert.ok(file.startsWith(path.join(cache, 'ranges') + path.sep));
  assert.equal(await readRangeEntry(file), undefined);
  const second = { ...doc, blocks: [{ type: 'pageBreak', page: 4 }] } as ExtractedDocument;
  await writeRangeEntry(file, [doc, second]);
  assert.deepEqual(await readRangeEntry(file), [doc, second]);
  // Only the entry: the temporary file was renamed into place.
  assert.deepEqual(readdirSync(path.dirname(file)), [path.basename(file)]);
});

test('range entry: named by cache key and pages; a damaged entry is none', async () => {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'folio-range-entry-'));
  const a = rangeEntryPath(cache, 'key1', { from: 1, to: 2 });
  assert.equal(rangeEntryPath(cache, 'key1', { from: 1, to: 2 }), a);
  assert.notEqual(rangeEntryPath(cache, 'key1', { from: 1, to: 3 }), a);
  assert.notEqual(rangeEntryPath(cache, 'key2', { from: 1, to: 2 }), a);
  await writeRangeEntry(a, [doc]);
  writeFileSync(a, Buffer.from('not a serialized document'));
  assert.equal(await readRangeEntry(a), undefined);
});
