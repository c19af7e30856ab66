// Issue 12: a document with pages, frames or sheets whose output is empty or nearly so is never
// `ok`: normalization adds a lossy EMPTY_OUTPUT warning, so the report says `partial`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  Block,
  DocumentKind,
  ExtractedDocument,
  ExtractionWarning,
} from '../../../../src/shared/model';
import { outcomeFromDocument } from '../../../../src/shared/report-builder';
import { NEARLY_EMPTY_CHARS } from '../../../../src/workers/normalize/empty-output';
import { normalizeDocument } from '../../../../src/workers/normalize/normalize-document';

function doc(
  kind: DocumentKind,
  pages: number,
  text: string | null,
  warnings: ExtractionWarning[] = [],
): ExtractedDocument {
  const blocks: Block[] = text === null ? [] : [{ type: 'paragraph', text, prov: { page: 1 } }];
  return {
    source: { path: `/in/x.${kind}`, kind, mime: 'x', size: 5000, sha256: 'x' },
    blocks,
    metadata: {},
    quality: { pages, textChars: -1, ocrPages: 0 },
    warnings,
  };
}

const outcome = (d: ExtractedDocument) => outcomeFromDocument(normalizeDocument(d));

test('a PDF with pages and no text at all is partial with EMPTY_OUTPUT and a plain message', () => {
  const o = outcome(doc('pdf', 3, null));
  assert.equal(o.status, 'partial');
  assert.equal(o.code, 'EMPTY_OUTPUT');
  assert.equal(
    o.message,
    'The document has 3 pages but no text could be extracted: its content may be pictures, drawings or text that could not be read; check the original.',
  );
});

test('nearly empty output counts as empty: OCR specks on a frame, one digit on a sheet', () => {
  const image = outcome(doc('image', 2, '| . —  ,'));
  assert.equal(image.status, 'partial');
  assert.equal(image.code, 'EMPTY_OUTPUT');
  assert.match(image.message ?? '', /^The document has 2 frames but no text could be extracted/);
  const sheet = outcome(doc('xlsx', 1, '7'));
  assert.equal(sheet.status, 'partial');
  assert.match(sheet.message ?? '', /has 1 sheet but only 1 letter or digit could be/);
  const table: ExtractedDocument = {
    ...doc('xlsx', 1, null),
    blocks: [{ type: 'table', rows: [['A', 'B']], header: false, prov: { sheet: 'S' } }],
  };
  assert.match(
    outcomeFromDocument(normalizeDocument(table)).message ?? '',
    /only 2 letters or digits/,
  );
});

test('short but complete documents stay ok: a word, a short OCR line, a table of a few cells', () => {
  // From the real corpus: mammoth__strict-format.docx says "Test", tesstest__HelloGoogle.tif
  // "Hello Google"; they lose nothing.
  assert.equal(NEARLY_EMPTY_CHARS, 3);
  assert.equal(outcome(doc('docx', 1, 'Test')).status, 'ok');
  assert.equal(outcome(doc('image', 1, 'Hello Google')).status, 'ok');
  assert.equal(outcome(doc('pdf', 1, 'abc')).status, 'ok');
  // A DOCX whose package declares no page count: nothing says content was expected.
  assert.equal(outcome(doc('docx', 0, null)).status, 'ok');
});

test('a loss already named by a lossy warning gets no second warning', () => {
  const skipped: ExtractionWarning = {
    code: 'OCR_SKIPPED',
    message: 'OCR is turned off, so the text of this image (1 page) was not read.',
    lossy: true,
  };
  const o = outcome(doc('image', 1, null, [skipped]));
  assert.equal(o.status, 'partial');
  assert.deepEqual(
    o.warnings?.map((w) => w.code),
    ['OCR_SKIPPED'],
  );
});

test('a non-lossy warning does not hide the empty output', () => {
  const note: ExtractionWarning = {
    code: 'HIDDEN_SHEET',
    message: 'Sheet B is hidden.',
    lossy: false,
  };
  const o = outcome(doc('xlsx', 2, null, [note]));
  assert.equal(o.status, 'partial');
  assert.equal(o.code, 'EMPTY_OUTPUT');
});
