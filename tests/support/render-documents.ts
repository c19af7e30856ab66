// Two extracted documents for the render tests: a PDF with headings, lists, a table and an OCR
// page, and a workbook with a hidden sheet and a headerless range.
import type { ExtractedDocument } from '../../src/shared/model';

export function auditPdf(): ExtractedDocument {
  return {
    source: {
      path: '/in/contracts/audit-2023.pdf',
      kind: 'pdf',
      mime: 'application/pdf',
      size: 1000,
      sha256: 'ab',
    },
    metadata: {
      title: 'Audit report 2023',
      author: 'J. Smith',
      created: '2023-04-05T10:11:12.000Z',
      pageCount: 3,
      runningHeaders: ['ACME Corp — Confidential'],
      runningFooters: ['Page # of 3', '- # -'],
    },
    quality: {
      pages: 3,
      textChars: 100,
      ocrPages: 1,
      ocrConfidence: 91.4,
      ocrWorstPage: { page: 3, confidence: 91.4 },
      perPage: [
        { page: 1, chars: 10, ocr: false },
        { page: 2, chars: 10, ocr: false },
        { page: 3, chars: 10, ocr: true, confidence: 91.4 },
      ],
    },
    warnings: [{ code: 'CONTENT_OMITTED', message: 'Comments are not included.', lossy: false }],
    blocks: [
      { type: 'pageBreak', page: 1, prov: { page: 1 } },
      { type: 'heading', level: 1, text: 'Findings', prov: { page: 1 } },
      {
        type: 'paragraph',
        text: '# of items: 12 * 3 = 36; see file_name_v2 and *draft* notes.',
        prov: { page: 1 },
      },
      { type: 'listItem', text: 'First finding', ordered: true, depth: 0, prov: { page: 1 } },
      { type: 'listItem', text: 'Sub point', ordered: false, depth: 1, prov: { page: 1 } },
      { type: 'listItem', text: 'Second finding', ordered: true, depth: 0, prov: { page: 1 } },
      { type: 'pageBreak', page: 2, prov: { page: 2 } },
      {
        type: 'table',
        rows: [['Item', 'Amount'], ['Fees | legal', '1,200'], ['Travel\nand meals']],
        header: true,
        caption: 'Table 1: Costs',
        prov: { page: 2 },
      },
      { type: 'pageBreak', page: 3, prov: { page: 3, ocr: true } },
      {
        type: 'paragraph',
        text: '1. This looks like a list but is a sentence.',
        prov: { page: 3, ocr: true },
      },
    ],
  };
}

export function ledgerXlsx(): ExtractedDocument {
  return {
    source: {
      path: '/in/ledger.xlsx',
      kind: 'xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: 1,
      sha256: 'c',
    },
    metadata: { sheetNames: ['Summary', 'Raw'] },
    quality: { pages: 0, textChars: 10, ocrPages: 0 },
    warnings: [
      {
        code: 'HIDDEN_SHEET',
        message: 'Sheet "Raw" is hidden; its content is included.',
        lossy: false,
        sheet: 'Raw',
      },
    ],
    blocks: [
      { type: 'sheet', name: 'Summary', range: 'A1:C3', hidden: false, prov: { sheet: 'Summary' } },
      {
        type: 'table',
        rows: [
          ['Account', 'Q1', 'Q2'],
          ['4400', '10', '20'],
          ['4410', '5'],
        ],
        header: true,
        prov: { sheet: 'Summary', range: 'A1:C3' },
      },
      { type: 'sheet', name: 'Raw', range: 'B2:C3', hidden: true, prov: { sheet: 'Raw' } },
      {
        type: 'table',
        rows: [
          ['x', '2024-01-31'],
          ['y', ''],
        ],
        header: false,
        prov: { sheet: 'Raw', range: 'B2:C3' },
      },
    ],
  };
}
