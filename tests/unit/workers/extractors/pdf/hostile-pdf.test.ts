// The PDF extractor on small handwritten PDFs: hostile structures (page tree cycles, deep
// nesting, JavaScript, broken pages, truncation) and the extractor's contract with the pool
// (page ranges, progress heartbeats, cancellation, OCR hand-off). Needs no shared corpus.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { writePdfObjects } from '../../../../support/pdf-objects';
import PDFDocument from 'pdfkit';
import type { ExtractedDocument } from '../../../../../src/shared/model';
import { defaultExtractOptions, type ExtractOptions } from '../../../../../src/shared/options';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import type {
  ExtractContext,
  OcrService,
  ProgressUpdate,
} from '../../../../../src/workers/engine/types';
import { failure } from '../../../../support/errors';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-pdf-hostile-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function writePdf(name: string, objects: string[], trailerExtra = ''): string {
  return writePdfObjects(path.join(tmp, name), objects, trailerExtra);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const stream = (content: string) =>
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
const textContent = (text: string, mode = 0) =>
  stream(`BT ${mode} Tr /F1 12 Tf 72 720 Td (${text}) Tj ET`);

/**
 * A document with one page per entry: objects 1 catalog, 2 pages, 3 font, then for each page a
 * page object and its content stream.
 */
function pagesPdf(name: string, contents: string[], catalogExtra = '', pageExtra = ''): string {
  const kids = contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${contents.length} >>`,
    FONT,
  ];
  contents.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> ${pageExtra}>>`,
      content,
    );
  });
  return writePdf(name, objects);
}

const options = (over: Partial<ExtractOptions> = {}): ExtractOptions => ({
  ...defaultExtractOptions,
  ocr: { ...defaultExtractOptions.ocr, enabled: false },
  ...over,
});

const run = (file: string, ctx: Partial<ExtractContext> = {}) =>
  extractFile(file, { options: options(), ...ctx });

const texts = (doc: ExtractedDocument) => doc.blocks.flatMap((b) => ('text' in b ? [b.text] : []));

describe('hostile page trees', () => {
  test('a /Pages node whose Kids point back to itself is CORRUPT', async () => {
    const file = writePdf('cycle.pdf', [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R] /Count 1 >>',
    ]);
    const error = await failure(run(file));
    assert.equal(error.code, 'CORRUPT');
    assert.match(error.message, /^The PDF is damaged or truncated and cannot be read: .*circular/i);
  });

  test('a cycle that claims a million pages gives up after a few, not a million', async () => {
    const file = writePdf('cycle-count.pdf', [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1000000 >>',
    ]);
    const progress: ProgressUpdate[] = [];
    const error = await failure(run(file, { onProgress: (u) => progress.push(u) }));
    assert.equal(error.code, 'CORRUPT');
    assert.ok(progress.length < 10, `${progress.length} pages attempted`);
  });

  test('a page nested 3,000 levels deep is read without overflowing the stack', async () => {
    const depth = 3000;
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
    for (let i = 0; i < depth; i++)
      objects.push(`<< /Type /Pages /Kids [${i + 3} 0 R] /Count 1 >>`);
    const page = objects.length + 1;
    objects.push(
      `<< /Type /Page /MediaBox [0 0 612 792] /Contents ${page + 1} 0 R /Resources << /Font << /F1 ${page + 2} 0 R >> >> >>`,
      textContent('Deep but valid'),
      FONT,
    );
    const doc = await run(writePdf('deep.pdf', objects));
    assert.deepEqual(texts(doc), ['Deep but valid']);
  });

  test('a page that cannot be read is skipped with a lossy PAGE_FAILED; the rest is kept', async () => {
    // The third kid points at an object that does not exist.
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R 6 0 R 99 0 R] /Count 3 >>',
      FONT,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
      textContent('Page one'),
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
      textContent('Page two'),
    ];
    const doc = await run(writePdf('bad-page.pdf', objects));
    assert.deepEqual(texts(doc), ['Page one', 'Page two']);
    const failed = doc.warnings.filter((w) => w.code === 'PAGE_FAILED');
    assert.equal(failed.length, 1);
    assert.equal(failed[0].page, 3);
    assert.equal(failed[0].lossy, true);
    assert.match(failed[0].message, /^Page 3 could not be read and is missing: /);
  });

  test('when the first pages all fail the file is CORRUPT, not an empty success', async () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [99 0 R 4 0 R] /Count 2 >>',
      FONT,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
      textContent('Unreachable'),
    ];
    assert.equal((await failure(run(writePdf('first-bad.pdf', objects)))).code, 'CORRUPT');
  });
});

describe('scripts', () => {
  test('PDF JavaScript (open action, page action) never runs; the text is still read', async () => {
    const marker = '__folioPdfScriptRan';
    const js = `(globalThis.${marker} = true; app.alert\\(1\\))`;
    const file = pagesPdf(
      'script.pdf',
      [textContent('Text beside a script')],
      `/OpenAction << /S /JavaScript /JS ${js} >> /Names << /JavaScript << /Names [(x) << /S /JavaScript /JS ${js} >>] >> >> `,
      `/AA << /O << /S /JavaScript /JS ${js} >> >> `,
    );
    const doc = await run(file);
    assert.deepEqual(texts(doc), ['Text beside a script']);
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
  });
});

describe('truncation', () => {
  async function generated(): Promise<Buffer> {
    const pdf = new PDFDocument({ autoFirstPage: false, compress: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
    for (let i = 1; i <= 4; i++)
      pdf.addPage().fontSize(12).text(`Truncation test page ${i}. `.repeat(30));
    pdf.end();
    await done;
    return Buffer.concat(chunks);
  }

  test('cut at any of several offsets: CORRUPT, or partial with a lossy TRUNCATED warning', async () => {
    const whole = await generated();
    const intact = await run(writeAndReturn('whole.pdf', whole));
    assert.equal(intact.warnings.length, 0);
    assert.match(texts(intact).join(' '), /Truncation test page 4\./);
    for (const share of [0.01, 0.2, 0.5, 0.8, 0.97]) {
      const file = writeAndReturn(
        `cut-${share}.pdf`,
        whole.subarray(0, Math.floor(whole.length * share)),
      );
      try {
        const doc = await run(file);
        const truncated = doc.warnings.find((w) => w.code === 'TRUNCATED');
        assert.ok(truncated?.lossy, `cut at ${share}: no lossy TRUNCATED warning`);
      } catch (error) {
        assert.equal((error as { code?: string }).code, 'CORRUPT', `cut at ${share}`);
      }
    }
  });

  function writeAndReturn(name: string, bytes: Buffer): string {
    const file = path.join(tmp, name);
    writeFileSync(file, bytes);
    return file;
  }
});

describe('contract with the pool', () => {
  const fourPages = () =>
    pagesPdf(
      'four.pdf',
      [1, 2, 3, 4].map((n) => textContent(`Text of page ${n}`)),
    );

  test('a page range reads only those pages, with real page numbers and a heartbeat each', async () => {
    const progress: ProgressUpdate[] = [];
    const doc = await extractFile(fourPages(), {
      options: options({ pdf: { ...defaultExtractOptions.pdf, pageRange: { from: 2, to: 3 } } }),
      onProgress: (u) => progress.push(u),
    });
    assert.deepEqual(
      doc.blocks.map((b) => [b.type, b.prov.page]),
      [
        ['pageBreak', 2],
        ['paragraph', 2],
        ['pageBreak', 3],
        ['paragraph', 3],
      ],
    );
    assert.deepEqual(progress, [
      { page: 2, pages: 4 },
      { page: 3, pages: 4 },
    ]);
    assert.equal(doc.metadata.pageCount, 4);
    assert.equal(doc.quality.pages, 2);
  });

  test('an abort between pages stops the file with CANCELLED', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await failure(
      extractFile(fourPages(), {
        options: options(),
        signal: controller.signal,
        onProgress: (u) => {
          seen.push(u.page ?? 0);
          if (u.page === 1) controller.abort();
        },
      }),
    );
    assert.equal(error.code, 'CANCELLED');
    assert.deepEqual(seen, [1]);
  });
});

describe('OCR hand-off', () => {
  // A page that paints one 8×8 gray inline image over the whole page and has no text.
  const scan = stream(
    'q 612 0 0 792 0 0 cm BI /W 8 /H 8 /BPC 8 /CS /G ID\n' + 'x'.repeat(64) + '\nEI Q',
  );
  const mixed = () =>
    pagesPdf('mixed.pdf', [textContent('Typed cover page'), scan, textContent('Typed last page')]);

  function fakeOcr(calls: number[], fail = false): OcrService {
    return {
      recognizeImage: async () => assert.fail('not an image file'),
      recognizePdfPage: async (_page, n) => {
        calls.push(n);
        if (fail) throw new Error('tesseract exploded');
        return {
          blocks: [{ type: 'paragraph', text: `scanned text ${n}`, prov: { page: n, ocr: true } }],
          confidence: 93,
          words: 3,
          rotation: 90,
        };
      },
      terminate: async () => undefined,
    };
  }

  test('only the scanned page goes to OCR, and its text lands in page order', async () => {
    const calls: number[] = [];
    const doc = await extractFile(mixed(), {
      options: { ...defaultExtractOptions },
      ocr: fakeOcr(calls),
    });
    assert.deepEqual(calls, [2]);
    assert.deepEqual(texts(doc), ['Typed cover page', 'scanned text 2', 'Typed last page']);
    assert.equal(doc.quality.ocrPages, 1);
    assert.deepEqual(doc.quality.ocrWorstPage, { page: 2, confidence: 93 });
    assert.deepEqual(doc.quality.perPage?.[1], {
      page: 2,
      chars: 14,
      ocr: true,
      confidence: 93,
      rotation: 90,
    });
    assert.deepEqual(doc.warnings, []);
  });

  test('OCR off: the scanned page is a lossy OCR_SKIPPED with a plain message', async () => {
    const doc = await run(mixed());
    assert.deepEqual(doc.warnings, [
      {
        code: 'OCR_SKIPPED',
        lossy: true,
        page: 2,
        message: 'Page 2 is a scanned image; OCR is turned off, so its text is missing.',
      },
    ]);
  });

  test('OCR that fails on a page is a lossy OCR_FAILED; the file goes on', async () => {
    const calls: number[] = [];
    const doc = await extractFile(mixed(), {
      options: { ...defaultExtractOptions },
      ocr: fakeOcr(calls, true),
    });
    assert.deepEqual(texts(doc), ['Typed cover page', 'Typed last page']);
    const failed = doc.warnings.find((w) => w.code === 'OCR_FAILED');
    assert.equal(failed?.lossy, true);
    assert.match(
      failed?.message ?? '',
      /^Page 2 could not be recognized by OCR: tesseract exploded/,
    );
  });

  test('invisible text over a full-page image is an old OCR layer: OCR replaces it', async () => {
    const layered = stream(
      'q 612 0 0 792 0 0 cm BI /W 8 /H 8 /BPC 8 /CS /G ID\n' +
        'x'.repeat(64) +
        '\nEI Q ' +
        'BT 3 Tr /F1 12 Tf 72 720 Td (Old OCR layer words) Tj ET',
    );
    const file = pagesPdf('layered.pdf', [layered]);
    const calls: number[] = [];
    const doc = await extractFile(file, {
      options: { ...defaultExtractOptions },
      ocr: fakeOcr(calls),
    });
    assert.deepEqual(calls, [1]);
    assert.deepEqual(texts(doc), ['scanned text 1']);
    const off = await run(file);
    assert.deepEqual(texts(off), ['Old OCR layer words']);
    assert.match(
      off.warnings[0]?.message ?? '',
      /^Page 1 has an invisible text layer .*OCR is turned off/,
    );
  });

  test('invisible text over no image is hidden text: kept and flagged, not OCR’d', async () => {
    const calls: number[] = [];
    const doc = await extractFile(
      pagesPdf('invisible.pdf', [textContent('Hidden layer words here', 3)]),
      {
        options: { ...defaultExtractOptions },
        ocr: fakeOcr(calls),
      },
    );
    assert.deepEqual(calls, []);
    assert.deepEqual(texts(doc), ['Hidden layer words here']);
    assert.deepEqual(
      doc.warnings.map((w) => [w.code, w.lossy, w.page]),
      [['INVISIBLE_TEXT', false, 1]],
    );
  });
});
