// Font weights learnt from a page's fonts: the operator list is fetched only for unseen fonts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { FontWeights } from '../../../../../src/workers/extractors/pdf/font-names';

/** A page stand-in: its operator list "loads" the named fonts into commonObjs, as pdfjs does. */
function fakePage(fonts: Record<string, string>, fail = false) {
  const loaded = new Map<string, { name: string }>();
  const page = {
    lists: 0,
    async getOperatorList() {
      page.lists++;
      if (fail) throw new Error('broken content stream');
      for (const [id, name] of Object.entries(fonts)) loaded.set(id, { name });
      return {};
    },
    commonObjs: { has: (id: string) => loaded.has(id), get: (id: string) => loaded.get(id) },
  };
  return page;
}

const asPage = (p: ReturnType<typeof fakePage>) => p as unknown as PDFPageProxy;

test('bold fonts are known after the first page that uses them; later pages cost nothing', async () => {
  const weights = new FontWeights();
  const first = fakePage({ f1: 'ABCDEF+Arial-BoldMT', f2: 'ABCDEF+ArialMT' });
  await weights.learn(asPage(first), new Set(['f1', 'f2']));
  assert.equal(weights.isBold('f1'), true);
  assert.equal(weights.isBold('f2'), false);
  assert.equal(first.lists, 1);
  const second = fakePage({ f1: 'ABCDEF+Arial-BoldMT', f2: 'ABCDEF+ArialMT' });
  await weights.learn(asPage(second), new Set(['f1', 'f2']));
  assert.equal(second.lists, 0);
});

test('a page in one font is not read for weights', async () => {
  const weights = new FontWeights();
  const page = fakePage({ f1: 'Helvetica-Bold' });
  await weights.learn(asPage(page), new Set(['f1']));
  assert.equal(page.lists, 0);
  assert.equal(weights.isBold('f1'), false);
});

test('an unreadable operator list leaves the fonts regular and is not retried', async () => {
  const weights = new FontWeights();
  const page = fakePage({ f1: 'Helvetica-Bold', f2: 'Helvetica' }, true);
  await weights.learn(asPage(page), new Set(['f1', 'f2']));
  await weights.learn(asPage(page), new Set(['f1', 'f2']));
  assert.equal(page.lists, 1);
  assert.equal(weights.isBold('f1'), false);
  assert.equal(weights.isBold(undefined), false);
});
