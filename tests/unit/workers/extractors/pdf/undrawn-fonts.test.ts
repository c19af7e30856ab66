// The text layer's document is never drawn, so its operator lists build no glyph outlines
// (undrawnFontOptions); its fonts still reach commonObjs with their names, which the font
// weights read. A document opened to be drawn (pdfjsDocumentOptions) still gets the outlines.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import {
  loadPdfjs,
  pdfjsDocumentOptions,
  textLayerOptions,
} from '../../../../../src/workers/extractors/pdf/load-pdfjs';
import { projectRoot } from '../../../../support/paths';

const FILE = path.join(projectRoot, 'fixtures', 'sample', 'board-minutes-two-column.pdf');

/** The ids pdfjs put in page 1's commonObjs once its operator list is built, and its fonts' names. */
async function loadedObjects(options: (data: Uint8Array) => DocumentInitParameters) {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument(options(new Uint8Array(readFileSync(FILE)))).promise;
  try {
    const page = await doc.getPage(1);
    const fontIds = new Set<string>();
    for (const item of (await page.getTextContent()).items)
      if ('fontName' in item && item.str.trim()) fontIds.add(item.fontName);
    await page.getOperatorList();
    const ids = [...page.commonObjs].map(([id]) => String(id));
    const names = [...fontIds].map((id) => (page.commonObjs.get(id) as { name?: unknown }).name);
    return { ids, names };
  } finally {
    await doc.destroy();
  }
}

test('the text layer builds no glyph outlines, and its fonts keep their names', async () => {
  const { ids, names } = await loadedObjects((data) => textLayerOptions(data, undefined));
  assert.deepEqual(
    ids.filter((id) => id.includes('_path_')),
    [],
  );
  assert.ok(names.length > 0);
  for (const name of names) assert.equal(typeof name, 'string');
});

test('a document opened to be drawn still gets its glyph outlines', async () => {
  const { ids } = await loadedObjects((data) => pdfjsDocumentOptions(data, undefined));
  assert.ok(ids.some((id) => id.includes('_path_')));
});
