// Merged cells and page breaks of PDF tables, as Markdown shows them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExtractedDocument } from '../../../../src/shared/model';
import { renderMarkdown } from '../../../../src/workers/render/markdown';
import { continuationNote, rowsWithSpans } from '../../../../src/workers/render/table-spans';

const box = { x0: 0, y0: 0, x1: 1, y1: 1 };

describe('table spans in Markdown', () => {
  test('a label’s text is repeated down its rows, a header’s across its columns', () => {
    const rows = [
      ['Region', '2011', ''],
      ['North', '5', '6'],
      ['', '7', '8'],
    ];
    const cells = [
      { row: 0, col: 0, rowSpan: 1, colSpan: 1, bbox: box },
      { row: 0, col: 1, rowSpan: 1, colSpan: 2, bbox: box },
      { row: 1, col: 0, rowSpan: 2, colSpan: 1, bbox: box },
    ];
    assert.deepEqual(rowsWithSpans(rows, cells, 1), [
      ['Region', '2011', '2011'],
      ['North', '5', '6'],
      ['North', '7', '8'],
    ]);
    assert.equal(rows[0][2], '', 'the block itself is not changed');
    // Outside the header, a cell across columns (a section title) is written once.
    assert.deepEqual(rowsWithSpans(rows, cells, 0)[0], ['Region', '2011', '']);
  });

  test('a table joined over pages says where each page’s part starts', () => {
    const doc = {
      source: { path: '/x.pdf', kind: 'pdf', mime: 'application/pdf', size: 1, sha256: 'x' },
      metadata: {},
      quality: { pages: 2, textChars: 10, ocrPages: 0 },
      warnings: [],
      blocks: [
        {
          type: 'table',
          rows: [
            ['Date', 'Amount'],
            ['1 Jan', '10'],
            ['2 Jan', '20'],
          ],
          header: true,
          headerRows: 1,
          continuation: [{ page: 2, row: 2, bbox: box }],
          prov: { page: 1 },
        },
      ],
    } as unknown as ExtractedDocument;
    const block = doc.blocks[0];
    assert.equal(
      block.type === 'table' && continuationNote(block),
      '<!-- table continued on page 2 from row 3 -->',
    );
    const md = renderMarkdown(doc, { frontMatter: false });
    assert.match(md, /\| Date +\| Amount \|/);
    assert.match(md, /\| 2 Jan +\| 20 +\|/);
    assert.match(md, /\| 2 Jan +\| 20 +\|\n\n<!-- table continued on page 2 from row 3 -->/);
  });
});
