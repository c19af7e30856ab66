// A text layer is never replaced by an OCR reading that is worse than it: an earlier OCR's
// invisible layer in a script the OCR languages cannot read (Chinese, with English OCR) is kept
// without being sent to OCR, and a Latin one gives way only to a confident fresh reading. Small
// PDFs written here: a full-page scan image under a render-mode-3 (invisible) text layer.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { writePdfObjects } from '../../../../support/pdf-objects';
import type { ExtractedDocument } from '../../../../../src/shared/model';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import type { OcrService } from '../../../../../src/workers/engine/types';
import {
  layerScriptUnread,
  ocrReplacesLayer,
} from '../../../../../src/workers/extractors/pdf/page-classify';
import { scriptsOfLanguages } from '../../../../../src/workers/ocr/scripts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-pdf-layer-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function writePdf(name: string, objects: string[]): string {
  return writePdfObjects(path.join(tmp, name), objects);
}

const stream = (content: string) =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
/** An 8×8 gray image stretched over the whole letter page: what a scan looks like to pdfjs. */
const SCAN = 'q 612 0 0 792 0 0 cm BI /W 8 /H 8 /BPC 8 /CS /G ID\n' + 'x'.repeat(64) + '\nEI Q\n';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * One page: a scan under an invisible layer of `lines`, drawn with a Type0 font whose
 * ToUnicode map gives each character its own code, so any script can be written.
 */
function layeredPdf(name: string, lines: string[]): string {
  const chars = [...new Set([...lines.join('')])];
  const code = new Map(chars.map((ch, i) => [ch, i + 1]));
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Test-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((ch) => `<${hex4(code.get(ch) ?? 0)}> <${hex4(ch.codePointAt(0) ?? 0)}>`),
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  // Ideographs are a full em wide, Latin letters about half.
  const widths = chars.map((ch) => ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1000 : 500)).join(' ');
  const text = lines
    .map((line, i) => {
      const codes = [...line].map((ch) => hex4(code.get(ch) ?? 0)).join('');
      return `BT 3 Tr /F1 12 Tf 72 ${720 - 16 * i} Td <${codes}> Tj ET`;
    })
    .join('\n');
  return writePdf(name, [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
    stream(SCAN + text),
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /W [1 [${widths}]] >>`,
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ]);
}

/** Records the pages sent to OCR and answers with one paragraph at the given confidence. */
function fakeOcr(calls: number[], confidence: number, text: string): OcrService {
  return {
    recognizeImage: async () => assert.fail('not an image file'),
    recognizePdfPage: async (_page, n) => {
      calls.push(n);
      return {
        blocks: [{ type: 'paragraph', text, prov: { page: n, ocr: true } }],
        confidence,
        words: text.split(/\s+/).length,
        rotation: 0,
      };
    },
    terminate: async () => undefined,
  };
}

const plain = (doc: ExtractedDocument) =>
  doc.blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');

const CHINESE = ['关于浙江菲达环保科技股份有限公司年度报告', '中有关财务事项的说明上海证券交易所'];
const LATIN = [
  'The quarterly report of the company lists',
  'the assets and liabilities at year end',
];

describe('an earlier OCR layer under a scan', () => {
  test('in a script the OCR languages do not read: kept, never sent to OCR', async () => {
    const calls: number[] = [];
    const doc = await extractFile(layeredPdf('chinese.pdf', CHINESE), {
      options: defaultExtractOptions,
      ocr: fakeOcr(calls, 95, 'junk read by the English model'),
    });
    assert.deepEqual(calls, []);
    assert.match(plain(doc), /关于浙江菲达环保科技股份有限公司/);
    assert.match(plain(doc), /上海证券交易所/);
    assert.equal(doc.quality.ocrPages, 0);
    const w = doc.warnings.find((x) => x.code === 'OCR_LANGUAGE_MISSING');
    assert.equal(w?.lossy, false);
    assert.equal(w?.page, 1);
    assert.match(w?.message ?? '', /Han script.*\(eng\).*kept/);
  });

  test('a full page of it (its scan not even decoded): kept, flagged, never sent to OCR', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => CHINESE[i % 2]);
    const calls: number[] = [];
    const doc = await extractFile(layeredPdf('chinese-full.pdf', lines), {
      options: defaultExtractOptions,
      ocr: fakeOcr(calls, 95, 'junk read by the English model'),
    });
    assert.deepEqual(calls, []);
    assert.ok(doc.quality.textChars >= 200, `${doc.quality.textChars} chars`);
    const w = doc.warnings.find((x) => x.code === 'OCR_LANGUAGE_MISSING');
    assert.equal(w?.lossy, false);
    assert.match(w?.message ?? '', /invisible text layer/);
  });

  test('with a language that reads it, the page goes to OCR as before', async () => {
    const calls: number[] = [];
    const doc = await extractFile(layeredPdf('chinese-read.pdf', CHINESE), {
      options: {
        ...defaultExtractOptions,
        ocr: { ...defaultExtractOptions.ocr, languages: ['eng', 'chi_sim'] },
      },
      ocr: fakeOcr(calls, 92, '关于浙江菲达环保科技股份有限公司年度报告中有关财务事项的说明'),
    });
    assert.deepEqual(calls, [1]);
    assert.equal(doc.quality.ocrPages, 1);
  });

  test('in Latin script, a weak fresh reading does not replace it', async () => {
    const calls: number[] = [];
    const doc = await extractFile(layeredPdf('latin-weak.pdf', LATIN), {
      options: defaultExtractOptions,
      ocr: fakeOcr(calls, 35, 'Tbe qnartcrly rcport'),
    });
    assert.deepEqual(calls, [1]);
    assert.match(plain(doc), /The quarterly report of the company lists/);
    assert.equal(doc.quality.ocrPages, 0);
    const w = doc.warnings.find((x) => x.code === 'INVISIBLE_TEXT');
    assert.match(w?.message ?? '', /no better \(confidence 35%\), so the layer was kept/);
  });

  test('in Latin script, a confident fresh reading replaces it', async () => {
    const calls: number[] = [];
    const fresh = 'The quarterly report of the company lists the assets and liabilities';
    const doc = await extractFile(layeredPdf('latin-good.pdf', LATIN), {
      options: defaultExtractOptions,
      ocr: fakeOcr(calls, 91, fresh),
    });
    assert.deepEqual(calls, [1]);
    assert.equal(plain(doc), fresh);
    assert.equal(doc.quality.ocrPages, 1);
  });
});

describe('ocrReplacesLayer', () => {
  const reading = (confidence: number, words: number, chars: number) => ({
    confidence,
    words,
    chars,
  });

  test('a broken encoding or an empty layer gives way to any reading', () => {
    assert.equal(ocrReplacesLayer('unreadable-text', reading(20, 3, 10), 500), true);
    assert.equal(ocrReplacesLayer('invisible-text', reading(20, 3, 10), 0), true);
  });

  test('a reading with no words never replaces text that is there', () => {
    assert.equal(ocrReplacesLayer('scanned', reading(0, 0, 0), 40), false);
    assert.equal(ocrReplacesLayer('invisible-text', reading(0, 0, 0), 400), false);
  });

  test('an old OCR layer needs a confident reading of comparable length', () => {
    assert.equal(ocrReplacesLayer('invisible-text', reading(59, 80, 400), 400), false);
    assert.equal(ocrReplacesLayer('invisible-text', reading(90, 10, 150), 400), false);
    assert.equal(ocrReplacesLayer('invisible-text', reading(90, 80, 380), 400), true);
  });

  test('a scan’s stamp gives way to the page’s reading', () => {
    assert.equal(ocrReplacesLayer('scanned', reading(40, 50, 300), 20), true);
  });
});

describe('layerScriptUnread', () => {
  const eng = scriptsOfLanguages(['eng']);

  test('Chinese under English OCR is unread; English is read', () => {
    assert.equal(layerScriptUnread('关于浙江菲达 2016 年', eng), 'Han');
    assert.equal(layerScriptUnread('Annual report 2016', eng), undefined);
    assert.equal(layerScriptUnread('关于浙江菲达', scriptsOfLanguages(['chi_sim'])), undefined);
  });

  test('a few foreign letters in a Latin layer do not count; digits alone say nothing', () => {
    assert.equal(layerScriptUnread('Price list for Zürich, 東京 office', eng), undefined);
    assert.equal(layerScriptUnread('2016 - 12 - 31', eng), undefined);
  });
});
