// The text layer is read from a document opened without images (textLayerOptions), so that no
// operator list decodes one; pages whose images matter are read from the ImageDocument. Small
// PDFs written here: a ruled table beside an image, and a page that is only a scan.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { Block } from '../../../../../src/shared/model';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import type { OcrService } from '../../../../../src/workers/engine/types';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import {
  loadPdfjs,
  pdfjsDocumentOptions,
  textLayerOptions,
} from '../../../../../src/workers/extractors/pdf/load-pdfjs';
import { writePdfObjects } from '../../../../support/pdf-objects';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-pdf-images-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const stream = (dict: string, content: string) =>
  `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** A 120×120 gray image: an XObject, so pdfjs decodes it when a list paints it. */
const IMAGE = stream(
  '/Type /XObject /Subtype /Image /Width 120 /Height 120 /BitsPerComponent 8 /ColorSpace /DeviceGray',
  'x'.repeat(120 * 120),
);

const text = (x: number, y: number, s: string) => `BT /F1 10 Tf ${x} ${y} Td (${s}) Tj ET`;

const COLUMNS = [72, 192, 312, 432];
const ROWS = [700, 680, 660, 640];
const CELLS = [
  ['Account', 'Q1', 'Q2'],
  ['Cash', '1,200', '1,350'],
  ['Debtors', '4,500', '4,100'],
];
const PROSE = [
  'The balances above were agreed to the ledger at the end of each quarter of the year.',
  'Debtors were confirmed directly with the customers holding the largest balances due.',
  'No exceptions were noted in the sample of receipts tested after the balance sheet date.',
];

/** One page: a ruled 3×3 table, prose under it (over 200 characters) and an image below. */
function tablePage(): string {
  const rules = [
    ...ROWS.map((y) => `${COLUMNS[0]} ${y} m ${COLUMNS[3]} ${y} l S`),
    ...COLUMNS.map((x) => `${x} ${ROWS[0]} m ${x} ${ROWS[3]} l S`),
  ];
  const cells = CELLS.flatMap((row, r) =>
    row.map((cell, c) => text(COLUMNS[c] + 4, ROWS[r] - 14, cell)),
  );
  const prose = PROSE.map((line, i) => text(72, 600 - 14 * i, line));
  const content = ['0.5 w', ...rules, ...cells, ...prose, 'q 150 0 0 100 72 100 cm /Im1 Do Q'];
  return writePdfObjects(path.join(tmp, 'table.pdf'), [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>',
    stream('', content.join('\n')),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    IMAGE,
  ]);
}

/** One page that is only an image over the whole page: a scan. */
function scanPage(): string {
  return writePdfObjects(path.join(tmp, 'scan.pdf'), [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
    stream('', 'q 612 0 0 792 0 0 cm /Im1 Do Q'),
    IMAGE,
  ]);
}

/** Counts of operators by code on page 1 of `file` opened with `options`. */
async function operatorCounts(
  file: string,
  options: typeof pdfjsDocumentOptions,
): Promise<Map<number, number>> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument(options(new Uint8Array(readFileSync(file)), undefined))
    .promise;
  try {
    const list = await (await doc.getPage(1)).getOperatorList();
    const counts = new Map<number, number>();
    for (const fn of list.fnArray) counts.set(fn, (counts.get(fn) ?? 0) + 1);
    return counts;
  } finally {
    await doc.destroy();
  }
}

/** Whether the page handed to OCR paints its image (so that its render shows the scan). */
async function paintsImage(page: PDFPageProxy): Promise<boolean> {
  const { OPS } = await loadPdfjs();
  return (await page.getOperatorList()).fnArray.includes(OPS.paintImageXObject);
}

function recordingOcr(seen: Array<{ page: number; image: boolean }>): OcrService {
  return {
    recognizeImage: async () => assert.fail('not an image file'),
    recognizePdfPage: async (page, n) => {
      seen.push({ page: n, image: await paintsImage(page) });
      return {
        blocks: [{ type: 'paragraph', text: 'Scanned words', prov: { page: n, ocr: true } }],
        confidence: 90,
        words: 2,
        rotation: 0,
      };
    },
    terminate: async () => undefined,
  };
}

const tables = (blocks: Block[]) => blocks.filter((b) => b.type === 'table');

describe('the text layer without images', () => {
  test('its operator list leaves the image out and keeps every glyph and path', async () => {
    const file = tablePage();
    const { OPS } = await loadPdfjs();
    const full = await operatorCounts(file, pdfjsDocumentOptions);
    const lean = await operatorCounts(file, textLayerOptions);
    assert.equal(full.get(OPS.paintImageXObject), 1);
    assert.equal(lean.get(OPS.paintImageXObject), undefined);
    for (const op of [OPS.constructPath, OPS.showText, OPS.setFont, OPS.transform])
      assert.equal(lean.get(op), full.get(op), `operator ${op}`);
  });

  test('a text page beside an image keeps its ruled table and is not sent to OCR', async () => {
    const seen: Array<{ page: number; image: boolean }> = [];
    const doc = await extractFile(tablePage(), {
      options: defaultExtractOptions,
      ocr: recordingOcr(seen),
    });
    assert.deepEqual(seen, []);
    const [table] = tables(doc.blocks);
    assert.ok(table && table.type === 'table', 'a table block');
    assert.deepEqual(table.rows, CELLS);
    // The box is the rulings' (the text alone would give the cells' text edges).
    assert.equal(table.bbox?.x0, COLUMNS[0]);
    assert.equal(table.bbox?.x1, COLUMNS[3]);
    const prose = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])).join(' ');
    assert.match(prose, /No exceptions were noted/);
  });

  test('a scanned page goes to OCR as a page that paints its image', async () => {
    const seen: Array<{ page: number; image: boolean }> = [];
    const doc = await extractFile(scanPage(), {
      options: defaultExtractOptions,
      ocr: recordingOcr(seen),
    });
    assert.deepEqual(seen, [{ page: 1, image: true }]);
    assert.equal(doc.quality.ocrPages, 1);
  });
});
