import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block, ExtractedDocument } from '../../../../src/shared/model';
import { normalizeDocument } from '../../../../src/workers/normalize/normalize-document';

function pdfDocument(blocks: Block[], pages: number): ExtractedDocument {
  return {
    source: { path: '/in/audit.pdf', kind: 'pdf', mime: 'application/pdf', size: 1, sha256: 'x' },
    blocks,
    metadata: { pageCount: pages },
    quality: { pages, textChars: -1, ocrPages: 0 },
    warnings: [],
  };
}

const at = (page: number) => ({ page });

function messyAudit(): ExtractedDocument {
  const blocks: Block[] = [];
  for (let p = 1; p <= 3; p++) {
    blocks.push({ type: 'pageBreak', page: p, prov: at(p) });
    blocks.push({ type: 'paragraph', text: 'ACME Corp\u00A0— Conﬁdential  ', prov: at(p) });
    if (p === 1) {
      blocks.push({ type: 'heading', level: 1, text: 'Audit  of the\nﬁnancial year', prov: at(p) });
      blocks.push({
        type: 'paragraph',
        text: 'The docu-\nment lists the oﬀ-\nbalance items for 2019-\n2020.\r\n\r\n\r\nA second paragraph\u0007 follows.',
        prov: at(p),
      });
      blocks.push({ type: 'paragraph', text: ' \u200B \n ', prov: at(p) });
      // Written on one line here, so the broken "oﬀ-\nbalance" above keeps its hyphen.
      blocks.push({ type: 'paragraph', text: 'Off-balance exposures are nil.', prov: at(p) });
      blocks.push({
        type: 'listItem',
        text: 'co-operate\nwith  the auditor',
        ordered: false,
        depth: 0,
        prov: at(p),
      });
      blocks.push({
        type: 'table',
        rows: [
          ['Item', 'Amount\u00A0€'],
          ['Fees', '1\u202F200'],
          ['Multi-line\ncell', ''],
        ],
        header: true,
        caption: ' Table 1:\nFees ',
        prov: at(p),
      });
      blocks.push({
        type: 'table',
        rows: [
          ['', ' '],
          ['\u200B', ''],
        ],
        header: false,
        prov: at(p),
      });
    } else {
      blocks.push({
        type: 'paragraph',
        text: `Findings on page ${p * 11} of the ledger.`,
        prov: at(p),
      });
    }
    blocks.push({ type: 'paragraph', text: `Page ${p} of 3`, prov: at(p) });
  }
  return pdfDocument(blocks, 3);
}

test('normalizeDocument cleans every text field, reflows paragraphs and moves running text', () => {
  const out = normalizeDocument(messyAudit());
  assert.deepEqual(out.metadata.runningHeaders, ['ACME Corp — Confidential']);
  assert.deepEqual(out.metadata.runningFooters, ['Page # of 3']);
  assert.deepEqual(out.blocks, [
    { type: 'pageBreak', page: 1, prov: at(1) },
    { type: 'heading', level: 1, text: 'Audit of the financial year', prov: at(1) },
    {
      type: 'paragraph',
      text: 'The document lists the off-balance items for 2019-2020.',
      prov: at(1),
    },
    { type: 'paragraph', text: 'A second paragraph follows.', prov: at(1) },
    { type: 'paragraph', text: 'Off-balance exposures are nil.', prov: at(1) },
    {
      type: 'listItem',
      text: 'co-operate with the auditor',
      ordered: false,
      depth: 0,
      prov: at(1),
    },
    {
      type: 'table',
      rows: [
        ['Item', 'Amount €'],
        ['Fees', '1 200'],
        ['Multi-line\ncell', ''],
      ],
      header: true,
      caption: 'Table 1: Fees',
      prov: at(1),
    },
    { type: 'pageBreak', page: 2, prov: at(2) },
    { type: 'paragraph', text: 'Findings on page 22 of the ledger.', prov: at(2) },
    { type: 'pageBreak', page: 3, prov: at(3) },
    { type: 'paragraph', text: 'Findings on page 33 of the ledger.', prov: at(3) },
  ]);
});

test('quality.textChars is recomputed from the normalized body', () => {
  const out = normalizeDocument(messyAudit());
  const expected =
    'Audit of the financial year'.length +
    'The document lists the off-balance items for 2019-2020.'.length +
    'A second paragraph follows.'.length +
    'Off-balance exposures are nil.'.length +
    'co-operate with the auditor'.length +
    ['Item', 'Amount €', 'Fees', '1 200', 'Multi-line\ncell', '', 'Table 1: Fees'].join('').length +
    2 * 'Findings on page 22 of the ledger.'.length;
  assert.equal(out.quality.textChars, expected);
});

test('the input document is not modified (pure function)', () => {
  const input = messyAudit();
  const before = JSON.stringify(input);
  normalizeDocument(input);
  assert.equal(JSON.stringify(input), before);
});

test('sheet blocks and existing running headers from the extractor are kept', () => {
  const doc = pdfDocument(
    [
      { type: 'sheet', name: 'Summary', range: 'A1:B2', hidden: false, prov: { sheet: 'Summary' } },
      {
        type: 'table',
        rows: [['a', 'b']],
        header: false,
        prov: { sheet: 'Summary', range: 'A1:B1' },
      },
    ],
    0,
  );
  doc.metadata.runningHeaders = ['From the DOCX header part'];
  const out = normalizeDocument(doc);
  assert.equal(out.blocks.length, 2);
  assert.deepEqual(out.metadata.runningHeaders, ['From the DOCX header part']);
  assert.equal(out.metadata.runningFooters, undefined);
});

test('a 200-page document normalizes completely (running text found on every page)', () => {
  const blocks: Block[] = [];
  for (let p = 1; p <= 200; p++) {
    blocks.push({ type: 'pageBreak', page: p, prov: at(p) });
    blocks.push({ type: 'paragraph', text: 'Annual Report 2023 — ACME Holdings', prov: at(p) });
    for (let i = 0; i < 25; i++) {
      blocks.push({
        type: 'paragraph',
        text: `Paragraph ${i} on page ${p} discusses the recon-\nciliation of ledger ${p * 31 + i}\nin detail.`,
        prov: at(p),
      });
    }
    blocks.push({ type: 'paragraph', text: `- ${p} -`, prov: at(p) });
  }
  const out = normalizeDocument(pdfDocument(blocks, 200));
  assert.deepEqual(out.metadata.runningHeaders, ['Annual Report 2023 — ACME Holdings']);
  assert.deepEqual(out.metadata.runningFooters, ['- # -']);
  assert.equal(out.blocks.length, 200 * 26);
  const sample = out.blocks[2];
  assert.ok(sample?.type === 'paragraph');
  assert.equal(
    sample.text,
    'Paragraph 1 on page 1 discusses the reconciliation of ledger 32 in detail.',
  );
});

test('metadata title, author and subject are cleaned too; empty ones are dropped', () => {
  const doc = pdfDocument([], 1);
  doc.metadata = {
    title: '\uFEFFQuarterly\u0000 ﬁling\r\nQ3',
    author: ' \u200B ',
    subject: 'Audit',
  };
  assert.deepEqual(normalizeDocument(doc).metadata, {
    title: 'Quarterly filing Q3',
    subject: 'Audit',
  });
});
